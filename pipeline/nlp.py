"""The spaCy pipeline: a blank German tokenizer plus components that annotate, never decide.

    load_nlp() -> Language   # cached: blank("de") + ct_sentences + ct_lexicon

`ct_sentences` splits sentences (German abbreviations and ordinal dots stay inside: "am 8. November"; line
breaks end headlines; over-long runs are cut at `max_sentence_chars`). `ct_lexicon` marks actors, places,
office titles, trigger words and cue words from the data files in `pipeline/data/` as span groups
(`doc.spans["actors"|"places"|"titles"|"triggers"|"cues"]`); the extractors in `pipeline/extract/` decide.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.settings import get_int

MONTHS = frozenset(["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", "Jan.", "Feb.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.", "Jahrhundert", "Jahrhunderts"])
_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({"“", "”", '"', "«", "»", "‘", "’", ")", "]", "'"})
_SENTENCE_AFTER_NUMBER = frozenset(["Die", "Der", "Das", "Er", "Sie", "Es", "Am", "Im", "In", "Ein", "Eine", "Doch", "Aber", "Und", "Auch", "Dies", "Diese", "Damit", "Dabei", "Seit", "Nach", "Bei", "Wir", "Ich", "Zudem", "Außerdem", "Laut", "So"])


@Language.factory("ct_sentences", default_config={"max_chars": 0})
def make_sentences(nlp: Language, name: str, max_chars: int):
    """Sentence splitter for German news; max_chars 0 reads the setting `max_sentence_chars`."""
    return SentenceSplitter(max_chars or get_int("max_sentence_chars"))


class SentenceSplitter:
    """Sets `is_sent_start` on every token: punctuation and line breaks end sentences, not "8." or "z. B."."""

    def __init__(self, max_chars: int):
        self.max_chars = max(50, max_chars)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        texts, spaces, idxs = token_columns(doc)
        starts = [False] * n
        starts[0] = True
        sent_start_char = 0
        max_chars = self.max_chars
        i = 0
        while i < n:
            text = texts[i]
            boundary_after = False
            if text in _END:
                boundary_after = True
            elif text[-1:] == "." and text[:-1].isdigit() and i + 1 < n:
                nxt = texts[i + 1]
                boundary_after = nxt not in MONTHS and (len(text) == 5 or nxt in _SENTENCE_AFTER_NUMBER)
            elif "\n" in text and text.isspace():
                boundary_after = self._newline_ends(texts, i)
            if boundary_after:
                j = i + 1
                # closing quotes/brackets glued to the full stop stay with it; "“Der" after a space opens the next
                while j < n and (texts[j] in _CLOSERS or texts[j] in _END) and not spaces[j - 1]:
                    j += 1
                if j < n and not (texts[j].isspace() and j + 1 >= n):
                    starts[j] = True
                    sent_start_char = idxs[j]
                i = j
                continue
            if idxs[i] - sent_start_char > max_chars and not starts[i]:
                starts[i] = True
                sent_start_char = idxs[i]
            i += 1
        # one array write: setting Token.is_sent_start per token re-checks the whole doc each time (quadratic)
        values = numpy.array([1 if st else -1 for st in starts], dtype="int64").astype("uint64").reshape(n, 1)
        doc.from_array([SENT_START], values)
        return doc

    @staticmethod
    def _newline_ends(texts: list[str], i: int) -> bool:
        if "\n\n" in texts[i] or i == 0 or i + 1 >= len(texts):
            return True
        prev, nxt = texts[i - 1], texts[i + 1]
        # a hard-wrapped sentence continues in lower case or after a comma/hyphen
        return not (prev in {",", "-", "–"} or prev.endswith("-") or nxt[:1].islower())


def token_columns(doc: Doc) -> tuple[list[str], list[int], list[int]]:
    """Token texts, trailing-space flags and character offsets, read as arrays (no Token objects built)."""
    cached = doc.user_data.get("_ct_columns")
    if cached is None:
        arr = doc.to_array([ORTH, SPACY, IDX])
        strings = doc.vocab.strings
        cache = _ORTH_TEXT
        texts = []
        for orth in arr[:, 0].tolist():
            t = cache.get(orth)
            if t is None:
                t = strings[orth]
                if len(cache) < 500_000:
                    cache[orth] = t
            texts.append(t)
        cached = (texts, arr[:, 1].tolist(), arr[:, 2].tolist())
        doc.user_data["_ct_columns"] = cached
    return cached


_ORTH_TEXT: dict[int, str] = {}


@Language.factory("ct_lexicon", default_config={})
def make_lexicon(nlp: Language, name: str):
    """Marks vocabulary matches from `pipeline/data/` as span groups; see the module docstring."""
    return Lexicon(nlp)


class Lexicon:
    """PhraseMatchers for names (actors, places, titles); dictionary look-ups for trigger and cue words."""

    def __init__(self, nlp: Language):
        from pipeline.extract import vocab

        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.prefixes: list[tuple[str, str]] = []
        self.prefix_exclude: set[str] = set()
        for row in vocab.actor_entries():
            self._add(nlp, "A", row["name"], row["aliases"])
            self.prefixes.extend((p, row["name"]) for p in row["prefixes"])
            self.prefix_exclude.update(row["exclude"])
        self.prefix_tuple = tuple(p for p, _ in self.prefixes)
        for row in vocab.place_entries():
            self._add(nlp, "P", row["name"], row["aliases"])
        for i, office in enumerate(vocab.facts()["offices"]):
            self._add(nlp, "O", str(i), office["titles"])
        trig = vocab.triggers()
        self.words: dict[str, list[tuple[str, str]]] = {}
        self.heads: dict[str, list[tuple[str, str]]] = {}
        for cls, (words, heads) in trig.cues.items():
            self._index("cues", cls, words, heads)
        for rule in trig.rules:
            self._index("triggers", str(rule.rule_id), rule.words, rule.heads)
        self.head_lengths = sorted({len(h) for h in self.heads}, reverse=True)
        self.exclude = trig.exclude
        self.exclude_endings = trig.exclude_endings
        self._cache: dict[str, list | None] = {}
        self.first_names = PhraseMatcher(nlp.vocab, attr="ORTH")
        from pipeline.extract.actors import first_names

        self.first_names.add("FIRST", [nlp.make_doc(n) for n in first_names()])

    def _add(self, nlp: Language, group: str, key: str, aliases) -> None:
        label = f"{group}|{key}"
        upper = [a for a in aliases if a[:1].isupper() or a[:1].isdigit()]
        lower = [a for a in aliases if a not in upper]
        if upper:
            self.orth.add(label, [nlp.make_doc(a) for a in upper])
        if lower:
            self.lower.add(label, [nlp.make_doc(a) for a in lower])

    def _lookup(self, text: str):
        """Trigger/cue/prefix hits of one token text, cached: exact form, then compound head, then prefix."""
        cache = self._cache
        if text in cache:
            return cache[text]
        hits = self.words.get(text)
        if hits is None and text[:1].isupper() and len(text) > 4:
            low = text.lower()
            if low not in self.exclude and not low.endswith(self.exclude_endings):
                for n in self.head_lengths:
                    if n <= len(low) and low[-n:] in self.heads:
                        hits = self.heads[low[-n:]]
                        break
        if self.prefix_tuple and text.startswith(self.prefix_tuple) and text not in self.prefix_exclude:
            name = next(name for p, name in self.prefixes if text.startswith(p))
            hits = list(hits or []) + [("A", name)]
        if len(cache) < 200_000:
            cache[text] = hits
        return hits

    def _index(self, group: str, label: str, words, heads) -> None:
        for w in words:
            self.words.setdefault(w, []).append((group, label))
        for h in heads:
            self.heads.setdefault(h, []).append((group, label))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {"actors": [], "places": [], "titles": []}
        groups = {"A": "actors", "P": "places", "O": "titles"}
        strings = doc.vocab.strings
        for match_id, start, end in list(self.orth(doc)) + list(self.lower(doc)):
            group, key = strings[match_id].split("|", 1)
            found[groups[group]].append(Span(doc, start, end, label=key))
        triggers: list[Span] = []
        cues: list[Span] = []
        texts = token_columns(doc)[0]
        sent_starts = doc.to_array(SENT_START).tolist() if doc.has_annotation("SENT_START") else ()
        lookup = self._lookup
        for i, text in enumerate(texts):
            hits = lookup(text)
            if hits is None and sent_starts and sent_starts[i] == 1 and text[:1].isupper():
                hits = lookup(text.lower())
            if hits:
                for group, label in hits:
                    if group == "A":
                        found["actors"].append(Span(doc, i, i + 1, label=label))
                    else:
                        (triggers if group == "triggers" else cues).append(Span(doc, i, i + 1, label=label))
        for key, spans in found.items():
            doc.spans[key] = filter_spans(spans)
        doc.spans["first_names"] = [Span(doc, start, end) for _, start, end in self.first_names(doc)]
        doc.spans["triggers"] = triggers
        doc.spans["cues"] = cues
        return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """blank("de") with the sentence splitter and the vocabulary annotator; built once per process."""
    nlp = spacy.blank("de")
    nlp.add_pipe("ct_sentences")
    nlp.add_pipe("ct_lexicon")
    return nlp
