"""The temporal expression record returned by the German temporal tagger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text, normalized TIMEX3-style.

    Offsets are character offsets into the text exactly as given to the tagger.
    """

    start: int
    end: int
    text: str
    type: str
    """TIMEX3 type: DATE, TIME, DURATION or SET."""
    value: str
    """ISO-TimeML value: 2024-11-10, 2024-11, 2024-W45, 2024-SU, 2024-Q1, 199, 19, P3M, PT7M, PXD, PAST_REF, ..."""
    mod: str | None = None
    """TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ON_OR_AFTER, ... or None."""
    date_start: date | None = None
    """For a DATE (or TIME): inclusive start of the interval the value denotes (mod applied); else None."""
    date_end: date | None = None
    """For a DATE (or TIME): inclusive end of that interval; else None."""
    precision: str | None = None
    """For a DATE: day, week, month, season, quarter, year, multi_year or unknown (PRESENT_REF etc.)."""
