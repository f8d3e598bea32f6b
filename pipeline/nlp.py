"""The spaCy pipeline: a blank German tokenizer plus components that annotate, never decide.

    load_nlp() -> Language   # cached: blank("de") + ct_sentences + ct_lexicon

`ct_sentences` splits sentences (German abbreviations and ordinal dots stay inside: "am 8. November"; line
breaks end headlines; over-long runs are cut at `max_sentence_chars`). `ct_lexicon` marks actors, places,
office titles, trigger words and cue words from the data files in `pipeline/data/` as span groups
(`doc.spans["actors"|"places"|"titles"|"triggers"|"cues"]`); the extractors in `pipeline/extract/` decide.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
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
        starts = [False] * n
        starts[0] = True
        sent_start_char = 0
        i = 0
        while i < n:
            tok = doc[i]
            text = tok.text
            boundary_after = False
            if text in _END:
                boundary_after = True
            elif text[-1:] == "." and text[:-1].isdigit() and i + 1 < n:
                nxt = doc[i + 1].text
                boundary_after = nxt not in MONTHS and (len(text) == 5 or nxt in _SENTENCE_AFTER_NUMBER)
            elif tok.is_space and "\n" in text:
                boundary_after = self._newline_ends(doc, i)
            if boundary_after:
                j = i + 1
                # closing quotes/brackets glued to the full stop stay with it; "“Der" after a space opens the next
                while j < n and (doc[j].text in _CLOSERS or doc[j].text in _END) and not doc[j - 1].whitespace_:
                    j += 1
                if j < n and not (doc[j].is_space and j + 1 >= n):
                    starts[j] = True
                    sent_start_char = doc[j].idx
                i = j
                continue
            if tok.idx - sent_start_char > self.max_chars and not starts[i]:
                starts[i] = True
                sent_start_char = tok.idx
            i += 1
        for k in range(1, n):
            doc[k].is_sent_start = starts[k]
        return doc

    @staticmethod
    def _newline_ends(doc: Doc, i: int) -> bool:
        if "\n\n" in doc[i].text or i == 0 or i + 1 >= len(doc):
            return True
        prev, nxt = doc[i - 1].text, doc[i + 1].text
        # a hard-wrapped sentence continues in lower case or after a comma/hyphen
        return not (prev in {",", "-", "–"} or prev.endswith("-") or nxt[:1].islower())


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

    def _add(self, nlp: Language, group: str, key: str, aliases) -> None:
        label = f"{group}|{key}"
        upper = [a for a in aliases if a[:1].isupper() or a[:1].isdigit()]
        lower = [a for a in aliases if a not in upper]
        if upper:
            self.orth.add(label, [nlp.make_doc(a) for a in upper])
        if lower:
            self.lower.add(label, [nlp.make_doc(a) for a in lower])

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
        words, heads, exclude = self.words, self.heads, self.exclude
        prefix_tuple = self.prefix_tuple
        for tok in doc:
            text = tok.text
            hits = words.get(text)
            if hits is None and tok.is_sent_start:
                hits = words.get(text.lower())
            if hits is None and text[:1].isupper() and len(text) > 4:
                low = text.lower()
                if low not in exclude:
                    for n in self.head_lengths:
                        if n <= len(low) and low[-n:] in heads:
                            hits = heads[low[-n:]]
                            break
            if hits:
                for group, label in hits:
                    (triggers if group == "triggers" else cues).append(Span(doc, tok.i, tok.i + 1, label=label))
            if prefix_tuple and text.startswith(prefix_tuple) and text not in self.prefix_exclude:
                for p, name in self.prefixes:
                    if text.startswith(p):
                        found["actors"].append(Span(doc, tok.i, tok.i + 1, label=name))
                        break
        for key, spans in found.items():
            doc.spans[key] = filter_spans(spans)
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
