"""Properties of the temporal tagger on any text: no crash, spans inside the text, sorted, non-overlapping."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.temporal import tag
from pipeline.temporal.patterns import FLAGS, MASTER, RULES

WORDS = st.sampled_from(
    ["am", "Sonntag", "8.", "November", "2024", "08.11.2024", "vor", "drei", "Monaten", "Ende", "Anfang", "des",
     "Jahres", "vergangenen", "heute", "gestern", "Morgen", "jeden", "Montag", "um", "20.30", "Uhr", "bis", "-",
     "1990er", "Jahre", "20.", "Jahrhundert", "später", "Tage", "seit", "im", "Sommer", ",", ".", "\n", "31.02.",
     "Februar", "29.", "v.", "Chr.", "Q4", "zwölf", "täglich", "Vortag", "kürzlich", "1,2", "50.000", "die", "mit"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))
DCTS = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(TEXTS, DCTS, st.sampled_from(["day", "month", "year", "unknown"]))
def test_temporal_spans_are_sound(text, dct, precision):
    timexes = tag(text, dct, precision)
    previous_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        if t.date_start is not None:
            assert t.date_end is not None and t.date_start <= t.date_end


UNGUARDED = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{n}>{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', p)})" for n, p in RULES.items()) + ")",
    FLAGS,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(alphabet="0123456789٣ .,-/:Jj\u00e4\u00fc\u00df\t\n", max_size=60)))
def test_temporal_master_guards_change_no_match(text):
    """The first-character guards of MASTER only skip rules that cannot match: same hits as without them."""
    hits = [(m.start(), m.end(), m.lastgroup) for m in MASTER.finditer(text)]
    assert hits == [(m.start(), m.end(), m.lastgroup) for m in UNGUARDED.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(TEXTS, DCTS, st.integers(min_value=0, max_value=200))
def test_temporal_until_gives_the_same_first_expressions(text, dct, until):
    """Tagging up to an offset finds exactly the expressions of a full pass that start before it."""
    full = tag(text, dct)
    partial = tag(text, dct, until=until)
    assert partial == full[: len(partial)]
    assert all(t in partial for t in full if t.start < until)
