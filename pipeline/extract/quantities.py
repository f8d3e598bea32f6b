"""Numbers in German news text and what they count: troops, money, casualties.

Pure functions over a sentence's text. German number format (50.000, 1,2 Millionen, 725 Mio.) and number words
(zwölf, zwanzig, hundert) are understood; vague plurals (Zehntausende, Dutzende) are not turned into numbers.
"""

from __future__ import annotations

import re

from pipeline.extract.clauses import in_ranges

NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "einhundert": 100, "zweihundert": 200,
    "dreihundert": 300, "fünfhundert": 500, "tausend": 1000, "eintausend": 1000, "zweitausend": 2000,
}
SCALES = {"million": 10**6, "millionen": 10**6, "mio": 10**6, "milliarde": 10**9, "milliarden": 10**9,
          "mrd": 10**9, "tausend": 10**3, "hundert": 100, "billion": 10**12, "billionen": 10**12}
CURRENCIES = {"us-dollar": "USD", "dollar": "USD", "usd": "USD", "$": "USD", "euro": "EUR", "eur": "EUR",
              "€": "EUR", "pfund": "GBP", "rubel": "RUB", "griwna": "UAH", "hrywnja": "UAH", "yen": "JPY"}

_NUM = (r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|"
        + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")")
_SCALE = r"(?:\s+(?P<scale>Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|Billion|Tausend|tausend))?"
NUMBER_RE = re.compile(r"(?<![\w.,])" + _NUM + _SCALE + r"(?![\w])")
"""A number as written: digits in German format or a number word, with an optional scale word."""

_MONEY_RE = re.compile(NUMBER_RE.pattern + r"\s*(?P<cur>US-Dollar|Dollar|USD|Euro|EUR|€|\$|Pfund|Rubel|Griwna|Yen)\b",
                       re.IGNORECASE)
_TROOP_NOUNS = r"(?:Soldaten|Soldatinnen|Truppen|Kämpfer|Mann|Spezialkräfte|Militärangehörige|Nordkoreaner|Reservisten|Rekruten)"
_TROOPS_RE = re.compile(NUMBER_RE.pattern + r"(?P<mid>(?:\s+(?:[a-zäöüß][\w-]*|und|oder)){0,4}?)\s+" + _TROOP_NOUNS + r"\b")
_KILLED = r"getötet|starben|gestorben|ums\s+Leben|tot|Tote|Toten|gefallen"
_WOUNDED = r"verletzt|verwundet|Verletzte|Verwundete"
_CASUALTY_RE = re.compile(
    NUMBER_RE.pattern + r"(?P<mid>(?:\s+[\w.,-]+){0,7}?)\s+(?P<what>(?:getötet|tot)\s+oder\s+(?:verletzt|verwundet)|"
    + _KILLED + "|" + _WOUNDED + r")\b")

_CASUALTY_AFTER_RE = re.compile(
    r"\b(?P<what>starben|getötet|verletzt|verwundet)\s+(?:(?:mindestens|etwa|rund|über|mehr als|bis zu|fast)\s+)?"
    + NUMBER_RE.pattern[len("(?<![\\w.,])"):] + r"\s+(?:Menschen|Personen|Zivilisten|Soldaten|Kinder)\b")


def parse_number(num: str, scale: str | None = None) -> float | None:
    """'50.000' -> 50000, '1,2' + 'Millionen' -> 1200000, 'zwölf' -> 12; None when not a number."""
    low = num.lower()
    if low in NUMBER_WORDS:
        value = float(NUMBER_WORDS[low])
    else:
        try:
            value = float(num.replace(".", "").replace(",", "."))
        except ValueError:
            return None
    if scale:
        value *= SCALES.get(scale.lower().rstrip("."), 1)
    return value


def _int_or_float(value: float) -> int | float:
    return int(value) if value == int(value) else value


def extract_quantities(text: str) -> dict:
    """What the sentence `text` quantifies: {"troops": 11000}, {"amount": 725000000, "currency": "USD"},
    {"killed": 12}, {"wounded": 30}, {"killed_or_wounded": 4000}. Empty when it states none."""
    out: dict = {}
    used: list[tuple[int, int]] = []
    for m in _MONEY_RE.finditer(text):
        value = parse_number(m.group("num"), m.group("scale"))
        if value is not None and "amount" not in out:
            out["amount"] = _int_or_float(value)
            out["currency"] = CURRENCIES.get(m.group("cur").lower(), m.group("cur"))
            used.append(m.span("num"))
    for m in _casualty_matches(text):
        if in_ranges(m.start("num"), used):
            continue
        value = parse_number(m.group("num"), m.group("scale"))
        what = m.group("what").lower()
        key = ("killed_or_wounded" if " oder " in what else
               "wounded" if re.match(_WOUNDED, what, re.IGNORECASE) else "killed")
        if value is not None and key not in out:
            out[key] = _int_or_float(value)
            used.append(m.span("num"))
    for m in _CASUALTY_AFTER_RE.finditer(text):
        value = parse_number(m.group("num"), m.group("scale"))
        key = "killed" if m.group("what") in ("starben", "getötet") else "wounded"
        if value is not None and key not in out and not in_ranges(m.start("num"), used):
            out[key] = _int_or_float(value)
            used.append(m.span("num"))
    for m in _TROOPS_RE.finditer(text):
        if in_ranges(m.start("num"), used) or _year_like(m.group("num"), m.group("scale")):
            continue
        value = parse_number(m.group("num"), m.group("scale"))
        if value is not None and "troops" not in out:
            out["troops"] = _int_or_float(value)
    return out


def _casualty_matches(text: str):
    """Matches of `_CASUALTY_RE`; a year ("am 17. Dezember 2024 mindestens drei Menschen getötet") is skipped
    without swallowing the count that follows it."""
    pos = 0
    while (m := _CASUALTY_RE.search(text, pos)) is not None:
        if _year_like(m.group("num"), m.group("scale")):
            pos = m.end("num")
            continue
        yield m
        pos = m.end()


def _year_like(num: str, scale: str | None) -> bool:
    return scale is None and num.isdigit() and len(num) == 4 and num[:2] in ("19", "20")
