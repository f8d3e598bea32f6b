"""first_class: the characters a pattern can start a match with (the guards of the tagger's MASTER pattern)."""

from __future__ import annotations

import re

import pytest

from pipeline.temporal.firstchars import first_class


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:am|im)\s+Juni", "[ai]"),
        (r"(?P<early>frühen|späten)?\s*Sommer", r"[S\sfs]"),
        (r"(?<![\d][.,])(?P<day>[12]\d|3[01])\.", "[123]"),
        (r"(?:das\s+)?\d{4}", r"[\dd]"),
        (r"(?=x)-?[a-c]", r"[\-a-c]"),
        (r"\w+", None),  # any word character: no useful guard
        (r"(?:jahre)?", None),  # can match empty
        (r"[^a]b", None),
    ],
)
def test_temporal_firstchars_class(pattern, expected):
    assert first_class(pattern) == expected


@pytest.mark.parametrize("text", ["Am 3. Juni", "frühen Sommer", " Sommer", "٣ Tage", "Jahr", "-b", "c"])
@pytest.mark.parametrize(
    "pattern", [r"(?:am|im)\s+\d\.\s+Juni", r"(?P<early>frühen|späten)?\s*Sommer", r"\d\s+Tage", r"-?[a-c]"]
)
def test_temporal_firstchars_class_is_a_superset(pattern, text):
    """Wherever the pattern matches, the guard lets it through (case-insensitive, as the tagger compiles)."""
    guard = first_class(pattern, re.IGNORECASE)
    if re.match(pattern, text, re.IGNORECASE):
        assert guard is not None and re.match(guard, text, re.IGNORECASE)
