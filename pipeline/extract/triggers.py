"""Which event types a sentence reports: trigger words (from `doc.spans["triggers"]`) checked against the
conditions of their rule in `triggers.yaml` (required cues in the trigger's clause, separable particles,
blocking words, quotes, time anchors such as "seit der Invasion")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.extract import vocab
from pipeline.extract.actors import kind_of
from pipeline.extract.clauses import Clause, clause_at, in_ranges, is_occasion
from pipeline.nlp import token_columns

_SO_SPEAKER = re.compile(r",\s*so\s+(?:der|die|das)\s+[A-ZÄÖÜ]")
ANCHORS = frozenset({"seit", "Seit", "Seitdem", "aufgrund", "wegen", "nach", "trotz", "auf", "vor"})
"""Before a trigger noun, these make it a reference point ("seit der Invasion"), not a reported event."""
_PASSIVE_AFTER = frozenset({"worden", "werden", "wurde", "wurden"})
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "und", "oder", "“", "”", '"', "–", ")"})
_NOUNISH = re.compile(r"^[A-ZÄÖÜ]")


@dataclass(frozen=True)
class Candidate:
    type: str
    token: int
    """index of the trigger token in the doc"""
    confidence: float
    trigger: str
    self_standing: bool = True
    """the trigger alone names the event ("Angriff"), no act word was required ("Sanktionen" + "verhängte")"""


@lru_cache(maxsize=1)
def _rules() -> dict[int, vocab.Rule]:
    return {r.rule_id: r for r in vocab.triggers().rules}


def candidates(doc: Doc, sent: Span, offset0: int, cls: list[Clause], quantities: dict,
               quotes: list[tuple[int, int]], has_actor: bool, context: frozenset[str] = frozenset()) -> list[Candidate]:
    """The best trigger per event type in `sent` whose rule conditions hold.

    Offsets of `cls` and `quotes` count from `offset0` (a character offset of `doc`); `context` holds cue classes
    the previous sentences set (MEETING).
    """
    rules = _rules()
    s0, s1 = sent.start, sent.end
    trig = _in_sentence(doc, "triggers", s0, s1)
    if not trig:
        return []
    cues_by_clause: dict[Clause, set[str]] = {}
    cue_at: dict[int, set[str]] = {}
    for sp in _in_sentence(doc, "cues", s0, s1):
        cues_by_clause.setdefault(clause_at(cls, sp.start_char - offset0), set()).add(sp.label_)
        cue_at.setdefault(sp.start, set()).add(sp.label_)
    sentence_cues = set(context)
    if "amount" in quantities:
        sentence_cues.add("MONEY")
    if "troops" in quantities:
        sentence_cues.add("TROOPS")
    if any(k in quantities for k in ("killed", "wounded", "killed_or_wounded")):
        sentence_cues.add("CASUALTIES")
    sentence_cues.add("SPEAKER")  # checked by the extractor, which drops statements without a speaker
    if has_actor:
        sentence_cues.add("ACTOR")
    if _SO_SPEAKER.search(sent.text):
        sentence_cues.add("SO_SPEAKER")
    lowers = None
    best: dict[str, Candidate] = {}
    for sp in trig:
        rule = rules[int(sp.label_)]
        off = sp.start_char - offset0
        clause = clause_at(cls, off)
        if rule.requires:
            present = sentence_cues | (set().union(*cues_by_clause.values()) if rule.requires_anywhere
                                       else cues_by_clause.get(clause, set()))
            if not any(c in present for c in rule.requires):
                continue
        if rule.followed_by and not any(c in cue_at.get(j, ()) for j in range(sp.end, min(s1, sp.end + 3))
                                        for c in rule.followed_by):
            continue
        if rule.particles and not _particle(doc, sp.start, s1, rule, cls, offset0, clause):
            continue
        if rule.blocked_by:
            if lowers is None:
                lowers = {t.lower() for t in token_columns(doc)[0][s0:s1]}
            if rule.blocked_by & lowers and not any(
                    c in sentence_cues or any(c in cues for cues in cues_by_clause.values())
                    for c in rule.unblocked_by):
                continue  # "Hackerangriff", "Messerangriff": no war event unless troops or weapons are named
        if rule.unless_after and _after_cue(doc, sp.start, s0, cls, offset0, clause, cue_at, rule.unless_after):
            continue  # "forderte die Verbündeten auf, Flugabwehrsysteme zu liefern": asked for, not delivered
        if rule.sense and (rule.sense == "meet") != _meeting_sense(doc, sp.start, s0, s1, cls, offset0, clause,
                                                                   cue_at):
            continue  # "treffen": "trafen sich", "traf Macron" meet; "traf ein Öllager" hits
        if in_ranges(off, quotes):
            continue  # quoted words are what someone said, not what the text reports
        if rule.type == "statement" and (
                (clause.kind == "relative" and not is_occasion(sent.text[offset0 - sent.start_char:], clause))
                or (sp.end < s1 and doc[sp.end].text in _PASSIVE_AFTER)):
            continue
        if _NOUNISH.match(sp.text) and _anchored(doc, s0, sp.start):
            continue
        if rule.type == "diplomacy" and sp.start > s0 and doc[sp.start - 1].lower_ == "im":
            continue  # "im Gespräch mit dem STANDARD", "als Nachfolger im Gespräch": an idiom, not talks
        prev = best.get(rule.type)
        if prev is None or rule.confidence > prev.confidence:
            best[rule.type] = Candidate(rule.type, sp.start, rule.confidence, sp.text, not rule.requires)
    return list(best.values())


def _anchored(doc: Doc, s0: int, i: int) -> bool:
    """'seit der Invasion', 'nach dem Angriff': an anchor word governs the noun at `i` (no punctuation between;
    'schlägt vor, die Sanktionen' is a verb particle, not an anchor)."""
    for j in range(i - 1, max(s0, i - 3) - 1, -1):
        if doc[j].is_punct:
            return False
        if doc[j].text in ANCHORS:
            return True
    return False


def _in_sentence(doc: Doc, group: str, s0: int, s1: int) -> list[Span]:
    """Spans of `group` starting in tokens [s0, s1): a binary search over the group, sorted once per doc."""
    key = "_ct_sorted_" + group
    cached = doc.user_data.get(key)
    if cached is None:
        spans = sorted(doc.spans[group], key=lambda sp: sp.start)
        cached = ([sp.start for sp in spans], spans)
        doc.user_data[key] = cached
    starts, spans = cached
    return spans[bisect_left(starts, s0):bisect_left(starts, s1)]


def _particle(doc: Doc, i: int, s1: int, rule: vocab.Rule, cls: list[Clause], offset0: int,
              clause: Clause) -> bool:
    """A separable particle of the rule closes the trigger's clause ("zog sich ... zurück.")."""
    if rule.particles_anywhere:
        lo = max(0, i - 6)
        return any(doc[j].text in rule.particles for j in range(lo, min(s1, i + 8)))
    for j in range(i + 1, s1):
        if doc[j].text in rule.particles:
            nxt = doc[j + 1].text if j + 1 < len(doc) else "."
            if nxt in _CLAUSE_END or doc[j + 1].is_space if j + 1 < len(doc) else True:
                return True
        if clause_at(cls, doc[j].idx - offset0) != clause and doc[j].text not in (",",):
            break
    return False


def _after_cue(doc: Doc, i: int, s0: int, cls: list[Clause], offset0: int, clause: Clause,
               cue_at: dict[int, set[str]], classes: tuple[str, ...]) -> bool:
    """A cue of `classes` stands before token `i` in its clause, or in an earlier clause when `i`'s clause depends
    on it: a subordinate clause (", dass Deutschland Taurus liefert") or a zu-infinitive (", Systeme zu
    liefern")."""
    dependent = clause.kind != "main" or (i - 1 >= s0 and doc[i - 1].lower_ == "zu")
    for j in range(s0, i):
        if any(c in cue_at.get(j, ()) for c in classes) and (
                dependent or clause_at(cls, doc[j].idx - offset0) == clause):
            return True
    return False


def _meeting_sense(doc: Doc, i: int, s0: int, s1: int, cls: list[Clause], offset0: int, clause: Clause,
                   cue_at: dict[int, set[str]]) -> bool:
    """'treffen' as meeting: a reflexive ("trafen sich", cue class meet_marker) or a partner ("mit Macron", a
    person as object: "traf Macron", "hat den Kanzler getroffen") in the trigger's clause. Otherwise it reads as
    a hit ("traf ein Wohnhaus", "wurde getroffen")."""
    def same(j: int) -> bool:
        return clause_at(cls, doc[j].idx - offset0) == clause

    if any("meet_marker" in cue_at.get(j, ()) and same(j) for j in range(s0, s1)):
        return True
    # (start, is a person) of the capitalised names and office titles in the clause
    names = sorted((sp.start, group == "titles" or kind_of(sp.label_) == "person")
                   for group in ("actors", "titles") for sp in _in_sentence(doc, group, s0, s1)
                   if same(sp.start) and sp.text[:1].isupper())
    if any(doc[j].lower_ == "mit" for start, _ in names for j in range(max(s0, start - 4), start)):
        return True
    persons = [start for start, person in names if person]
    # a person object: after the finite verb ("traf Macron") or a second person before the participle
    return bool(persons) and (persons[-1] > i or len(persons) >= 2)
