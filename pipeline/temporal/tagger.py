"""`tag()`: find, normalize and resolve the temporal expressions of a German text in one pass."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pipeline.temporal import absolute, clock, frequency, relative
from pipeline.temporal.context import Context, Draft
from pipeline.temporal.interval import interval_of
from pipeline.temporal.patterns import COMPILED, MASTER
from pipeline.temporal.resolve import value_at
from pipeline.temporal.timex import Timex

HANDLERS: dict[str, Callable] = {
    "date": absolute.h_date,
    "dayrange": absolute.h_dayrange,
    "numdate": absolute.h_numdate,
    "isodate": absolute.h_isodate,
    "monthrange": absolute.h_monthrange,
    "modexpr": relative.h_modexpr,
    "yearpart": relative.h_yearpart,
    "decade": absolute.h_decade,
    "century": absolute.h_century,
    "quarter": absolute.h_quarter,
    "season": absolute.h_season,
    "month": absolute.h_month,
    "timerange": clock.h_timerange,
    "clock": clock.h_clock,
    "clockprep": clock.h_clockprep,
    "daypart": clock.h_daypart,
    "weekend": relative.h_weekend,
    "deictic": relative.h_deictic,
    "deicticadj": relative.h_deicticadj,
    "set": frequency.h_set,
    "setadverb": frequency.h_setadverb,
    "offset": relative.h_offset,
    "anaphoric": relative.h_anaphoric,
    "relative": relative.h_relative,
    "weekday": relative.h_weekday,
    "vagueduration": frequency.h_vagueduration,
    "duration": frequency.h_duration,
    "year": absolute.h_year,
    "holiday": absolute.h_holiday,
    "turn": absolute.h_turn,
    "vague": frequency.h_vague,
}
"""Rule name (patterns.RULES) -> handler(match, context) -> list of Drafts."""

DCT_PRECISIONS = ("day", "month", "year", "unknown")
_COARSEN = {"month": "M", "year": "Y"}


def tag(text: str, dct: date | None, dct_precision: str = "day", until: int | None = None) -> list[Timex]:
    """Every temporal expression in `text`, sorted and non-overlapping, resolved against `dct`.

    `until`: only the expressions found before this offset (a caller that needs no more saves the rest of the
    pass; what comes later never changes an earlier expression, so these are the same as in a full pass).

    `dct_precision` says how much of `dct` is known: with "month" or "year", values computed from the DCT are
    cut to that precision ("gestern" in an article dated only 2024-11 -> 2024-11); "unknown" ignores the DCT.
    Raises ValueError for an unknown `dct_precision`.
    """
    if dct_precision not in DCT_PRECISIONS:
        raise ValueError(f"dct_precision must be one of {', '.join(DCT_PRECISIONS)}, not {dct_precision!r}")
    ctx = Context(text, None if dct_precision == "unknown" else dct)
    out: list[Timex] = []
    last_end = 0
    for hit in MASTER.finditer(text):
        if until is not None and hit.start() >= until:
            break
        rule = hit.lastgroup
        match = COMPILED[rule].fullmatch(text, hit.start(), hit.end())
        if match is None:  # cannot happen: the rule's pattern is the master's alternative
            continue
        for draft in _drafts(rule, match, ctx):
            if draft.start < last_end or draft.end <= draft.start:
                continue
            ctx.dct_relative += draft.anchored
            out.append(_timex(text, draft, dct_precision))
            last_end = draft.end
    return out


def _drafts(rule: str, match, ctx: Context) -> list[Draft]:
    """The handler's drafts; none when the arithmetic leaves the calendar (year 0 or after 9999)."""
    try:
        return HANDLERS[rule](match, ctx)
    except (OverflowError, ValueError):
        return []


def _timex(text: str, draft: Draft, dct_precision: str) -> Timex:
    value = draft.value
    if draft.anchored and dct_precision in _COARSEN:
        value = _coarsen(value, _COARSEN[dct_precision])
    start, end, precision = (None, None, None)
    if draft.type in ("DATE", "TIME"):
        start, end, precision = interval_of(value, draft.mod)
        if draft.type == "TIME":
            precision = "day" if start else "unknown"
    return Timex(
        draft.start,
        draft.end,
        text[draft.start : draft.end],
        draft.type,
        value,
        draft.mod,
        start,
        end,
        precision,
    )


def _coarsen(value: str, unit: str) -> str:
    """A DCT-derived value cut to the DCT's precision (M or Y)."""
    start, _, precision = interval_of(value)
    if start is None or precision in ("year", "multi_year") or (unit == "M" and precision == "month"):
        return value
    return value_at(start, unit)
