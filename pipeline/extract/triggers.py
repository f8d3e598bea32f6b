"""Which event types a sentence reports: trigger words (from `doc.spans["triggers"]`) checked against the
conditions of their rule in `triggers.yaml` (required cues, separable particles, blocking words, quotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.extract import vocab
from pipeline.extract.clauses import in_ranges

_SO_SPEAKER = re.compile(r",\s*so\s+(?:der|die|das)\s+[A-ZÄÖÜ]")
_ANCHOR_BEFORE = frozenset({"seit", "Seit"})
_NOUNISH = re.compile(r"^[A-ZÄÖÜ]")


@dataclass(frozen=True)
class Candidate:
    type: str
    token: int
    """index of the trigger token in the doc"""
    confidence: float
    trigger: str


@lru_cache(maxsize=1)
def _rules() -> dict[int, vocab.Rule]:
    return {r.rule_id: r for r in vocab.triggers().rules}


def candidates(doc: Doc, sent: Span, quantities: dict, quotes: list[tuple[int, int]], has_actor: bool,
               has_speaker: bool) -> list[Candidate]:
    """The best trigger per event type in `sent` whose rule conditions hold."""
    rules = _rules()
    s0, s1 = sent.start, sent.end
    trig = [sp for sp in doc.spans["triggers"] if s0 <= sp.start < s1]
    if not trig:
        return []
    cue_classes = {sp.label_ for sp in doc.spans["cues"] if s0 <= sp.start < s1}
    if "amount" in quantities:
        cue_classes.add("MONEY")
    if "troops" in quantities:
        cue_classes.add("TROOPS")
    if any(k in quantities for k in ("killed", "wounded", "killed_or_wounded")):
        cue_classes.add("CASUALTIES")
    if has_speaker:
        cue_classes.add("SPEAKER")
    if has_actor:
        cue_classes.add("ACTOR")
    if _SO_SPEAKER.search(sent.text):
        cue_classes.add("SO_SPEAKER")
    lowers = None
    best: dict[str, Candidate] = {}
    for sp in trig:
        rule = rules[int(sp.label_)]
        if rule.requires and not any(c in cue_classes for c in rule.requires):
            continue
        if rule.particles and not any(doc[j].text in rule.particles for j in range(sp.end, s1)):
            continue
        if rule.blocked_by:
            if lowers is None:
                lowers = {t.lower_ for t in sent}
            if rule.blocked_by & lowers:
                continue
        offset = sp.start_char - sent.start_char
        if rule.type != "statement" and in_ranges(offset, quotes):
            continue
        if _NOUNISH.match(sp.text) and sp.start > s0 and any(
                doc[j].text in _ANCHOR_BEFORE for j in range(max(s0, sp.start - 3), sp.start)):
            continue  # "seit der Invasion": a time anchor, not a new event
        prev = best.get(rule.type)
        if prev is None or rule.confidence > prev.confidence:
            best[rule.type] = Candidate(rule.type, sp.start, rule.confidence, sp.text)
    return list(best.values())
