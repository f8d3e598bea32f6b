"""Regular expressions of the German temporal tagger, compiled once at import.

Each rule is one pattern with named groups. The finder runs a single combined pattern (`MASTER`) over the text,
whose alternatives are tagged with the rule name; the rule's own pattern is then re-matched on the hit to read
its groups. Alternatives are ordered so that the more specific rule wins at a given start position. A group
named `x`, when present, is the part of the match that is the temporal expression (prepositions excluded).
"""

from __future__ import annotations

import re

from pipeline.temporal import lexicon as lx
from pipeline.temporal.firstchars import prefix_guard

FLAGS = re.IGNORECASE


def alt(words) -> str:
    """A regex matching any of `words` (longest first), as a trie so the engine branches once per character.

    Spaces in a word match any run of whitespace. A flat alternation of hundreds of words is tried branch by
    branch at every word start; the trie keeps the tagger fast (see benchmarks/temporal.py).
    """
    tree: dict = {}
    for word in {w.lower() for w in words}:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(tree) + ")"


def _trie(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


E = r"(?![\w])"  # end of word
NB = r"(?<![\d][.,])"  # a number not continuing a decimal or a thousands group
MONTH = alt(lx.MONTHS)
MONTH_ABBR = alt(lx.MONTH_ABBREVIATIONS) + r"(?:\.|" + E + ")"
WEEKDAY = alt(lx.WEEKDAYS)
DAY_PART = alt(lx.DAY_PARTS)
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d])"
NUMBER = r"(?:\d+(?:,\d+)?|" + alt(lx.NUMBER_WORDS) + E + ")"
VAGUE_NUMBER = alt(lx.VAGUE_NUMBERS)
UNIT = alt(lx.UNIT_FORMS) + E
ORDINAL = alt(lx.ORDINALS) + E
DET = r"(?:der|die|das|den|dem|des)"
REL = "(?:" + alt(lx.RELATIVE_ADJECTIVES) + r"(?:e|en|er|es|em)?" + ")" + E
SEASON = alt(lx.SEASONS) + E
MOD = r"(?:anfang|mitte|ende|beginn|gegen\s+ende|zu\s+beginn|ausgangs|gegen\s+mitte)"
REL_YEAR = (
    r"(?:(?:des\s+)?"
    + REL
    + r"\s+jahres|des\s+jahres(?:\s+"
    + YEAR
    + r")?|(?:dieses|desselben|eben\s+dieses)\s+jahres)"
)
VAGUE_WORDS = alt(lx.PRESENT_WORDS + lx.PAST_WORDS + lx.FUTURE_WORDS) + E + r"(?!\s+(?:der|des)\s)"
HOLIDAY = alt(list(lx.FIXED_HOLIDAYS) + list(lx.EASTER_HOLIDAYS)) + E
SET_ADVERB = alt(lx.SET_ADVERBS) + E
DEICTIC = r"(?:vorgestern|gestern|heute|übermorgen|morgen)"
DEICTIC_ADJ = r"(?:vorgestrig|gestrig|heutig|übermorgig|morgig)(?:e|en|er|es|em)"
CLOCK = r"(?:[01]?\d|2[0-4])"
MINUTE = r"[0-5]\d"

# fmt: off
RULES: dict[str, str] = {
    # Montag, den 3. März 2014 / 8. November 2024 / 8. Nov. / Donnerstag, 25. Februar
    "date": (
        r"(?:(?P<wd>" + WEEKDAY + r")(?:,\s*|\s+)(?:den\s+)?)?" + NB + r"(?P<day>" + DAY + r")\.\s*"
        r"(?:(?P<mon>" + MONTH + r")" + E + r"|(?P<mabbr>" + MONTH_ABBR + r"))"
        r"(?:\s*(?P<year>" + YEAR + r")|\s+(?P<relyear>" + REL_YEAR + r"))?"
        r"(?:\s*(?P<bc>v\.\s*chr\.))?"
    ),
    # 3. bis 5. Dezember, 3.-5. Dezember 2024, am 3., 4. und 7. Oktober
    "dayrange": (
        NB + r"(?P<days>" + DAY + r"\.?(?:\s*(?:,\s*(?:und\s+)?|bis\s+(?:zum\s+)?|und\s+(?:am\s+)?|sowie\s+(?:am\s+)?"
        r"|–\s*|-\s*|/\s*)" + DAY + r"\.?)+)(?<=\.)\s*(?P<mon>" + MONTH + r")" + E + r"(?:\s*(?P<year>" + YEAR + r"))?"
    ),
    # 08.11.2024, 8.11., 1.9.39, Montag, 18.12.
    "numdate": (
        r"(?:(?P<wd>"
        + WEEKDAY
        + r")(?:,\s*|\s+)(?:den\s+)?)?"
        + NB
        + r"(?P<day>"
        + DAY
        + r")\.\s?(?P<mon>"
        + MONTH_NUM
        + r")\.(?:\s?(?P<year>\d{4}|\d{2}))?(?![\d])"
    ),
    "isodate": r"(?P<year>" + YEAR + r")-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d])",
    # Mai/Juni 1940, Mai bis Juni 2024
    "monthrange": (
        r"(?P<m1>" + MONTH + r")\s*(?:/|bis|und|–|-)\s*(?P<m2>" + MONTH + r")\s+(?P<year>" + YEAR + r")"
    ),
    # Anfang Dezember, Mitte April 2015, Ende 2002, Ende des Jahres, Anfang der 1990er Jahre, Jahresende
    "modexpr": (
        r"(?P<mod>" + MOD + r")\s+(?:"
        r"(?P<mon>" + MONTH + r")" + E + r"(?:\s+(?P<year>" + YEAR + r")|\s+(?P<relyear>" + REL_YEAR + r"))?"
        r"|(?P<season>" + SEASON + r")(?:\s+(?P<syear>" + YEAR + r"))?"
        r"|(?:des\s+jahres\s+|des\s+jahrs\s+)?(?P<year2>" + YEAR + r")"
        r"|(?P<relunit>(?:des|der|dieses|dieser|(?:des|der)\s+" + REL + r"|" + REL + r")\s+"
        r"(?:jahres|monats|woche|jahrzehnts|jahrhunderts|sommers|winters|frühjahrs|herbstes))"
        r"(?:\s+(?P<uyear>" + YEAR + r"))?"
        r"|der\s+(?P<decade>\d{2,4})er(?:[- ]?jahre)?" + E + r"(?:\s*(?P<dbc>v\.\s*chr\.))?"
        r"|des\s+(?P<century>\d{1,2})\.\s*(?:jahrhunderts|jh\.)(?:\s*(?P<cbc>v\.\s*chr\.))?"
        r")"
    ),
    "yearpart": (
        r"(?P<part>jahresbeginn|jahresanfang|jahresmitte|jahresende|monatsanfang|monatsbeginn|monatsmitte|"
        r"monatsende)" + E + r"(?:\s+(?P<year>" + YEAR + r"))?"
    ),
    # 1990er Jahre, den 80er Jahren, die zwanziger Jahre
    "decade": (
        r"(?:(?:den|die)\s+)?(?:(?P<num>\d{2,4})er|(?P<word>" + alt(lx.DECADE_WORDS) + r"))"
        r"(?:[- ]?jahren?|[- ]?jahre)" + E + r"(?:\s*(?P<bc>v\.\s*chr\.))?"
    ),
    # das 20. Jahrhundert, 9. Jh. v. Chr.
    "century": (
        NB + r"(?P<num>\d{1,2})\.\s*(?:jahrhunderts?|jh\.)(?:\s*(?P<bc>v\.\s*chr\.))?"
        r"|(?P<ord>" + ORDINAL + r")\s+jahrhunderts?" + E
    ),
    # zweiten Quartal 2024, der ersten Jahreshälfte, Q1 2024
    "quarter": (
        r"(?:(?:der|dem|das)\s+)?(?P<ord>erst|zweit|dritt|viert|letzt)(?:e|en|er|es)\s+"
        r"(?P<unit>quartal|quartals|jahreshälfte|halbjahr|halbjahres)"
        + E
        + r"(?:\s+(?:des\s+jahres\s+)?(?P<year>"
        + YEAR
        + r")|\s+(?P<relyear>"
        + REL_YEAR
        + r"))?"
        r"|(?P<q>q[1-4])\s*/?\s*(?P<qyear>" + YEAR + r")"
    ),
    # Frühjahr 2015, im Sommer, Herbst des Jahres 1940, späten Frühjahr 1942
    "season": (
        r"(?P<early>frühen|späten)?\s*(?P<season>"
        + SEASON
        + r")(?:\s+(?P<year>"
        + YEAR
        + r")(?:/(?P<y2>\d{2,4}))?"
        r"|\s+(?P<relyear>" + REL_YEAR + r"))?"
    ),
    # Juni 2024, Juni vergangenen Jahres, März des folgenden Jahres, Nov. 2024, bare month names
    "month": (
        r"(?:(?P<mon>" + MONTH + r")" + E + r"|(?P<mabbr>" + MONTH_ABBR + r")(?=\s*" + YEAR + r"))"
        r"(?:\s+(?P<year>" + YEAR + r")|\s+(?P<relyear>" + REL_YEAR + r"))?"
    ),
    # 20 Uhr, 20.30 Uhr, 4 Uhr 45, 14.30-17 Uhr, 10-12 Uhr
    "timerange": (
        NB
        + r"(?P<h1>"
        + CLOCK
        + r")(?:[:.](?P<m1>"
        + MINUTE
        + r"))?\s*(?:-|–|bis|und|/)\s*(?P<h2>"
        + CLOCK
        + r")(?:[:.](?P<m2>"
        + MINUTE
        + r"))?\s*uhr"
        + E
    ),
    "clock": (
        NB
        + r"(?P<h>"
        + CLOCK
        + r")(?:[:.](?P<mi>"
        + MINUTE
        + r"))?\s*uhr(?:\s+(?P<mi2>"
        + MINUTE
        + r")(?![\d]))?"
        r"(?:\s+(?P<dp>morgens|früh|abends|nachts|nachmittags|vormittags))?(?P<tz>\s+mitteleuropäischer\s+zeit)?"
    ),
    "clockprep": (
        r"(?:um|ab|gegen|bis)\s+(?P<x>"
        + NB
        + r"(?P<h>[01]?\d|2[0-3])[:.](?P<mi>"
        + MINUTE
        + r"))(?![\d.,:])(?!\s*uhr)"
    ),
    # am Morgen des 9. Mai 1945, in der Nacht, am Abend
    "daypart": (
        r"(?:am|im|gegen|in\s+der|den|des|im\s+laufe\s+des)\s+(?P<x>(?P<early>frühen\s+|späten\s+|gleichen\s+|selben\s+)?"
        r"(?P<dp>morgen|vormittag|mittag|nachmittag|abend|nacht|morgenstunden|abendstunden)"
        + E
        + r"(?:\s+(?:des|vom)\s+(?P<day>"
        + DAY
        + r")\.(?:\s*(?P<mon>"
        + MONTH
        + r")"
        + E
        + r"(?:\s+(?P<year>"
        + YEAR
        + r"))?)?)?)"
    ),
    # am Wochenende, übers Wochenende
    "weekend": r"(?:am|übers|über\s+das|vom|zum)\s+(?P<x>wochenende)" + E,
    # gestern Abend, heute, morgen früh
    "deictic": (
        r"(?P<dw>"
        + DEICTIC
        + r"|heuer)"
        + E
        + r"(?:\s+(?P<dp>früh|morgen|vormittag|mittag|nachmittag|abend|nacht)"
        + E
        + r")?"
    ),
    # am gestrigen Sonntag, heutigen Tag
    "deicticadj": (
        r"(?P<adj>"
        + DEICTIC_ADJ
        + r")"
        + E
        + r"(?:\s+(?P<noun>tag|tages|abend|morgen|nachmittag|vormittag|nacht|"
        + WEEKDAY
        + r")"
        + E
        + r")?"
    ),
    # jeden Montag, jedes Jahr, alle zwei Wochen, jeden zweiten Donnerstag, zweimal pro Woche
    "set": (
        r"(?P<q>jede[nmrs]?|alle)\s+(?:(?P<ord>" + ORDINAL + r"|letzten)\s+)?(?:(?P<num>" + NUMBER + r")\s+)?"
        r"(?:(?P<wd>" + WEEKDAY + r")(?P<dp>" + DAY_PART + r")?|(?P<unit>" + UNIT + r"))"
        r"(?:\s+im\s+monat)?"
        r"|(?P<times>(?:ein|zwei|drei|vier|fünf|sechs|\d+)mal)\s+(?:im|pro|in\s+der|am|die|je)\s+(?P<tunit>"
        + UNIT
        + r")"
        r"|pro\s+(?P<punit>tag|woche|monat|jahr|stunde)" + E
    ),
    "setadverb": r"(?P<adv>" + SET_ADVERB + r")|(?P<wds>" + WEEKDAY + r")s" + E,
    # vor drei Monaten, in zwei Wochen, nach zwei Tagen
    "offset": (
        r"(?P<prep>vor|in|nach|binnen|innerhalb\s+von)\s+(?:(?P<q>rund|etwa|knapp|gut|fast|über|genau)\s+)?"
        r"(?P<num>" + NUMBER + r")\s+(?P<unit>" + UNIT + r")(?!\s+(?:und|später|danach|darauf|zuvor))"
    ),
    # drei Tage später, einen Tag zuvor, zwei Jahre danach, Tags darauf
    "anaphoric": (
        r"(?:ein(?:en)?\s+(?=halbe))?(?P<num>"
        + NUMBER
        + r")\s+(?P<unit>"
        + UNIT
        + r"),?\s+(?P<dir>später|danach|darauf|zuvor|vorher|früher)"
        + E
        + r"|(?P<vague>" + VAGUE_NUMBER + r")\s+" + UNIT + r"\s+(?P<vdir>später|danach|darauf|zuvor|vorher)" + E
        + r"|(?:dem\s+)?(?P<tag>tag|tags|woche|jahr|monat)\s+(?P<dir2>darauf|danach|zuvor|vorher)"
        + E
        + r"|(?P<word>vortag|vortages|vorabend|vorwoche|vormonat|vormonats|vorjahr|vorjahres|vorjahrs|folgetag|"
        r"folgetages|folgewoche|folgemonat|folgemonats|folgejahr|folgejahres|folgejahren)" + E
    ),
    # die letzten zwölf Monate, den vergangenen Jahren, letzten Monat, nächsten Freitag, diese Woche
    "relative": (
        r"(?:(?P<det>" + DET + r"|die)\s+)?(?P<rel>" + REL + r")\s+(?:(?P<num>" + NUMBER + r")\s+)?"
        r"(?:(?P<unit>"
        + UNIT
        + r")|(?P<wd>"
        + WEEKDAY
        + r")(?P<dp>"
        + DAY_PART
        + r")?"
        + E
        + r"|(?P<season>"
        + SEASON
        + r")|(?P<mon>"
        + MONTH
        + r")"
        + E
        + r")"
    ),
    # Donnerstag, Sonntagabend, Sonntag, 25. Februar (without a date: resolved by tense)
    "weekday": r"(?P<wd>" + WEEKDAY + r")(?P<dp>" + DAY_PART + r")?" + E,
    # seit Jahren, über Jahre, vor Jahren
    "vagueduration": (
        r"(?:seit|über|vor|nach)\s+(?P<x>(?P<unit>jahren|jahre|monaten|monate|wochen|tagen|tage|jahrzehnten|jahrzehnte))"
        + E
    ),
    # drei Monate, 24 Stunden, rund 200 Stunden, mehrere Tage, zweijährigen, jahrelang
    "duration": (
        r"(?:(?P<q>rund|etwa|circa|ca\.|fast|knapp|gut|über|mehr\s+als|weniger\s+als|mindestens|höchstens|genau|"
        r"nahezu|beinahe|bis\s+zu)\s+)?"
        r"(?:(?P<num>" + NUMBER + r")\s*(?:-\s*)?(?P<unit>" + UNIT + r")"
        r"|(?P<vague>" + VAGUE_NUMBER + r")\s+(?P<vunit>" + UNIT + r"))"
        r"|(?P<anum>\d+|" + alt(lx.NUMBER_WORDS) + r")(?P<dash>-?)(?P<adj>jährig|monatig|wöchig|tägig|stündig|minütig)"
        r"(?:e|en|er|es|em)?"
        + E
        + r"|(?P<lang>jahre|monate|wochen|tage|stunden|jahrzehnte)lang(?:e|en|er|es|em)?"
        + E
        + r"|(?P<many>mehr|viel)jährig(?:e|en|er|es|em)?"
        + E
    ),
    # im Jahr 2021, das Jahr 2010, um 1900, 480 v. Chr., 2014
    "year": (
        r"(?:(?P<det>das\s+)?(?P<jahr>jahre?s?|jahren)\s+)?(?:(?P<approx>um|etwa|circa|ca\.|rund)\s+)?"
        r"(?:"
        + NB
        + r"(?P<bcyear>\d{1,4})\s*v\.\s*chr\.|(?P<year>"
        + YEAR
        + r")(?:\s*/\s*(?P<y2>\d{4}|\d{2})(?!\d))?"
        r"(?:\s*n\.\s*chr\.)?)"
    ),
    "holiday": r"(?P<name>" + HOLIDAY + r")(?:\s+(?P<year>" + YEAR + r"))?",
    "turn": r"(?P<turn>jahreswechsel|jahreswende|jahreswechsels)" + E,
    "vague": r"(?P<vw>" + VAGUE_WORDS + r")",
}
# fmt: on
"""Rule name -> pattern. The order is the priority at one start position."""

COMPILED: dict[str, re.Pattern[str]] = {name: re.compile(p, FLAGS) for name, p in RULES.items()}


def _alternative(name: str, pattern: str) -> str:
    """One rule as an alternative of MASTER: its groups unnamed, behind a guard on its possible first two
    characters (the engine skips a rule that cannot start here after a class test or two)."""
    guard = prefix_guard(pattern, FLAGS, length=2)
    body = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    return (f"(?={guard})" if guard else "") + f"(?P<{name}>{body})"


_ANY_RULE = prefix_guard(list(RULES.values()), FLAGS, length=4)
"""The first four characters any rule can start with: most word starts fail this one test (benchmarks/temporal.py)."""

MASTER = re.compile(
    r"(?<![\w])" + (f"(?={_ANY_RULE})" if _ANY_RULE else "")
    + "(?:" + "|".join(_alternative(n, p) for n, p in RULES.items()) + ")",
    FLAGS,
)
"""All rules in one pattern: the lastgroup of a match names the rule."""

SENTENCE_END = re.compile(r"(?<![\d\s])[.!?][\"“”»]?\s+(?=[A-ZÄÖÜ„\"»])|\n\s*\n")
"""A sentence boundary: punctuation (not after a digit: `8. November`) and a capitalised next word, or a blank line."""
