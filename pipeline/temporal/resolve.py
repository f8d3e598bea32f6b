"""Calendar arithmetic for resolving relative and underspecified expressions: pure functions on dates and values.

Tense decides the direction of an underspecified date: "am Sonntag" in a past-tense sentence is the Sunday before
the anchor, in a future-tense (or present-tense, which German news uses for the future) sentence the one after.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

PAST = -1
NONE = 0
FUTURE = 1

_PAST_CUES = re.compile(
    r"\b(?:war|waren|warst|wurde|wurden|hatte|hatten|hattest|gewesen|worden|kam|kamen|ging|gingen|gab|gaben|"
    r"fand|fanden|traf|trafen|sprach|sprachen|stand|standen|lag|lagen|fiel|fielen|nahm|nahmen|hielt|hielten|"
    r"starb|starben|begann|begannen|rief|riefen|zog|zogen|wies|schrieb|blieb|blieben|trat|traten|ließ|ließen|sah|"
    r"sahen|bekam|erhielt|erhielten|verlor|verloren|gewann|gewannen|brachte|brachten|dachte|wusste|stieg|sank|"
    r"griff|griffen|schoss|schossen|flog|flogen|floh|flohen|erschien|entschied|entschieden|beschloss|"
    r"beschlossen|sagte|sagten|erklärte|erklärten|kündigte|kündigten|teilte|teilten|meldete|meldeten|berichtete|"
    r"berichteten|betonte|betonten|forderte|forderten|warnte|warnten|stellte|stellten|legte|legten|machte|"
    r"machten|zeigte|zeigten|führte|führten|folgte|folgten|besuchte|besuchten|reiste|reisten|eröffnete|"
    r"startete|endete|endeten|dauerte|lebte|wählte|wählten|bestätigte|bestätigten|gelang|galt|hieß|tötete|"
    r"töteten|zerstörte|attackierte|eroberte|eroberten|unterzeichnete|unterzeichneten|verkündete|gestern|"
    r"vorgestern|damals|kürzlich|vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|"
    # weak-verb preterites ("äußerte", "kritisierten"); not an adjective before its noun ("die zweite Runde"), a
    # superlative or -st/-tt word ("besten", "bitte"), nor the -ten of verbs whose stem ends in t ("erwarten",
    # "arbeiten", "halten", "bieten", "richten", "vertreten", "bedeuten")
    r"[a-zäöüß]{3,}(?<!ar|al|ei|ie|re|or|ra|eu)(?<!ach|ich|ech|üch)(?<![ts])ten?(?!\s+[A-ZÄÖÜ]))\b",
)
_PARTICIPLES = re.compile(
    # perfect and passive participles, with a separable prefix too ("hat sich ... ausgesprochen"); not one before
    # its noun ("des neu gewählten Präsidenten"), which says nothing of the clause's tense
    r"\b(?:(?:an|auf|aus|ab|bei|ein|fest|mit|nach|vor|zurück|weg|um|los|statt|teil|zu|zusammen|fort|frei|hoch|"
    r"her|heraus|hervor|hin|hinaus|durch|dar|voran|vorbei)(?=ge))?(?P<ge>ge[a-zäöüß]{3,}(?<!geg)(?:t|en))\b"
    r"(?!\s+[A-ZÄÖÜ])"
)
_FUTURE_CUES = re.compile(
    r"\b(?:wird|werden|werde|wirst|würde|würden|soll|sollen|sollte|sollten|will|wollen|plant|planen|geplant|"
    r"beabsichtigt|bevorstehende[nmrs]?|kommende[nmrs]?|nächste[nmrs]?|künftig|demnächst|morgen|übermorgen|"
    r"voraussichtlich|frühestens|findet|stattfinden|beginnt|startet|folgende[nmrs]?|bald)\b",
)
_NOT_PARTICIPLES = frozenset(
    {"gegen", "geben", "gehen", "gelten", "genen", "gestern", "gewinnen", "geraten", "gerichten", "gesten",
     "gebieten", "gemeinden", "gegenden", "geschichten", "gelenken", "gewalten",
     # -te/-ten words that are not weak-verb preterites: adverbs, present forms of t-stem verbs, and modal verbs
     # (their forms say what could or should happen, not when: "konnte dies am Wochenende tun")
     "heute", "hinten", "töten", "vermuten", "könnte", "könnten", "konnte", "konnten", "möchte", "möchten",
     "mochte", "mochten", "dürfte", "dürften", "durfte", "durften", "sollte", "sollten", "wollte", "wollten"}
)  # fmt: skip


_CLAUSE = re.compile(r"[,;:–()]")


def tense_of(sentence: str) -> int:
    """PAST, FUTURE or NONE for a sentence, from auxiliaries, common preterites and participles."""
    if sentence.isupper():
        sentence = sentence.lower()
    past = sum(1 for m in _PAST_CUES.finditer(sentence) if m.group(0) not in _NOT_PARTICIPLES)
    future = len(_FUTURE_CUES.findall(sentence))
    if not future:  # beside "wird", "soll" a participle is passive or future perfect ("wird ... eröffnet")
        # "umgehen", "abgeben" are infinitives of "gehen", "geben" with a prefix
        past += sum(1 for m in _PARTICIPLES.finditer(sentence) if m.group("ge") not in _NOT_PARTICIPLES)
    if past > future:
        return PAST
    if future > past:
        return FUTURE
    return NONE


_ATTRIBUTE_START = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+(?:am|im|vom|zum|seit|bis|mit|ab)\s+$",
    re.IGNORECASE,
)
_ATTRIBUTE_END = re.compile(r"[^,;:–()]{0,80}?\b([a-zäöüß]{3,}?)(e[nmrs]?)\s+[A-ZÄÖÜ]")


def attribute_tense(sentence: str, offset: int) -> int:
    """The tense of a participle attribute that the expression at `offset` belongs to, else NONE.

    "in einem am Montag veröffentlichten Bericht" is past, "die am Montag beginnende Konferenz" present or future,
    whatever the main clause says.
    """
    if not _ATTRIBUTE_START.search(sentence, max(0, offset - 20), offset):
        return NONE
    m = _ATTRIBUTE_END.match(sentence, offset)
    if m is None:
        return NONE
    stem = m.group(1)
    if stem.endswith("nd"):
        return FUTURE
    # not a superlative or ordinal ("ab Donnerstag nächster Woche", "am Montag ersten"); "aufgelösten" is past
    if stem.endswith("en") or (stem.endswith("t") and not (stem.endswith("st") and "ge" not in stem)):
        return PAST
    return NONE


def tense_at(sentence: str, offset: int) -> int:
    """The tense of the attribute or clause around `offset` in a sentence, else of the whole sentence."""
    return attribute_tense(sentence, offset) or clause_tense(sentence, offset) or tense_of(sentence)


def clause_tense(sentence: str, offset: int) -> int:
    """The tense of the clause around `offset` alone (NONE when the clause shows none)."""
    starts = [m.end() for m in _CLAUSE.finditer(sentence, 0, offset)]
    start = starts[-1] if starts else 0
    after = _CLAUSE.search(sentence, offset)
    return tense_of(sentence[start : after.start() if after else len(sentence)])


def add_months(d: date, months: int) -> date:
    """`d` shifted by whole months, the day clipped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 February) or is out of range."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The `weekday` (ISO, Monday = 1) before (PAST), after (FUTURE) or nearest (NONE) the anchor."""
    delta = weekday - anchor.isoweekday()
    if direction == PAST:
        return anchor + timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction == FUTURE:
        return anchor + timedelta(days=delta + 7 if delta <= 0 else delta)
    if delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return anchor + timedelta(days=delta)


def year_for_month(anchor: date, month: int, direction: int) -> int:
    """The year of a month named without a year: the last one (PAST), next one (FUTURE) or the anchor's year."""
    if direction == PAST and month > anchor.month:
        return anchor.year - 1
    if direction == FUTURE and month < anchor.month:
        return anchor.year + 1
    if direction == NONE and abs(month - anchor.month) > 6:
        return anchor.year + (1 if month < anchor.month else -1)
    return anchor.year


def year_for_day(anchor: date, month: int, day: int, direction: int, penalty: int = 400) -> int:
    """The year of a day and month named without a year, preferring the nearest date in the tense's direction.

    A date against the tense counts `penalty` days further away: 400 never picks it, a small penalty lets a
    date a few weeks ahead win over one eleven months back when the tense is only the sentence's.
    """
    best_year, best_distance = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = safe_date(year, month, day)
        if candidate is None:
            continue
        distance = (candidate - anchor).days
        if direction == PAST and distance > 0 and month != anchor.month:
            distance += penalty
        if direction == FUTURE and distance < 0 and month != anchor.month:
            distance -= penalty
        if best_distance is None or abs(distance) < abs(best_distance):
            best_year, best_distance = year, distance
    return best_year


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), anonymous algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def iso_week(d: date) -> str:
    """`2024-W45` for the ISO week containing d."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the meteorological season containing d; December belongs to that year's winter."""
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )
    return (d.year - 1 if d.month in (1, 2) else d.year), code


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def year_for_season(anchor: date, code: str, direction: int) -> int:
    """The year of a season named without a year, by tense: the last one, the next one or the current one."""
    current_year, current = season_of(anchor)
    if code == current:
        return current_year
    start = date(anchor.year, SEASON_START[code], 1)  # winter counts from its December
    if direction == PAST:
        return anchor.year if start <= anchor else anchor.year - 1
    if direction == FUTURE:
        return anchor.year if start > anchor else anchor.year + 1
    return anchor.year


def shift(anchor: date, unit: str, amount: int) -> date:
    """The anchor moved by `amount` units (D, W, M, Q, Y, DE, CE, WE)."""
    if unit == "D":
        return anchor + timedelta(days=amount)
    if unit in ("W", "WE"):
        return anchor + timedelta(weeks=amount)
    if unit == "M":
        return add_months(anchor, amount)
    if unit == "Q":
        return add_months(anchor, 3 * amount)
    factor = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(unit, 1)
    try:
        return anchor.replace(year=anchor.year + factor * amount)
    except ValueError:  # 29 February
        return anchor.replace(year=anchor.year + factor * amount, day=28)


def value_at(d: date, unit: str) -> str:
    """The value of the calendar unit (D, W, WE, M, Q, Y, DE, CE) containing d."""
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        return iso_week(d)
    if unit == "WE":
        return iso_week(d) + "-WE"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"
