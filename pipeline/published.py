"""Infer an article's publication date from its text when no manifest, date line or metadata gives one.

Sound only when the text names absolute dates (with a year): the article cannot be older than the latest of them.
The result is marked `inferred`; an article with no such date stays undated (its events are flagged, not dropped).
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.temporal import tag

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def infer_published(text: str) -> tuple[date, str] | None:
    """(date, precision) of the latest absolute date written with its year, or None when there is none."""
    best: tuple[date, str] | None = None
    for t in tag(text, None):
        if t.type != "DATE" or t.date_end is None or t.precision not in ("day", "month"):
            continue
        if not _YEAR.search(t.text):
            continue
        candidate = (t.date_start, t.precision)
        if best is None or t.date_start > best[0]:
            best = candidate
    return best
