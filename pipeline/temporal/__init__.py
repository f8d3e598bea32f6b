"""German temporal tagger: find and normalize temporal expressions (TIMEX3) in German text.

Public API (the contract the rest of the pipeline relies on):

    tag(text: str, dct: date | None, dct_precision: str = "day") -> list[Timex]

returns every temporal expression in `text`, sorted by start offset, non-overlapping, resolved against the
document creation time `dct` (None: relative expressions keep an unresolved value and no interval).
"""

from pipeline.temporal.timex import Timex

__all__ = ["Timex", "tag"]


def tag(text, dct, dct_precision="day"):  # pragma: no cover - replaced by the tagger implementation
    raise NotImplementedError("the temporal tagger is being written")
