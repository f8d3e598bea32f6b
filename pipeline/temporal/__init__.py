"""German temporal tagger: find and normalize temporal expressions (TIMEX3) in German text.

Public API (the contract the rest of the pipeline relies on):

    tag(text: str, dct: date | None, dct_precision: str = "day") -> list[Timex]

returns every temporal expression in `text`, sorted by start offset, non-overlapping, resolved against the
document creation time `dct` (None: relative expressions keep an unresolved value and no interval).

    interval_of(value: str, mod: str | None = None) -> (date | None, date | None, precision)

turns a TIMEX3 value into the inclusive interval and precision the event table stores.
"""

from pipeline.temporal.interval import interval_of
from pipeline.temporal.tagger import tag
from pipeline.temporal.timex import Timex

__all__ = ["Timex", "interval_of", "tag"]
