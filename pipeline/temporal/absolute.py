"""Handlers for calendar expressions: dates, months, seasons, years, decades, centuries, quarters, holidays.

Each handler takes the rule's match and the pass `Context` and returns Drafts; a month or day named without a
year gets its year from the anchor (DCT or last mentioned date) and the sentence's tense.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.temporal import lexicon as lx
from pipeline.temporal import resolve
from pipeline.temporal.context import Context, Draft
from pipeline.temporal.words import ANAPHORIC_STEMS, mod_of, month_of, norm, relative_offset, two_digit_year

WEAK_TENSE_DAYS = 45
"""How much further a day against the tense counts when only another clause shows the tense."""

_REL_IN_YEAR = re.compile(r"(\w+)\s+jahres$", re.IGNORECASE)
_YEAR_IN = re.compile(r"(\d{4})")


def year_from_phrase(phrase: str, pos: int, ctx: Context) -> tuple[int | None, bool, bool]:
    """(year, explicit, from_dct) of "vergangenen Jahres", "des folgenden Jahres", "des Jahres 1939"."""
    if m := _YEAR_IN.search(phrase):
        return int(m.group(1)), True, False
    rel = _REL_IN_YEAR.search(norm(phrase))
    word = rel.group(1) if rel else "dies"
    if word in ("des", "jahres"):
        word = "selb"
    offset, stem = relative_offset(word)
    anchor, from_dct = ctx.anchor(pos, prefer_ref=stem in ANAPHORIC_STEMS)
    if stem not in ANAPHORIC_STEMS and ctx.dct is not None and not ctx.narrative:
        anchor, from_dct = ctx.dct, True
    if anchor is None:
        return None, False, False
    return anchor.year + offset, False, from_dct


def _day_value(m: re.Match, ctx: Context, day: int, month: int, year_text: str | None, relyear: str | None):
    """(value, date or None, from_dct, explicit) of a day and month with an optional year."""
    start = m.start()
    if year_text:
        year = (
            int(year_text)
            if len(year_text) == 4
            else two_digit_year(int(year_text), ctx.dct and ctx.dct.year)
        )
        explicit, from_dct = True, False
    elif relyear:
        year, explicit, from_dct = year_from_phrase(relyear, start, ctx)
    else:
        anchor, from_dct = ctx.anchor(start)
        explicit = False
        if anchor is None:
            year = None
        elif from_dct:
            penalty = 400 if ctx.tense_is_local(start) else WEAK_TENSE_DAYS
            year = resolve.year_for_day(anchor, month, day, ctx.tense(start), penalty)
        else:  # narrative: the year of the date last mentioned
            year = anchor.year
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", None, False, False
    d = resolve.safe_date(year, month, day)
    if d is None:
        return None, None, False, False
    return d.isoformat(), d, from_dct, explicit


def h_date(m: re.Match, ctx: Context) -> list[Draft]:
    """8. November 2024, Donnerstag, 25. Februar, 8. Nov., 480 v. Chr. dates are left alone."""
    if m.group("bc"):
        return []
    month = month_of(m.group("mon") or m.group("mabbr"))
    value, d, from_dct, explicit = _day_value(
        m, ctx, int(m.group("day")), month, m.group("year"), m.group("relyear")
    )
    if value is None:
        return []
    if d is not None:
        ctx.remember(d, "D", m.start(), explicit)
    return [Draft(m.start(), m.end(), "DATE", value, None, from_dct)]


def h_numdate(m: re.Match, ctx: Context) -> list[Draft]:
    """08.11.2024, 8.11., 1.9.39."""
    value, d, from_dct, explicit = _day_value(
        m, ctx, int(m.group("day")), int(m.group("mon")), m.group("year"), None
    )
    if value is None or (m.group("year") is None and m.group("wd") is None and not _looks_like_date(m)):
        return []
    if d is not None:
        ctx.remember(d, "D", m.start(), explicit)
    return [Draft(m.start(), m.end(), "DATE", value, None, from_dct)]


def _looks_like_date(m: re.Match) -> bool:
    """8.11. without a year: a date only when not part of a list of numbers (1.2.3.)."""
    after = m.string[m.end() : m.end() + 1]
    return not after.isdigit()


def h_isodate(m: re.Match, ctx: Context) -> list[Draft]:
    d = resolve.safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    if d is None:
        return []
    ctx.remember(d, "D", m.start(), True)
    return [Draft(m.start(), m.end(), "DATE", d.isoformat())]


_DAY_NUMBER = re.compile(r"\d{1,2}\.?")


def h_dayrange(m: re.Match, ctx: Context) -> list[Draft]:
    """3. bis 5. Dezember, am 3., 4. und 7. Oktober -> one date per day; all take the last one's month and year."""
    month = month_of(m.group("mon"))
    out = []
    days = list(_DAY_NUMBER.finditer(m.string, m.start("days"), m.end("days")))
    for i, day in enumerate(days):
        value, d, from_dct, explicit = _day_value(
            m, ctx, int(day.group().rstrip(".")), month, m.group("year"), None
        )
        if value is None:
            return []
        start, end = day.span()
        if i == len(days) - 1:
            end = m.end()
        if d is not None:
            ctx.remember(d, "D", start, explicit)
        out.append(Draft(start, end, "DATE", value, None, from_dct))
    return out


def year_of(ctx: Context, start: int, year_text: str | None, relyear: str | None, guess) -> tuple:
    """(year, explicit, from_dct) of a month or season: written, relative ("vergangenen Jahres") or guessed.

    `guess(anchor, direction)` picks the year from the anchor date and the sentence's tense.
    """
    if year_text:
        return int(year_text), True, False
    if relyear:
        return year_from_phrase(relyear, start, ctx)
    anchor, from_dct = ctx.anchor(start)
    if anchor is None:
        return None, False, False
    if not from_dct:  # narrative: the year of the date last mentioned
        return anchor.year, False, False
    return guess(anchor, ctx.tense(start)), False, True


def period_draft(
    ctx: Context, span: tuple[int, int], suffix: str, first_month: int, years: tuple, mod, guess
):
    """A month or season (`suffix` "06" or "SU") with a written, relative or guessed year (`years`)."""
    start, end = span
    year, explicit, from_dct = year_of(ctx, start, *years, guess)
    if year is None:
        return Draft(start, end, "DATE", f"XXXX-{suffix}", mod)
    ctx.remember(date(year, first_month, 1), "M", start, explicit)
    return Draft(start, end, "DATE", f"{year:04d}-{suffix}", mod, from_dct)


def month_draft(
    m: re.Match,
    ctx: Context,
    month: int,
    start: int,
    end: int,
    year_text: str | None,
    relyear: str | None,
    mod: str | None = None,
) -> Draft:
    """A month with an explicit, relative or missing year."""
    guess = lambda anchor, direction: resolve.year_for_month(anchor, month, direction)  # noqa: E731
    return period_draft(ctx, (start, end), f"{month:02d}", month, (year_text, relyear), mod, guess)


def h_month(m: re.Match, ctx: Context) -> list[Draft]:
    """Juni 2024, Juni vergangenen Jahres, März des folgenden Jahres, im Januar."""
    word = m.group("mon") or m.group("mabbr")
    if not m.group("year") and not m.group("relyear") and _is_name(m, word):
        return []
    return [month_draft(m, ctx, month_of(word), m.start(), m.end(), m.group("year"), m.group("relyear"))]


# Words before a month name that make it a month, not a first name ("im August", "bis Mai").
_NOT_NAME_BEFORE = re.compile(r"\b(?:im|seit|bis|ab|vom|zum|anfang|mitte|ende|und|oder|des|den|dem)\s+$")


def _is_name(m: re.Match, word: str) -> bool:
    """ "August Bebel", "Mai Thi": a month name used as a first name (followed by a capitalised word)."""
    if norm(word) not in ("august", "mai", "april", "juni", "juli"):
        return False
    after = m.string[m.end() : m.end() + 2]
    before = m.string[max(0, m.start() - 8) : m.start()].lower()
    if _NOT_NAME_BEFORE.search(before):
        return False
    return len(after) == 2 and after[0] == " " and after[1].isupper()


def h_monthrange(m: re.Match, ctx: Context) -> list[Draft]:
    """Mai/Juni 1940 -> two months of 1940."""
    first = month_draft(m, ctx, month_of(m.group("m1")), *m.span("m1"), m.group("year"), None)
    second = month_draft(m, ctx, month_of(m.group("m2")), m.start("m2"), m.end(), m.group("year"), None)
    return [first, second]


def season_draft(
    ctx: Context, code: str, start: int, end: int, year_text: str | None, relyear: str | None, mod: str | None
) -> Draft:
    """A season with an explicit, relative or missing year."""
    guess = lambda anchor, direction: resolve.year_for_season(anchor, code, direction)  # noqa: E731
    return period_draft(ctx, (start, end), code, resolve.SEASON_START[code], (year_text, relyear), mod, guess)


def h_season(m: re.Match, ctx: Context) -> list[Draft]:
    """Frühjahr 2015, im Sommer, Herbst des Jahres 1940, späten Frühjahr."""
    code, mod = lx.SEASONS[norm(m.group("season"))]
    mod = mod_of(m.group("early")) or mod
    return [season_draft(ctx, code, m.start(), m.end(), m.group("year"), m.group("relyear"), mod)]


def h_year(m: re.Match, ctx: Context) -> list[Draft]:
    """2014, im Jahr 2021, um 1900, 480 v. Chr."""
    mod = "APPROX" if m.group("approx") else None
    if m.group("bcyear"):
        return [Draft(m.start(), m.end(), "DATE", f"BC{int(m.group('bcyear')):04d}", mod)]
    year = int(m.group("year"))
    cued = bool(m.group("jahr") or m.group("approx"))
    if not cued and not plausible_year(m.string, m.start("year"), m.end(), year, ctx.dct):
        return []
    ctx.remember(date(year, 1, 1), "Y", m.start(), True, anchor=not _side_year(m))
    second = int(m.group("y2") or 0)
    if len(m.group("y2") or "") != 4 or second <= year:  # "Saison 2007/08" is one expression
        return [Draft(m.start(), m.end(), "DATE", f"{year:04d}", mod)]
    # 1940/1941: two years; what follows continues from the first
    return [
        Draft(m.start(), m.end("year"), "DATE", f"{year:04d}", mod),
        Draft(*m.span("y2"), "DATE", f"{second:04d}"),
    ]


_SIDE_BEFORE = re.compile(r"(?:\b(?:seit|bis|ab|nach|vor)|\d{4}\s*[–-])\s*$", re.IGNORECASE)


def _side_year(m: re.Match) -> bool:
    """ "seit 1939", "bis 1881", the end of "1940–1943": a year the timeline does not move to."""
    return not m.group("jahr") and bool(_SIDE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()))


_YEAR_CUE = re.compile(
    r"\b(?:im|in|seit|bis|ab|von|vom|vor|nach|um|zwischen|jahr|jahre|jahres|jahren|anfang|mitte|ende|beginn|"
    r"sommer|winter|herbst|frühjahr|frühling|saison|stand|seither|spätestens|frühestens)\s*$",
    re.IGNORECASE,
)
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|‰|€|\$|prozent|euro|dollar|franken|pfund|rubel|meter|kilometer|km|kg|tonnen|stück|mal|"
    r"menschen|personen|soldaten|mitglieder|einwohner|mio|millionen|milliarden|punkte|stimmen|seiten)\b"
    r"|[ \t]+(?:im|pro|je|in\s+diesem|in\s+den)\s+(?:\w+\s+)?(?:jahr|jahren|monat|monaten|woche|wochen)\b",
    re.IGNORECASE,
)

_CAPITAL_FOLLOWER = re.compile(r" (\S)")


def plausible_year(text: str, start: int, end: int, year: int, dct: date | None) -> bool:
    """A bare four-digit number is a year unless it reads as a quantity ("1500 Soldaten", "2000 Euro")."""
    if _QUANTITY_AFTER.match(text, end):
        return False
    if text[end : end + 1] in (",", ".") and text[end + 1 : end + 2].isdigit():
        return False
    cued = bool(_YEAR_CUE.search(text, max(0, start - 20), start))
    horizon = (dct.year if dct else 2030) + 30
    if year > horizon and not cued:
        return False
    follower = _CAPITAL_FOLLOWER.match(text[end : end + 2])
    return not (follower and follower.group(1).isupper() and not cued)


def h_decade(m: re.Match, ctx: Context) -> list[Draft]:
    """1990er Jahre -> 199, den 80er Jahren -> 198, zwanziger Jahre -> 192, 460er Jahre v. Chr. -> BC046."""
    value = decade_value(m.group("num"), m.group("word"), bool(m.group("bc")))
    return [Draft(m.start(), m.end(), "DATE", value)] if value else []


def decade_value(num: str | None, word: str | None, bc: bool) -> str | None:
    if word:
        return f"19{lx.DECADE_WORDS[norm(word)]}"
    digits = num or ""
    if int(digits) % 10:
        return None
    if bc:
        return f"BC{int(digits) // 10:03d}"
    if len(digits) == 2:
        return ("20" if digits in ("00", "10") else "19") + digits[0]
    return digits[:-1].zfill(3) if len(digits) in (3, 4) else None


def h_century(m: re.Match, ctx: Context) -> list[Draft]:
    """das 20. Jahrhundert -> 19, 9. Jh. v. Chr. -> BC08."""
    n = int(m.group("num")) if m.group("num") else lx.ORDINALS[norm(m.group("ord"))]
    if not 1 <= n <= 21:
        return []
    value = f"BC{n - 1:02d}" if m.group("bc") else f"{n - 1:02d}"
    return [Draft(m.start(), m.end(), "DATE", value)]


def h_quarter(m: re.Match, ctx: Context) -> list[Draft]:
    """zweiten Quartal 2024 -> 2024-Q2, der ersten Jahreshälfte -> H1, Q1 2024."""
    if m.group("q"):
        return [Draft(m.start(), m.end(), "DATE", f"{m.group('qyear')}-{m.group('q').upper()}")]
    half = not norm(m.group("unit")).startswith("quartal")
    index = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "letzt": 2 if half else 4}[norm(m.group("ord"))]
    if half and index > 2:
        return []
    if m.group("year"):
        year, from_dct = int(m.group("year")), False
    elif m.group("relyear"):
        year, _, from_dct = year_from_phrase(m.group("relyear"), m.start(), ctx)
    else:
        anchor, from_dct = ctx.anchor(m.start())
        year = anchor.year if anchor else None
    code = f"{'H' if half else 'Q'}{index}"
    value = f"{year:04d}-{code}" if year else f"XXXX-{code}"
    return [Draft(m.start(), m.end(), "DATE", value, None, from_dct)]


_NAMED_AFTER = re.compile(
    r"(?:pfarre|pfarrei|kirche|dom|kapelle|schule|straße|gasse|platz)\s+$", re.IGNORECASE
)


def h_holiday(m: re.Match, ctx: Context) -> list[Draft]:
    """Weihnachten, Ostern 2024, Tag der Arbeit: the holiday's day in the year by tense."""
    if _NAMED_AFTER.search(m.string, max(0, m.start() - 12), m.start()):
        return []  # "Pfarre Maria Himmelfahrt"
    name = norm(m.group("name"))
    anchor, from_dct = ctx.anchor(m.start())
    if m.group("year"):
        years, from_dct = [int(m.group("year"))], False
    elif anchor is None:
        fixed = lx.FIXED_HOLIDAYS.get(name)
        value = f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
        return [Draft(m.start(), m.end(), "DATE", value)]
    else:
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
    candidates = [_holiday_in(name, y) for y in years]
    if len(candidates) == 1:
        day = candidates[0]
    else:
        direction = ctx.tense(m.start()) if from_dct else resolve.NONE
        day = _pick(candidates, anchor, direction)
    ctx.remember(day, "D", m.start(), bool(m.group("year")))
    return [Draft(m.start(), m.end(), "DATE", day.isoformat(), None, from_dct)]


def _holiday_in(name: str, year: int) -> date:
    if name in lx.FIXED_HOLIDAYS:
        month, day = lx.FIXED_HOLIDAYS[name]
        return date(year, month, day)
    return resolve.easter(year) + timedelta(days=lx.EASTER_HOLIDAYS[name])


def _pick(candidates: list[date], anchor: date, direction: int) -> date:
    """The candidate nearest the anchor in the tense's direction (this year's when no tense)."""
    if direction == resolve.PAST:
        before = [c for c in candidates if c <= anchor]
        return max(before) if before else candidates[1]
    if direction == resolve.FUTURE:
        after = [c for c in candidates if c >= anchor]
        return min(after) if after else candidates[1]
    return candidates[1]


def h_turn(m: re.Match, ctx: Context) -> list[Draft]:
    """zum Jahreswechsel: the 1 January closest in the tense's direction."""
    anchor, from_dct = ctx.anchor(m.start())
    if anchor is None:
        return [Draft(m.start(), m.end(), "DATE", "XXXX-01-01")]
    direction = ctx.tense(m.start()) if from_dct else resolve.NONE
    if direction == resolve.PAST:
        year = anchor.year
    elif direction == resolve.FUTURE:
        year = anchor.year + 1
    else:
        year = anchor.year + (1 if anchor.month >= 7 else 0)
    return [Draft(m.start(), m.end(), "DATE", f"{year:04d}-01-01", None, from_dct)]
