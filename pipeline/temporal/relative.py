"""Handlers for expressions resolved against an anchor: heute/gestern, weekdays, letzten Monat, vor drei Monaten,
drei Tage später, Anfang Dezember, Ende des Jahres.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.temporal import lexicon as lx
from pipeline.temporal import resolve
from pipeline.temporal.absolute import decade_value, month_draft, season_draft, year_from_phrase
from pipeline.temporal.context import Context, Draft
from pipeline.temporal.words import (
    ANAPHORIC_STEMS,
    PLURAL_UNITS,
    duration_value,
    mod_of,
    month_of,
    norm,
    number_of,
    relative_offset,
    unit_of,
)

_UNIT_RANK = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "Y": 4, "DE": 5, "CE": 6}


def _dated(
    start: int,
    end: int,
    d: date,
    unit: str,
    ctx: Context,
    from_dct: bool,
    mod: str | None = None,
    remember: bool = True,
) -> Draft:
    """A DATE draft for the calendar unit containing d; remembers d as the anchor of what follows."""
    if remember and unit in ("D", "M", "Y"):
        ctx.remember(d, unit, start, False)
    return Draft(start, end, "DATE", resolve.value_at(d, unit), mod, from_dct)


def h_deictic(m: re.Match, ctx: Context) -> list[Draft]:
    """heute, gestern, vorgestern, morgen, übermorgen, gestern Abend, morgen früh."""
    word = m.group("dw")
    if word == "Morgen" and not ctx.sentence_initial(m.start()):
        return []  # the noun: "am Morgen", "jeden Morgen"
    if norm(word) == "heuer":
        if ctx.dct is None:
            return [Draft(m.start(), m.end(), "DATE", "PRESENT_REF")]
        return [Draft(m.start(), m.end(), "DATE", f"{ctx.dct.year:04d}", None, True)]
    offset = lx.DEICTIC_DAYS[norm(word)]
    if ctx.dct is None or (offset == 0 and not m.group("dp") and ctx.historical):
        return [Draft(m.start(), m.end(), "DATE", "PRESENT_REF")] if offset == 0 else []
    d = ctx.dct + timedelta(days=offset)
    if offset or m.group("dp"):
        ctx.saw_news_cue()
    if m.group("dp"):
        part = lx.DAY_PARTS[norm(m.group("dp"))]
        ctx.remember(d, "D", m.start(), False)
        return [Draft(m.start(), m.end(), "TIME", f"{d.isoformat()}T{part}", None, True)]
    return [_dated(m.start(), m.end(), d, "D", ctx, True)]


def h_deicticadj(m: re.Match, ctx: Context) -> list[Draft]:
    """am gestrigen Sonntag, heutigen Tag, die heutige Sitzung."""
    offset = lx.DEICTIC_DAYS[
        norm(m.group("adj"))[:-2]
        if norm(m.group("adj")).endswith(("en", "em", "er", "es"))
        else norm(m.group("adj"))[:-1]
    ]
    noun = norm(m.group("noun") or "")
    if ctx.dct is None or (not noun and offset == 0):
        return [Draft(m.start(), m.end(), "DATE", "PRESENT_REF")] if offset == 0 else []
    d = ctx.dct + timedelta(days=offset)
    ctx.saw_news_cue()
    if noun in lx.DAY_PARTS:
        return [Draft(m.start(), m.end(), "TIME", f"{d.isoformat()}T{lx.DAY_PARTS[noun]}", None, True)]
    return [_dated(m.start(), m.end(), d, "D", ctx, True)]


def h_weekday(m: re.Match, ctx: Context) -> list[Draft]:
    """Sonntag, Montagabend: the weekday before or after the anchor, by tense."""
    if m.string[m.start() - 1 : m.start()] == "-":
        return []  # Herz-Jesu-Sonntag, Super-Tuesday names
    weekday = lx.WEEKDAYS[norm(m.group("wd"))]
    anchor, from_dct = (ctx.dct, True) if ctx.dct is not None else ctx.anchor(m.start(), prefer_ref=True)
    return [_weekday_draft(m, ctx, weekday, anchor, from_dct, None)]


def _weekday_draft(
    m: re.Match, ctx: Context, weekday: int, anchor: date | None, from_dct: bool, direction: int | None
) -> Draft:
    part = lx.DAY_PARTS[norm(m.group("dp"))] if m.group("dp") else None
    if anchor is None:
        return Draft(
            m.start(),
            m.end(),
            "TIME" if part else "DATE",
            f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""),
        )
    if direction is None:
        direction = ctx.tense(m.start()) if from_dct else resolve.FUTURE
        if from_dct and direction == resolve.PAST and weekday == anchor.isoweekday():
            direction = resolve.NONE  # "..., berichteten Staatsmedien am Montag" in Monday's paper: that day
    d = resolve.weekday_near(anchor, weekday, direction)
    if part:
        return Draft(m.start(), m.end(), "TIME", f"{d.isoformat()}T{part}", None, from_dct)
    return _dated(m.start(), m.end(), d, "D", ctx, from_dct)


_CONTRACTED_ARTICLE = re.compile(r"\b[ai]m\s+$", re.IGNORECASE)


def h_relative(m: re.Match, ctx: Context) -> list[Draft]:
    """letzten Monat, diese Woche, den vergangenen Jahren, die letzten zwölf Monate, nächsten Freitag."""
    offset, stem = relative_offset(m.group("rel"))
    start = m.start() if m.group("det") else m.start("rel")
    if stem in ("selb", "gleich") and (art := _CONTRACTED_ARTICLE.search(m.string, max(0, start - 4), start)):
        start = art.start()  # "am selben Tag": "selben" needs its article, which "am" (an dem) holds
    end = m.end()
    if m.group("wd"):
        anchor, from_dct = (ctx.dct, True) if ctx.dct is not None else ctx.anchor(start, prefer_ref=True)
        direction = {-1: resolve.PAST, 1: resolve.FUTURE}.get(offset)
        return [_weekday_draft(m, ctx, lx.WEEKDAYS[norm(m.group("wd"))], anchor, from_dct, direction)]
    if m.group("season"):
        code, mod = lx.SEASONS[norm(m.group("season"))]
        return [_relative_season(ctx, code, start, end, offset, mod)]
    if m.group("mon"):
        phrase = (
            "dieses jahres" if offset == 0 else ("vergangenen jahres" if offset < 0 else "nächsten jahres")
        )
        month = month_of(m.group("mon"))
        anchor, _ = ctx.anchor(start)
        if anchor is not None and offset != 0:
            past = (offset < 0) == (month < anchor.month)
            phrase = "dieses jahres" if past else phrase
        return [month_draft(m, ctx, month, start, end, None, phrase)]
    unit_word = norm(m.group("unit"))
    unit_stem, letter = unit_of(unit_word)  # `stem` stays the adjective's: "selben Monat" is anaphoric
    if m.group("num"):
        return [Draft(start, end, "DURATION", duration_value(number_of(m.group("num")), unit_stem))]
    if unit_word in PLURAL_UNITS:
        if offset > 0 and stem != "folgend":
            return [Draft(start, end, "DATE", "FUTURE_REF")]
        if offset == 0:
            return [Draft(start, end, "DATE", "PRESENT_REF")]
        return [Draft(start, end, "DURATION", duration_value(None, unit_stem))]
    if unit_stem in lx.TIME_UNITS:
        return [Draft(start, end, "DURATION", duration_value(1, unit_stem))]
    anchor, from_dct = ctx.anchor(start, prefer_ref=stem in ANAPHORIC_STEMS or letter == "D")
    if stem not in ANAPHORIC_STEMS and letter != "D" and ctx.dct is not None and not ctx.narrative:
        anchor, from_dct = ctx.dct, True
    if anchor is None:
        return [Draft(start, end, "DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(offset, "PRESENT_REF"))]
    d = resolve.shift(anchor, letter, offset)
    return [_dated(start, end, d, letter, ctx, from_dct, remember=not _looks_back(letter, offset))]


def _looks_back(letter: str, amount: int) -> bool:
    """ "im Vorjahr", "im letzten Jahr", "zwei Jahre zuvor": a glance back that the timeline does not follow."""
    return letter == "Y" and amount < 0


def _relative_season(ctx: Context, code: str, start: int, end: int, offset: int, mod: str | None) -> Draft:
    anchor, from_dct = ctx.anchor(start)
    if anchor is None:
        return Draft(start, end, "DATE", f"XXXX-{code}", mod)
    current_year, current = resolve.season_of(anchor)
    if offset == 0:
        year = current_year if code == current else resolve.year_for_season(anchor, code, resolve.NONE)
    else:
        year = resolve.year_for_season(anchor, code, resolve.PAST if offset < 0 else resolve.FUTURE)
        if code == current:
            year = current_year + offset
    return season_draft(ctx, code, start, end, str(year), None, mod)


def h_offset(m: re.Match, ctx: Context) -> list[Draft]:
    """vor drei Monaten (DATE), in zwei Wochen (DATE, future), nach zwei Tagen, binnen drei Tagen (DURATION)."""
    prep = norm(m.group("prep"))
    amount = number_of(m.group("num"))
    stem, letter = unit_of(m.group("unit"))
    bare = m.start("q") if m.group("q") else m.start("num")
    duration = Draft(bare, m.end(), "DURATION", duration_value(amount, stem))
    if (
        prep in ("binnen", "innerhalb von")
        or stem in lx.TIME_UNITS
        or amount != int(amount)
        or letter == "WE"
    ):
        return [duration]
    if prep == "in" and ctx.tense(m.start()) == resolve.PAST:
        return [duration]
    if prep == "nach" and not (ctx.narrative and ctx.ref is not None):
        return [duration]  # news: "nach elf Jahren verlassen" is how long, not when
    sign = -1 if prep == "vor" else 1
    if prep == "nach":
        anchor, from_dct = ctx.anchor(m.start(), prefer_ref=True)
    else:
        anchor, from_dct = ctx.dct, True
    if anchor is None:
        return [Draft(m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")]
    d = resolve.shift(anchor, letter, sign * int(amount))
    unit = letter if from_dct else _coarser(letter, ctx.ref_unit)
    return [_dated(m.start(), m.end(), d, unit, ctx, from_dct, remember=not from_dct)]


def _coarser(unit: str, ref_unit: str) -> str:
    """The coarser of an offset's unit and the anchor's granularity (3 days after "June 1941" is a month)."""
    if unit == "W" and ref_unit == "D":
        return "D"
    return unit if _UNIT_RANK.get(unit, 0) >= _UNIT_RANK.get(ref_unit, 0) else ref_unit


_DIRECTION = {"später": 1, "danach": 1, "darauf": 1, "zuvor": -1, "vorher": -1, "früher": -1}
_WORD_OFFSETS = {
    "vortag": ("D", -1), "vortages": ("D", -1), "vorabend": ("D", -1), "vorwoche": ("W", -1),
    "vormonat": ("M", -1), "vormonats": ("M", -1), "vorjahr": ("Y", -1), "vorjahres": ("Y", -1),
    "vorjahrs": ("Y", -1), "folgetag": ("D", 1), "folgetages": ("D", 1), "folgewoche": ("W", 1),
    "folgemonat": ("M", 1), "folgemonats": ("M", 1), "folgejahr": ("Y", 1), "folgejahres": ("Y", 1),
}  # fmt: skip


def h_anaphoric(m: re.Match, ctx: Context) -> list[Draft]:
    """drei Tage später, einen Tag zuvor, am Tag darauf, Vortag, Vorjahr: relative to the last date."""
    start, end = m.start(), m.end()
    if m.group("vague"):
        later = _DIRECTION[norm(m.group("vdir"))] > 0
        return [Draft(start, end, "DATE", "FUTURE_REF" if later else "PAST_REF")]
    if m.group("word"):
        word = norm(m.group("word"))
        if word == "folgejahren":
            return [Draft(start, end, "DATE", "FUTURE_REF")]
        letter, amount = _WORD_OFFSETS[word]
        prefer_ref = letter == "D" or ctx.narrative
    elif m.group("tag"):
        letter = {"tag": "D", "tags": "D", "woche": "W", "monat": "M", "jahr": "Y"}[norm(m.group("tag"))]
        amount = _DIRECTION[norm(m.group("dir2"))]
        prefer_ref = True
    else:
        direction = _DIRECTION[norm(m.group("dir"))]
        stem, letter = unit_of(m.group("unit"))
        number = number_of(m.group("num"))
        if letter == "Y" and number != int(number) and number * 12 == int(number * 12):
            letter, number = "M", number * 12  # ein halbes Jahr später: six months
        if stem in lx.TIME_UNITS or number != int(number) or letter == "WE":
            return [Draft(start, m.end("unit"), "DURATION", duration_value(number, stem))]
        amount = direction * int(number)
        prefer_ref = True
    anchor, from_dct = ctx.anchor(start, prefer_ref=prefer_ref)
    if anchor is None:
        return [Draft(start, end, "DATE", "FUTURE_REF" if amount > 0 else "PAST_REF")]
    d = resolve.shift(anchor, letter, amount)
    unit = letter if from_dct else _coarser(letter, ctx.ref_unit)
    return [_dated(start, end, d, unit, ctx, from_dct, remember=not _looks_back(letter, amount))]


_REL_UNIT = re.compile(
    r"(\w+)\s+(jahres|monats|woche|jahrzehnts|jahrhunderts|sommers|winters|frühjahrs|herbstes)$"
)


_LEADING_PREPOSITION = re.compile(r"(?:zu|gegen)\s+(?=beginn|ende|mitte)", re.IGNORECASE)


def h_modexpr(m: re.Match, ctx: Context) -> list[Draft]:
    """Anfang Dezember, Mitte April 2015, Ende 2002, Ende des Jahres, Anfang der 1990er Jahre."""
    mod = mod_of(m.group("mod"))
    start, end = m.start(), m.end()
    if (lead := _LEADING_PREPOSITION.match(m.group("mod"))) is not None:
        start += lead.end()  # "zu Beginn des Jahres": annotators mark "Beginn des Jahres"
    if m.group("mon"):
        return [
            month_draft(
                m, ctx, month_of(m.group("mon")), start, end, m.group("year"), m.group("relyear"), mod
            )
        ]
    if m.group("season"):
        code, _ = lx.SEASONS[norm(m.group("season"))]
        return [season_draft(ctx, code, start, end, m.group("syear"), None, mod)]
    if m.group("year2"):
        year = int(m.group("year2"))
        ctx.remember(date(year, 1, 1), "Y", start, True)
        return [Draft(start, end, "DATE", f"{year:04d}", mod)]
    if m.group("decade"):
        value = decade_value(m.group("decade"), None, bool(m.group("dbc")))
        return [Draft(start, end, "DATE", value, mod)] if value else []
    if m.group("century"):
        n = int(m.group("century"))
        value = f"BC{n - 1:02d}" if m.group("cbc") else f"{n - 1:02d}"
        return [Draft(start, end, "DATE", value, mod)]
    return [_mod_unit(m, ctx, mod, start, end)]


def _mod_unit(m: re.Match, ctx: Context, mod: str | None, start: int, end: int) -> Draft:
    """Ende des Jahres, Anfang nächsten Jahres, Ende der Woche, Mitte des Monats."""
    phrase = norm(m.group("relunit"))
    if m.group("uyear"):
        ctx.remember(date(int(m.group("uyear")), 1, 1), "Y", start, True)
        return Draft(start, end, "DATE", m.group("uyear"), mod)
    rel = _REL_UNIT.search(phrase)
    word, unit = (rel.group(1), rel.group(2)) if rel else ("des", "jahres")
    if unit in ("sommers", "winters", "frühjahrs", "herbstes"):
        code = {"sommers": "SU", "winters": "WI", "frühjahrs": "SP", "herbstes": "FA"}[unit]
        return season_draft(ctx, code, start, end, None, None, mod)
    if unit == "jahres":
        year, explicit, from_dct = year_from_phrase(phrase, start, ctx)
        value = f"{year:04d}" if year is not None else "XXXX"
        return Draft(start, end, "DATE", value, mod, from_dct)
    letter = {"monats": "M", "woche": "W", "jahrzehnts": "DE", "jahrhunderts": "CE"}[unit]
    offset, stem = relative_offset(word) if word not in ("des", "der") else (0, "selb")
    prefer_ref = stem in ANAPHORIC_STEMS
    anchor, from_dct = ctx.anchor(start, prefer_ref=prefer_ref)
    if not prefer_ref and ctx.dct is not None:
        anchor, from_dct = ctx.dct, True
    if anchor is None:
        return Draft(start, end, "DATE", "XXXX", mod)
    return _dated(
        start, end, resolve.shift(anchor, letter, offset), letter, ctx, from_dct, mod, remember=False
    )


def h_yearpart(m: re.Match, ctx: Context) -> list[Draft]:
    """Jahresbeginn 1940, Jahresende, Monatsende."""
    part = norm(m.group("part"))
    mod = mod_of(part)
    if m.group("year"):
        ctx.remember(date(int(m.group("year")), 1, 1), "Y", m.start(), True)
        return [Draft(m.start(), m.end(), "DATE", m.group("year"), mod)]
    anchor, from_dct = ctx.anchor(m.start())
    if anchor is None:
        return [Draft(m.start(), m.end(), "DATE", "XXXX", mod)]
    unit = "M" if part.startswith("monat") else "Y"
    return [_dated(m.start(), m.end(), anchor, unit, ctx, from_dct, mod, remember=False)]


def h_weekend(m: re.Match, ctx: Context) -> list[Draft]:
    """am Wochenende: the last weekend in a past-tense sentence, else the coming one."""
    start, end = m.span("x")
    anchor, from_dct = (ctx.dct, True) if ctx.dct is not None else ctx.anchor(start, prefer_ref=True)
    if anchor is None:
        return [Draft(start, end, "DATE", "XXXX-WXX-WE")]
    direction = ctx.tense(start) if from_dct else resolve.NONE
    saturday = anchor + timedelta(days=6 - anchor.isoweekday())  # this week's
    if direction == resolve.PAST and anchor.isoweekday() < 6:
        saturday -= timedelta(days=7)
    return [Draft(start, end, "DATE", resolve.iso_week(saturday) + "-WE", None, from_dct)]
