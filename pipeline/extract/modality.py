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
_PLAN = re.compile(r"\b(?:will|wollen|wollte|plant|planen|plante|geplant\w*|soll|sollen|sollte|sollten|werde|werden|wird|"
                   r"kommenden|angekündigt\w*|beabsichtigt)\b", re.IGNORECASE)
_REPORTIVE_SOLL = re.compile(r"\bsoll\w*\b[^.]*\b(?:worden sein|getötet|verwundet)", re.IGNORECASE)


_CONFIRMED = re.compile(r"\b(?:bestätigt\w*|räumt\w*\b[^.]*\bein)\b", re.IGNORECASE)
_PROPOSED = re.compile(r"\b(?:vorgeschlagen|schlägt\b[^.]*\bvor|schlug\b[^.]*\bvor|erwägt|erwägen|erwog\w*|"
                       r"angeregt)\b", re.IGNORECASE)
# "Sollten die Separatisten weitere Gebiete erobern, werde dies Sanktionen nach sich ziehen": the consequence of
# a condition just before it is as hypothetical as the condition
_IF_BEFORE = re.compile(r"^\W*(?:sollten?|wenn|falls|sofern)\b[^,;:]*,\s*$", re.IGNORECASE)
_THEN = re.compile(r"\s*(?:dann\s+)?(?:werde|werden|wird|würde|würden)\b", re.IGNORECASE)
_FUTURE_WERDEN = re.compile(r"\b(?:wird|werden)\b", re.IGNORECASE)


def modality(event_type: str, sentence: str, clause: Clause, embedded_in_speech: bool, passive: bool = False) -> str:
    """The modality of an event of `event_type` whose trigger sits in `clause` of `sentence`.

    `passive`: the trigger is a participle with a form of 'werden' ("Kiew wird angegriffen"): 'wird' is then no
    plan.
    """
    local = sentence[clause.start:clause.end]
    if event_type == "statement":
        if re.search(r"\b(?:laut|zufolge|berichteten Staatsmedien)\b", sentence, re.IGNORECASE) and \
                re.search(r"\b(?:habe|sei|seien|hätten|werde)\b", sentence):
            return "claimed"
        return "asserted"
    if _DENIED.search(local) or (embedded_in_speech and _DENIED.search(sentence)):
        return "denied"
    if clause.kind == "conditional" or (_HYPO.search(local) and re.search(r"\b(?:wenn|falls)\b", sentence, re.I)) \
            or (_IF_BEFORE.search(sentence[:clause.start]) and _THEN.match(local)):
        return "hypothetical"
    if _SPEC.search(local):
        return "speculative"
    if clause.kind == "purpose" or (clause.start > 0 and _PROPOSED.search(sentence[:clause.start])):
        return "planned"  # "Trump hat vorgeschlagen, diese Sanktionen ... zu verschärfen"
    if _REPORTIVE_SOLL.search(sentence) or _CLAIM.search(sentence):
        return "claimed"
    if embedded_in_speech:
        # "Nordkorea hat erstmals offiziell bestätigt, dass es Truppen entsandt hat": the actor's own confirmation
        return "asserted" if _CONFIRMED.search(sentence[:clause.start]) else "claimed"
    plan = _PLAN.search(_FUTURE_WERDEN.sub(" ", local) if passive else local)
    return "planned" if plan else "asserted"
