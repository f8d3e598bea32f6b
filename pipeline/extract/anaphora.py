"""Event nouns that refer back to an event already reported: "Der Angriff hatte scharfe Kritik hervorgerufen",
"Das Gespräch dauerte sieben Minuten", "Dennoch hat die Invasion ... nicht aufgehalten", "handelte es sich um
ein positives Gespräch". Such a noun adds detail to the earlier event; it does not report a new one.

A speech verb whose object is "dies"/"das" ("Lawrow sagte dies am Tag ...") restates what the same speaker
was reported to say before (`restates`).

A trigger noun refers back when a definite determiner (or "dieser") governs it, or it is the predicate of
"es handelt sich um", AND the same kind of event was reported in the last two sentences or the same noun (or a
compound with it as head) triggered earlier in the article. A sentence stating casualties is kept: it reports
what the event did.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from pipeline.nlp import token_columns

DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des", "dieser", "diese", "dieses", "diesen", "diesem",
                      "jener", "jene", "jenes"})
_PREDICATIVE = re.compile(r"\b(?:handelt(?:e)?\s+es\s+sich|es\s+handelt(?:e)?\s+sich)\s+um\b", re.IGNORECASE)
_ENDINGS = ("en", "es", "e", "s", "n")


def _stem(word: str) -> str:
    low = word.lower()
    for end in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 5:
            return low[: -len(end)]
    return low


def definite(doc: Doc, sent: Span, token: int) -> bool:
    """A definite determiner (or "dieser") governs the noun at `token`, only adjectives between them ("das erste
    persönliche Treffen")."""
    texts = token_columns(doc)[0]
    for j in range(token - 1, max(sent.start, token - 4) - 1, -1):
        if texts[j].lower() in DEFINITE:
            return True
        if not (texts[j][:1].islower() and texts[j].isalpha()):
            return False
    return False


def refers_back(doc: Doc, sent: Span, token: int, event_type: str, recent_types: set[str],
                earlier_triggers: list[tuple[int, str]], casualties: bool) -> bool:
    """True when the trigger noun at `token` refers to an event already reported (see the module docstring).

    `earlier_triggers`: (token index, lower-case text) of the article's trigger words, sorted by index.
    """
    texts = token_columns(doc)[0]
    word = texts[token]
    if not word[:1].isupper() or token == sent.start or casualties:
        return False
    if not definite(doc, sent, token) and not _PREDICATIVE.search(sent.text):
        return False
    if event_type in recent_types:
        return True
    stem = _stem(word)
    end = bisect_left(earlier_triggers, (sent.start, ""))
    return any(stem in text for _, text in earlier_triggers[:end])


_RESTATED = frozenset({"dies", "das", "dieses"})


def restates(doc: Doc, sent: Span, token: int) -> bool:
    """The speech verb at `token` takes "dies"/"das" as its object ("sagte dies", "erklärte das am Montag"): it
    points back to a statement already reported; whether the speaker is the same is the caller's check. "sagte
    das Ministerium" (an article before a noun) is not."""
    texts = token_columns(doc)[0]
    nxt = token + 1
    if nxt >= sent.end or texts[nxt] not in _RESTATED:
        return False
    after = texts[nxt + 1] if nxt + 1 < sent.end else "."
    return not after[:1].isupper() and after not in (",", ":")
