"""How the text presents an event: asserted, planned, claimed, denied, speculative or hypothetical.

Markers are looked for in the trigger's clause first, then in the sentence; the order of the checks is the order
of precedence (a denial beats a report of it, a condition beats a plan).
"""

from __future__ import annotations

import re

from pipeline.extract.clauses import Clause

_DENIED = re.compile(r"\b(?:bestreit\w*|bestritt\w*|dementier\w*|zurückgewiesen|wies\w*\b[^.]*\bzurück|"
                     r"weder\b[^.]*\bnoch|nicht bestätigt)", re.IGNORECASE)
_HYPO = re.compile(r"\b(?:würde|würden|wäre|wären|hätte|hätten)\b", re.IGNORECASE)
_SPEC = re.compile(r"\b(?:könnte|könnten|möglicherweise|wahrscheinlich|vermutlich|mutmaßlich|spekulier\w*|"
                   r"befürcht\w*|erwartet|dürfte|dürften|womöglich|eventuell)\b", re.IGNORECASE)
_CLAIM = re.compile(r"\b(?:laut|zufolge|berichtet\w*|Berichte\w*|Angaben|angeblich|soll\w*\b[^.]*\b(?:worden sein|"
                    r"haben|sein)\b)", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:will|wollen|wollte|plant|planen|plante|geplant\w*|soll|sollen|werde|werden|wird|"
                   r"kommenden|angekündigt\w*|beabsichtigt)\b", re.IGNORECASE)
_REPORTIVE_SOLL = re.compile(r"\bsoll\w*\b[^.]*\b(?:worden sein|getötet|verwundet)", re.IGNORECASE)


def modality(event_type: str, sentence: str, clause: Clause, embedded_in_speech: bool) -> str:
    """The modality of an event of `event_type` whose trigger sits in `clause` of `sentence`."""
    local = sentence[clause.start:clause.end]
    if event_type == "statement":
        if re.search(r"\b(?:laut|zufolge|berichteten Staatsmedien)\b", sentence, re.IGNORECASE) and \
                re.search(r"\b(?:habe|sei|seien|hätten|werde)\b", sentence):
            return "claimed"
        return "asserted"
    if _DENIED.search(local) or (embedded_in_speech and _DENIED.search(sentence)):
        return "denied"
    if clause.kind == "conditional" or (_HYPO.search(local) and re.search(r"\b(?:wenn|falls)\b", sentence, re.I)):
        return "hypothetical"
    if _SPEC.search(local):
        return "speculative"
    if clause.kind == "purpose":
        return "planned"
    if _REPORTIVE_SOLL.search(sentence) or _CLAIM.search(sentence) or embedded_in_speech:
        return "claimed"
    if _PLAN.search(local):
        return "planned"
    return "asserted"
