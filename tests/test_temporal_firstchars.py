"""prefix_guard: what the first characters of a match can be (the guards of the tagger's MASTER pattern)."""

from __future__ import annotations

import re

import pytest

from pipeline.temporal.firstchars import prefix_guard


@pytest.mark.parametrize(
    ("pattern", "length", "expected"),
    [
        (r"(?:am|im)\s+Juni", 1, "[ai]"),
        (r"(?:am|im)\s+Juni", 2, "[ai][m]"),
        (r"(?:am|im)\s+Juni", 4, r"[ai][m][\s][J\s]"),
        (r"(?P<early>frühen|späten)?\s*Sommer", 1, r"[S\sfs]"),
        (r"(?<![\d][.,])(?P<day>[12]\d|3[01])\.", 2, r"[3][01]|[12][\d]"),
        (r"(?:das\s+)?\d{4}", 1, r"[\dd]"),
        (r"(?=x)-?[a-c]", 1, r"[\-a-c]"),
        (r"ab?", 3, "[a]"),  # "a" alone is a whole match: anything may follow it
        (r"\w+", 1, None),  # any word character: no useful guard
        (r"(?:jahre)?", 1, None),  # can match empty
        (r"[^a]b", 1, None),
    ],
)
def test_temporal_firstchars_guard(pattern, length, expected):
    assert prefix_guard(pattern, length=length) == expected


def test_temporal_firstchars_guard_of_several_patterns():
    assert prefix_guard([r"am\b", r"im"], length=2) == "[ai][m]"
    assert prefix_guard([r"am", r".x"], length=2) is None


TEXTS = ["Am 3. Juni", "frühen Sommer", " Sommer", "٣ Tage", "Jahr", "-b", "c", "a", "ab", "IM  JUNI"]
PATTERNS = [r"(?:am|im)\s+\d\.\s+Juni", r"(?P<early>frühen|späten)?\s*Sommer", r"\d\s+Tage", r"-?[a-c]", r"ab?",
            r"im\s+juni"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_temporal_firstchars_guard_is_a_superset(pattern, text, length):
    """Wherever the pattern matches, its guard does too (case-insensitive, as the tagger compiles)."""
    guard = prefix_guard(pattern, re.IGNORECASE, length)
    if re.match(pattern, text, re.IGNORECASE):
        assert guard is not None and re.match(guard, text, re.IGNORECASE)
