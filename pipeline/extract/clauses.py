"""Clauses and quotations inside one sentence, found by punctuation and subordinating words.

A rough segmentation, enough to say whether a temporal expression or an actor belongs to the clause of a
trigger: relative clauses (", den Trump ... entlassen hatte,"), complement clauses (", dass ..."), purpose
clauses (", um ... zu"), conditionals (", wenn ...") and the main clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RELATIVE = frozenset(["der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welche", "welcher", "welches", "welchen", "welchem", "wo", "worauf", "wobei", "womit"])
_PREP_REL = re.compile(r"^(?:bei|in|an|auf|mit|von|nach|für|über|unter|aus|zu|durch|gegen|seit)\s+"
                       r"(?:dem|der|denen|den|deren|dessen|welchem|welcher)\b")
KIND_BY_WORD = {"dass": "complement", "daß": "complement", "ob": "complement", "um": "purpose",
                "wenn": "conditional", "falls": "conditional",
                "sollte": "conditional", "sollten": "conditional", "sofern": "conditional", "nachdem": "temporal",
                "als": "temporal", "bevor": "temporal", "während": "temporal", "seit": "temporal",
                "seitdem": "temporal", "obwohl": "concessive", "weil": "causal", "da": "causal"}
# "Energie-, Verteidigungs- und Finanzsektor": a comma after a truncated compound joins words, no clause; "um"
# opens a purpose clause only with a zu-infinitive ("um weitere sechs Monate verlängert" is a measure)
_SPLIT = re.compile(r"(?<!\w-)[,;:]\s*|\s[–—-]\s|\s(?=(?:dass|daß|ob|weil|wenn|falls|sofern|nachdem|obwohl)\s)"
                    r"|\s(?=um\s[^,;:.]*(?:\bzu\s|\w+zu\w*en\b))")
_QUOTES = re.compile(r"„[^“”\"]*[“”\"]|“[^”„]*”|\"[^\"]*\"|«[^»]*»|»[^«]*«|‚[^‘’]*[‘’]")


@dataclass(frozen=True)
class Clause:
    start: int
    """offset in the sentence text"""
    end: int
    kind: str
    """main | relative | complement | purpose | conditional | temporal | concessive | causal"""


def clauses(text: str) -> list[Clause]:
    """Clauses of a sentence as offset ranges into `text`, with their kind."""
    out = []
    pos = 0
    for m in _SPLIT.finditer(text):
        if _repeat_at(text, m.start()):
            continue  # "als sehr, sehr ernsthafte Bedrohung": an intensifying repetition, no clause break
        if m.start() > pos:
            out.append(_clause(text, pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append(_clause(text, pos, len(text)))
    return out or [Clause(0, len(text), "main")]


_REPEATED = re.compile(r"\b(\w+),\s*\1\b")


def _repeat_at(text: str, comma: int) -> bool:
    """The same word stands right before and right after the comma at `comma`."""
    m = _REPEATED.match(text, text.rfind(" ", 0, comma) + 1)
    return bool(m) and m.start() <= comma < m.end() and text[comma] == ","


def _clause(text: str, start: int, end: int) -> Clause:
    seg = text[start:end].lstrip("„“\"»« ")
    first = seg.split(" ", 1)[0].lower() if seg else ""
    if start > 0 and (first in RELATIVE or _PREP_REL.match(seg.lower())):
        kind = "relative"
    else:
        kind = KIND_BY_WORD.get(first, "main")
    return Clause(start, end, kind)


def is_occasion(text: str, clause: Clause) -> bool:
    """A relative clause opened by a preposition (", bei dem Trump ... kritisiert hatte"): it tells what happened
    at the occasion the noun before it names, so speech verbs in it report statements."""
    return clause.kind == "relative" and bool(_PREP_REL.match(text[clause.start:clause.end].lstrip().lower()))


def clause_at(cls: list[Clause], offset: int) -> Clause:
    for c in cls:
        if c.start <= offset < c.end:
            return c
    return cls[-1]


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets (into `text`) of quoted passages, quotation marks included."""
    return [m.span() for m in _QUOTES.finditer(text)]


def in_ranges(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)
