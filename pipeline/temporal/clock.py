"""Handlers for times of day: 20 Uhr, 20.30 Uhr, 4 Uhr 45, 10-12 Uhr, um 14.30, am Morgen des 9. Mai."""

from __future__ import annotations

import re

from pipeline.temporal import lexicon as lx
from pipeline.temporal.absolute import month_draft
from pipeline.temporal.context import Context, Draft
from pipeline.temporal.patterns import MONTH, YEAR
from pipeline.temporal.words import mod_of, month_of, norm

_EVENING = {"abends": 12, "nachts": 12, "nachmittags": 12}


DAYPART_REACH = 500
"""A part of the day ("am Nachmittag") belongs to a day named this many characters before, else to the DCT."""


def _day_of(ctx: Context, pos: int, reach: int = 0) -> tuple[str | None, bool]:
    """(YYYY-MM-DD, from_dct) of the day a time at pos belongs to: the day named in its sentence (or within
    `reach` characters), else the DCT (news) or the last day mentioned (narrative)."""
    near = ctx.last_pos >= min(ctx.sentence(pos)[0], pos - reach)
    if ctx.ref is not None and ctx.ref_unit == "D" and (ctx.narrative or near):
        return ctx.ref.isoformat(), False
    if ctx.dct is not None:
        return ctx.dct.isoformat(), True
    return None, False


def _time(ctx: Context, start: int, end: int, hour: int, minute: int) -> Draft | None:
    if hour > 24 or minute > 59:
        return None
    day, from_dct = _day_of(ctx, start)
    clock = f"T{hour:02d}:{minute:02d}"
    return Draft(start, end, "TIME", (day or "") + clock, None, from_dct)


def h_clock(m: re.Match, ctx: Context) -> list[Draft]:
    hour = int(m.group("h"))
    minute = int(m.group("mi") or m.group("mi2") or 0)
    if m.group("dp") and hour < 12:
        hour += _EVENING.get(norm(m.group("dp")), 0)
    draft = _time(ctx, m.start(), m.end(), hour, minute)
    if draft and m.group("tz"):
        draft = draft._replace(value=draft.value + "+01")
    return [draft] if draft else []


def h_clockprep(m: re.Match, ctx: Context) -> list[Draft]:
    draft = _time(ctx, m.start("x"), m.end("x"), int(m.group("h")), int(m.group("mi")))
    return [draft] if draft else []


def h_timerange(m: re.Match, ctx: Context) -> list[Draft]:
    """10-12 Uhr, 14.30-17 Uhr -> two times."""
    first = _time(
        ctx,
        m.start("h1"),
        m.end("m1") if m.group("m1") else m.end("h1"),
        int(m.group("h1")),
        int(m.group("m1") or 0),
    )
    second = _time(ctx, m.start("h2"), m.end(), int(m.group("h2")), int(m.group("m2") or 0))
    return [d for d in (first, second) if d]


_NIGHT_TO = re.compile(
    r"\s+(?:auf|zum)\s+(?:den\s+)?\d{1,2}\.\s*(?P<mon>" + MONTH + r")(?![\w])(?:\s+(?P<year>" + YEAR + r"))?",
    re.IGNORECASE,
)


def h_daypart(m: re.Match, ctx: Context) -> list[Draft]:
    """am Morgen des 9. Mai 1945, in der Nacht, am Abend: a part of the day last mentioned (or named)."""
    part = lx.DAY_PARTS[norm(m.group("dp"))]
    start, end = m.span("x")
    mod = mod_of(m.group("early"))
    month_word, year = m.group("mon"), m.group("year")
    if m.group("day") and not month_word and (later := _NIGHT_TO.match(m.string, end)):
        month_word, year = later.group("mon"), later.group("year")  # Nacht vom 16. auf den 17. April 1945
    if m.group("day") and month_word:
        month = month_draft(m, ctx, month_of(month_word), start, end, year, None)
        value = month.value + f"-{int(m.group('day')):02d}T{part}"
        return [Draft(start, end, "TIME", value, mod, month.anchored)]
    day, from_dct = _day_of(ctx, start, DAYPART_REACH)
    return [Draft(start, end, "TIME", f"{day or 'XXXX-XX-XX'}T{part}", mod, from_dct)]
