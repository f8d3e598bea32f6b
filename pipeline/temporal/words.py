"""Small readers of matched words: month, number, unit, relative adjective, mod. Pure lookups in the lexicon."""

from __future__ import annotations

import re

from pipeline.temporal import lexicon as lx

_ENDINGS = ("en", "em", "er", "es", "e")
_SPACES = re.compile(r"\s+")


def norm(word: str) -> str:
    """Lower case with single spaces."""
    return _SPACES.sub(" ", word.strip().lower())


def month_of(word: str) -> int:
    """Month number of a month name or abbreviation ("Nov." -> 11)."""
    w = norm(word).rstrip(".")
    return lx.MONTHS.get(w) or lx.MONTH_ABBREVIATIONS[w]


def number_of(word: str) -> float:
    """Value of a number written in digits ("1,5") or words ("zwölf", "einundzwanzig")."""
    w = norm(word)
    if w[:1].isdigit():
        return float(w.replace(",", "."))
    return float(lx.NUMBER_WORDS[w])


def fmt_number(n: float) -> str:
    """3.0 -> "3", 1.5 -> "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"


def unit_of(word: str) -> tuple[str, str]:
    """(stem, ISO letter) of a unit form ("Monaten" -> ("monat", "M"))."""
    stem = lx.UNIT_FORMS[norm(word)]
    return stem, lx.UNITS[stem]


PLURAL_UNITS = frozenset(
    {"tage", "tagen", "wochen", "wochenenden", "monate", "monaten", "jahre", "jahren", "quartale", "quartalen",
     "jahrzehnte", "jahrzehnten", "jahrhunderte", "jahrhunderten", "stunden", "minuten", "sekunden"}
)  # fmt: skip


def duration_value(n: float | None, stem: str) -> str:
    """ISO duration for a count of units; None: unspecified count (PXY)."""
    letter = lx.UNITS[stem]
    count = "X" if n is None else fmt_number(n)
    return ("PT" if stem in lx.TIME_UNITS else "P") + count + letter


def stem_of(word: str, table: dict[str, int]) -> str | None:
    """The key of `table` an inflected adjective belongs to ("vergangenen" -> "vergangen")."""
    w = norm(word)
    if w in table:
        return w
    for ending in _ENDINGS:
        if w.endswith(ending) and w[: -len(ending)] in table:
            return w[: -len(ending)]
    return None


def relative_offset(word: str) -> tuple[int, str]:
    """(offset, stem) of a relative adjective ("letzten" -> (-1, "letzt"))."""
    stem = stem_of(word, lx.RELATIVE_ADJECTIVES) or "dies"
    return lx.RELATIVE_ADJECTIVES[stem], stem


ANAPHORIC_STEMS = frozenset({"folgend", "selb", "gleich", "derselb", "desselb", "demselb", "denselb"})
"""Relative adjectives that point to the last mentioned date, not the DCT."""

_MODS = {"anfang": "START", "beginn": "START", "zu beginn": "START", "mitte": "MID", "gegen mitte": "MID",
         "ende": "END", "gegen ende": "END", "ausgangs": "END", "jahresbeginn": "START", "jahresanfang": "START",
         "jahresmitte": "MID", "jahresende": "END", "monatsanfang": "START", "monatsbeginn": "START",
         "monatsmitte": "MID", "monatsende": "END", "frühen": "START", "späten": "END"}  # fmt: skip


def mod_of(word: str | None) -> str | None:
    """TIMEX3 mod of Anfang/Mitte/Ende and friends."""
    return _MODS.get(norm(word)) if word else None


_QUALIFIERS = {"rund": "APPROX", "etwa": "APPROX", "circa": "APPROX", "ca.": "APPROX", "nahezu": "APPROX",
               "um": "APPROX", "fast": "LESS_THAN", "knapp": "LESS_THAN", "beinahe": "LESS_THAN",
               "weniger als": "LESS_THAN", "höchstens": "EQUAL_OR_LESS", "bis zu": "EQUAL_OR_LESS",
               "gut": "MORE_THAN", "über": "MORE_THAN", "mehr als": "MORE_THAN", "mindestens": "EQUAL_OR_MORE",
               "genau": None}  # fmt: skip


def qualifier_mod(word: str | None) -> str | None:
    """TIMEX3 mod of a quantity qualifier ("rund 200 Stunden" -> APPROX)."""
    return _QUALIFIERS.get(norm(word)) if word else None


def two_digit_year(yy: int, dct_year: int | None) -> int:
    """Century of a two-digit year: the most recent one not more than 5 years after the DCT."""
    pivot = (dct_year or 2000) % 100 + 5
    century = ((dct_year or 2000) // 100) * 100
    return century + yy if yy <= pivot else century - 100 + yy
