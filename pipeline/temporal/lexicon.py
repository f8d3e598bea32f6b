"""Vocabularies of the German temporal tagger: month and weekday names, number words, units, seasons, holidays.

Keys are lower case; old spellings (ß/ss, Austrian "Jänner") and common abbreviations are listed explicitly so
that the patterns stay plain alternations. Extend a table here and the patterns pick it up at import time.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jaenner": 1, "januars": 1, "jänners": 1,
    "februar": 2, "feber": 2, "februars": 2,
    "märz": 3, "maerz": 3, "märzes": 3,
    "april": 4, "aprils": 4,
    "mai": 5, "mais": 5,
    "juni": 6, "junis": 6,
    "juli": 7, "julis": 7,
    "august": 8, "augusts": 8,
    "september": 9, "septembers": 9,
    "oktober": 10, "oktobers": 10,
    "november": 11, "novembers": 11,
    "dezember": 12, "dezembers": 12,
}  # fmt: skip
"""Full month names (with genitive -s): safe on their own."""

MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "jän": 1, "feb": 2, "febr": 2, "mär": 3, "mrz": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}  # fmt: skip
"""Abbreviations: only accepted after a day number or before a year ("8. Nov.", "Nov. 2024")."""

WEEKDAYS: dict[str, int] = {
    "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
    "samstag": 6, "sonnabend": 6, "sonntag": 7,
}  # fmt: skip
"""ISO weekday numbers (Monday = 1)."""

DAY_PARTS: dict[str, str] = {
    "morgen": "MO", "früh": "MO", "vormittag": "MO", "morgenstunden": "MO",
    "mittag": "MI", "nachmittag": "AF", "abend": "EV", "abendstunden": "EV", "nacht": "NI",
}  # fmt: skip
"""Parts of the day, TIMEX3 codes (Montagabend -> TEV)."""

UNITS: dict[str, str] = {
    "sekunde": "S", "minute": "M", "stunde": "H",
    "tag": "D", "woche": "W", "wochenende": "WE", "monat": "M", "quartal": "Q",
    "jahr": "Y", "jahrzehnt": "DE", "jahrhundert": "CE", "jahrtausend": "ML",
}  # fmt: skip
"""Unit stems -> ISO duration letters (S, M, H are time units: PT...)."""

TIME_UNITS = frozenset({"sekunde", "minute", "stunde"})

UNIT_FORMS: dict[str, str] = {
    form: stem
    for stem, forms in {
        "sekunde": ("sekunde", "sekunden"),
        "minute": ("minute", "minuten"),
        "stunde": ("stunde", "stunden"),
        "tag": ("tag", "tage", "tagen", "tages", "tags"),
        "woche": ("woche", "wochen"),
        "wochenende": ("wochenende", "wochenenden", "wochenendes"),
        "monat": ("monat", "monate", "monaten", "monats", "monates"),
        "quartal": ("quartal", "quartale", "quartalen", "quartals"),
        "jahr": ("jahr", "jahre", "jahren", "jahres", "jahrs"),
        "jahrzehnt": ("jahrzehnt", "jahrzehnte", "jahrzehnten", "jahrzehnts", "jahrzehntes"),
        "jahrhundert": ("jahrhundert", "jahrhunderte", "jahrhunderten", "jahrhunderts"),
        "jahrtausend": ("jahrtausend", "jahrtausende", "jahrtausenden", "jahrtausends"),
    }.items()
    for form in forms
}
"""Inflected unit forms -> stem."""

NUMBER_WORDS: dict[str, float] = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1,
    "zwei": 2, "beide": 2, "beiden": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "einhundert": 100,
    "tausend": 1000,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5, "viereinhalb": 4.5,
    "fünfeinhalb": 5.5, "halbe": 0.5, "halben": 0.5, "halbes": 0.5, "dutzend": 12,
}  # fmt: skip
"""Cardinal number words (inflected "ein" forms, halves)."""

_UNITS_1_9 = {
    "ein": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
         "neunzig": 90}  # fmt: skip
NUMBER_WORDS.update({f"{u}und{t}": uv + tv for u, uv in _UNITS_1_9.items() for t, tv in _TENS.items()})

VAGUE_NUMBERS: tuple[str, ...] = (
    "mehrere", "mehreren", "einige", "einigen", "einiger", "wenige", "wenigen", "weniger", "viele", "vielen",
    "etliche", "etlichen", "zahlreiche", "zahlreichen", "ein paar", "paar", "lange", "langen", "langer",
)  # fmt: skip
"""Quantifiers that make a duration unspecified (mehrere Tage -> PXD)."""

ORDINALS: dict[str, int] = {
    stem + ending: value
    for stem, value in {
        "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "siebent": 7,
        "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12, "zwanzigst": 20, "einundzwanzigst": 21,
    }.items()
    for ending in ("e", "en", "er", "es", "em")
}  # fmt: skip
"""Ordinal number words (erste, zweiten, ...)."""

DECADE_WORDS: dict[str, int] = {
    "zwanziger": 2, "dreißiger": 3, "dreissiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
    "siebziger": 7, "achtziger": 8, "neunziger": 9,
}  # fmt: skip

SEASONS: dict[str, tuple[str, str | None]] = {
    "frühling": ("SP", None), "frühlings": ("SP", None), "frühjahr": ("SP", None), "frühjahrs": ("SP", None),
    "sommer": ("SU", None), "sommers": ("SU", None), "sommermonate": ("SU", None), "sommermonaten": ("SU", None),
    "herbst": ("FA", None), "herbstes": ("FA", None), "herbsts": ("FA", None),
    "winter": ("WI", None), "winters": ("WI", None), "wintermonate": ("WI", None), "wintermonaten": ("WI", None),
    "frühsommer": ("SU", "START"), "frühsommers": ("SU", "START"), "spätsommer": ("SU", "END"),
    "spätsommers": ("SU", "END"), "frühherbst": ("FA", "START"), "spätherbst": ("FA", "END"),
    "spätherbstes": ("FA", "END"), "frühwinter": ("WI", "START"), "spätwinter": ("WI", "END"),
}  # fmt: skip
"""Season words -> (TIMEX3 season code, mod)."""

FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "neujahr": (1, 1), "neujahrstag": (1, 1), "dreikönigstag": (1, 6), "heilige drei könige": (1, 6),
    "valentinstag": (2, 14), "tag der arbeit": (5, 1), "maria himmelfahrt": (8, 15), "mariä himmelfahrt": (8, 15),
    "tag der deutschen einheit": (10, 3), "reformationstag": (10, 31), "allerheiligen": (11, 1),
    "allerseelen": (11, 2), "nikolaustag": (12, 6), "heiligabend": (12, 24), "heiligen abend": (12, 24),
    "heiliger abend": (12, 24), "weihnachten": (12, 25), "weihnachtstag": (12, 25), "christtag": (12, 25),
    "stefanitag": (12, 26), "stephanstag": (12, 26), "silvester": (12, 31), "silvesterabend": (12, 31),
    "nationalfeiertag": (10, 26),
}  # fmt: skip
"""Holidays on a fixed calendar day."""

EASTER_HOLIDAYS: dict[str, int] = {
    "gründonnerstag": -3, "karfreitag": -2, "karsamstag": -1, "ostern": 0, "ostersonntag": 0, "ostermontag": 1,
    "christi himmelfahrt": 39, "pfingsten": 49, "pfingstsonntag": 49, "pfingstmontag": 50, "fronleichnam": 60,
    "aschermittwoch": -46,
}  # fmt: skip
"""Movable holidays: offset in days from Easter Sunday."""

PRESENT_WORDS = ("jetzt", "derzeit", "zurzeit", "zur zeit", "gegenwärtig", "momentan", "heutzutage")
PAST_WORDS = ("kürzlich", "damals", "vor kurzem", "vor kurzer zeit", "unlängst", "jüngst", "neulich", "seinerzeit",
              "vormals", "kurz zuvor", "vor langer zeit", "ex")  # fmt: skip
FUTURE_WORDS = ("bald", "zukünftig", "in zukunft", "wenig später", "kurze zeit später", "kurz darauf", "kurz danach",
                "folgezeit", "alsbald")  # fmt: skip
"""Vague references (PRESENT_REF, PAST_REF, FUTURE_REF); "Ex" only as the prefix of "Ex-Minister".

Left out because annotators (KRAUTS, WikiWarsDE) do not mark them and they carry no date: "nun", "inzwischen",
"später" (discourse particles), "bisher", "bislang", "künftig", "fortan", "demnächst", "in Kürze", "in der Folge",
"ehemals" and the nouns "Vergangenheit", "Gegenwart", "Zukunft" (but "in Zukunft")."""

SET_ADVERBS: dict[str, str] = {
    "täglich": "P1D", "täglichen": "P1D", "tägliche": "P1D", "alltäglich": "P1D", "alltäglichen": "P1D",
    "wöchentlich": "P1W", "wöchentlichen": "P1W", "wöchentliche": "P1W", "allwöchentlich": "P1W",
    "monatlich": "P1M", "monatlichen": "P1M", "monatliche": "P1M", "allmonatlich": "P1M",
    "jährlich": "P1Y", "jährlichen": "P1Y", "jährliche": "P1Y", "alljährlich": "P1Y", "alljährlichen": "P1Y",
    "stündlich": "PT1H", "halbjährlich": "P6M", "vierteljährlich": "P3M", "wochentags": "P1D",
    "tagtäglich": "P1D",
}  # fmt: skip
"""Frequency adverbs -> SET values."""

RELATIVE_ADJECTIVES: dict[str, int] = {
    "letzt": -1, "vergangen": -1, "vorig": -1, "vorvergangen": -2, "verflossen": -1,
    "nächst": 1, "kommend": 1, "folgend": 1, "übernächst": 2, "anstehend": 1, "bevorstehend": 1,
    "neu": 1, "dies": 0, "laufend": 0, "selb": 0, "gleich": 0, "heurig": 0, "aktuell": 0, "derselb": 0, "desselb": 0,
    "demselb": 0, "denselb": 0,
}  # fmt: skip
"""Stems of adjectives that shift a calendar unit from its anchor (letzten Monat -> -1)."""

DEICTIC_DAYS: dict[str, int] = {
    "vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2,
    "vorgestrig": -2, "gestrig": -1, "heutig": 0, "morgig": 1, "übermorgig": 2,
}  # fmt: skip
"""Day offsets of deictic adverbs and their adjectives (gestrigen)."""
