"""TIMEX3 value -> inclusive date interval and precision, as the event table stores them."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pipeline.temporal.resolve import safe_date

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """Months first..last of `year` (last may run into the next year: 14 = February next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), _month_end(end_year, end_month)


def _base(value: str) -> tuple[date, date, str] | None:
    if m := _DAY.match(value):
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d is None:
            return None
        return d, d, "day"
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        return monday, monday + timedelta(days=6), "week"
    if m := _MONTH.match(value):
        if not 1 <= int(m[2]) <= 12:
            return None
        return (*_months(int(m[1]), int(m[2]), int(m[2])), "month")
    if m := _SEASON.match(value):
        return (*_months(int(m[1]), *_SEASON_MONTHS[m[2]]), "season")
    if m := _QUARTER.match(value):
        size = 3 if m[2] == "Q" else 6
        index = int(m[3])
        if size == 6 and index > 2:
            return None
        first = (index - 1) * size + 1
        return (*_months(int(m[1]), first, first + size - 1), "quarter")
    if m := _YEAR.match(value):
        if int(m[1]) < 1:
            return None
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year"
    if m := _DECADE.match(value):
        first = max(int(m[1]) * 10, 1)
        return date(first, 1, 1), date(int(m[1]) * 10 + 9, 12, 31), "multi_year"
    if m := _CENTURY.match(value):
        first = max(int(m[1]) * 100, 1)
        return date(first, 1, 1), date(int(m[1]) * 100 + 99, 12, 31), "multi_year"
    return None


def _narrow(start: date, end: date, mod: str | None, precision: str) -> tuple[date, date]:
    """The part of [start, end] a mod selects: START/MID/END are the first, middle and last third.

    A month splits into days 1-10, 11-20, 21-end; a year into January-April, May-August, September-December.
    """
    if mod not in ("START", "MID", "END") or start == end:
        return start, end
    if precision == "month":
        return {
            "START": (start, start.replace(day=10)),
            "MID": (start.replace(day=11), start.replace(day=20)),
            "END": (start.replace(day=21), end),
        }[mod]
    if precision == "year":
        first = {"START": 1, "MID": 5, "END": 9}[mod]
        return _months(start.year, first, first + 3)
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), end - timedelta(days=third)
    return end - timedelta(days=third - 1), end


def interval_of(value: str, mod: str | None = None) -> tuple[date | None, date | None, str]:
    """The inclusive interval and precision a TIMEX3 DATE/TIME value denotes, `mod` applied.

    `2024-11` -> (2024-11-01, 2024-11-30, "month"); `2024-11` with mod END -> the last third of November;
    `PRESENT_REF`, `XXXX-11`, BC values and anything else without a calendar interval -> (None, None, "unknown").
    """
    base = _base(value.strip())
    if base is None:
        return None, None, "unknown"
    start, end, precision = base
    start, end = _narrow(start, end, mod, precision)
    return start, end, precision
