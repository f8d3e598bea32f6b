"""Handlers for durations (drei Monate, mehrere Tage, jahrelang), sets (jeden Montag, täglich) and vague
references (derzeit, kürzlich, künftig)."""

from __future__ import annotations

import re

from pipeline.temporal import lexicon as lx
from pipeline.temporal.context import Context, Draft
from pipeline.temporal.words import duration_value, norm, number_of, qualifier_mod, unit_of

_ADJ_UNITS = {"jährig": "jahr", "monatig": "monat", "wöchig": "woche", "tägig": "tag", "stündig": "stunde",
              "minütig": "minute"}  # fmt: skip
_LANG_UNITS = {"jahre": "jahr", "monate": "monat", "wochen": "woche", "tage": "tag", "stunden": "stunde",
               "jahrzehnte": "jahrzehnt"}  # fmt: skip


_AGE_AFTER = re.compile(r"\s+(?:alt|alte[nmrs]?|jung|jünger\w*|älter\w*)\b")
_AGE_BEFORE = re.compile(r"\b(?:ab|unter|zwischen\s+\S+\s+und)\s+$", re.IGNORECASE)


def h_vagueduration(m: re.Match, ctx: Context) -> list[Draft]:
    """seit Jahren, über Jahre -> PXY."""
    stem = {"j": "jahr", "m": "monat", "w": "woche", "t": "tag"}[norm(m.group("unit"))[0]]
    if norm(m.group("unit")).startswith("jahrzehnt"):
        stem = "jahrzehnt"
    return [Draft(m.start("x"), m.end("x"), "DURATION", duration_value(None, stem))]


def h_duration(m: re.Match, ctx: Context) -> list[Draft]:
    """drei Monate, 24 Stunden, rund 200 Stunden, mehrere Tage, zweijährigen, jahrelang."""
    mod = qualifier_mod(m.group("q"))
    if m.group("lang"):
        stem = _LANG_UNITS[norm(m.group("lang"))]
        return [Draft(m.start(), m.end(), "DURATION", duration_value(None, stem))]
    if m.group("many"):
        return [Draft(m.start(), m.end(), "DURATION", "PXY")]
    if m.group("adj"):
        if norm(m.group("adj")) == "jährig" and (m.group("anum")[0].isdigit() or m.group("adj")[0] == "J"):
            return []  # an age: "der 55-jährige", "die 44-Jährige"
        number = number_of(m.group("anum"))
        return [
            Draft(m.start(), m.end(), "DURATION", duration_value(number, _ADJ_UNITS[norm(m.group("adj"))]))
        ]
    if m.group("vague"):
        stem, _ = unit_of(m.group("vunit"))
        return [Draft(m.start(), m.end(), "DURATION", duration_value(None, stem), mod)]
    num, unit = norm(m.group("num")), norm(m.group("unit"))
    if num == "eines" and unit in ("tages", "jahres"):
        return []  # "eines Tages": some day
    if unit.endswith("es") and num not in ("eines", "halben", "halbes"):
        return []  # genitive after a number: "2014 des Jahres"
    stem, _ = unit_of(unit)
    if stem == "jahr" and (_AGE_AFTER.match(m.string, m.end()) or _AGE_BEFORE.search(m.string, 0, m.start())):
        return []  # an age: "22 Jahre alt", "ab 16 Jahren"
    number = number_of(num)
    if number > 10000:
        return []
    if num in ("halbe", "halben", "halbes") and stem in ("jahr", "stunde", "tag"):
        return [
            Draft(
                m.start(), m.end(), "DURATION", {"jahr": "P6M", "stunde": "PT30M", "tag": "PT12H"}[stem], mod
            )
        ]
    return [Draft(m.start(), m.end(), "DURATION", duration_value(number, stem), mod)]


def h_set(m: re.Match, ctx: Context) -> list[Draft]:
    """jeden Montag, jedes Jahr, alle zwei Wochen, zweimal pro Woche, pro Tag."""
    if m.group("wd"):
        value = f"XXXX-WXX-{lx.WEEKDAYS[norm(m.group('wd'))]}"
        if m.group("dp"):
            value += f"T{lx.DAY_PARTS[norm(m.group('dp'))]}"
        return [Draft(m.start(), m.end(), "SET", value)]
    unit = m.group("unit") or m.group("tunit") or m.group("punit")
    stem, _ = unit_of(unit)
    count = number_of(m.group("num")) if m.group("num") else 1
    if m.group("ord"):
        count = lx.ORDINALS.get(norm(m.group("ord")), 1)
    return [Draft(m.start(), m.end(), "SET", duration_value(count, stem))]


def h_setadverb(m: re.Match, ctx: Context) -> list[Draft]:
    """täglich, jährlich, montags."""
    if m.group("wds"):
        return [Draft(m.start(), m.end(), "SET", f"XXXX-WXX-{lx.WEEKDAYS[norm(m.group('wds'))]}")]
    return [Draft(m.start(), m.end(), "SET", lx.SET_ADVERBS[norm(m.group("adv"))])]


_PRESENT = frozenset(lx.PRESENT_WORDS)
_PAST = frozenset(lx.PAST_WORDS)
_COMPARATIVE = re.compile(r"\s+als\b", re.IGNORECASE)


def h_vague(m: re.Match, ctx: Context) -> list[Draft]:
    """derzeit -> PRESENT_REF, kürzlich -> PAST_REF, künftig -> FUTURE_REF."""
    word = norm(m.group("vw"))
    if word == "ex" and not (m.group("vw") == "Ex" and m.string.startswith("-", m.end())):
        return []  # only the prefix: "Ex-Landesrat"
    if word in ("früher", "später") and _COMPARATIVE.match(m.string, m.end()):
        return []
    if word in _PRESENT:
        value = "PRESENT_REF"
    elif word in _PAST:
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    return [Draft(m.start(), m.end(), "DATE", value)]
