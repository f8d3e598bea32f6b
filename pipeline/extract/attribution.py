"""Who reports, not who acts: outlets and attributed sources.

"Laut der New York Times", "Der New York Times zufolge", "Laut südkoreanischen Angaben", "unter Berufung auf
NATO-Diplomaten", "gegenüber CNN": the named party is the SOURCE of the report. It is never the actor or target of
the reported deployment, attack or decision. An outlet (`kind: media` in actors.yaml) may be the speaker of a
statement only as the subject of the speech verb ("berichtet Bloomberg", "Die Washington Post berichtete"), not
as its recipient ("wie ein Beamter CNN mitteilte").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.extract.actors import Mention
from pipeline.nlp import token_columns

SOURCE_BEFORE = frozenset({"laut", "gegenüber", "berufung"})
"""Words that make the following name a source ("laut X", "gegenüber X", "unter Berufung auf X")."""
SOURCE_AFTER = frozenset({"zufolge"})
SOURCE_NOUNS = frozenset({"Angaben", "Quellen", "Berichten", "Berichte", "Bericht", "Informationen",
                          "Medienberichten", "Medien", "Geheimdienstangaben", "Geheimdienstinformationen",
                          "Schätzungen", "Behördenangaben", "Regierungsangaben", "Militärangaben", "Darstellung"})
"""'nach ukrainischen Angaben', 'südkoreanischen Geheimdienstangaben': the adjective names the source."""
_SKIP = frozenset({"der", "die", "das", "den", "dem", "des", "einer", "einem", "eines", "einen", "ein", "eine", "auf",
                   "von", "vom", "jüngsten", "neuen", "neuesten", "eigenen", "offiziellen"})
_STOP = frozenset({",", ";", ":", ".", "und", "oder", "–", "-"})


def is_source(doc: Doc, sent: Span, m: Mention) -> bool:
    """True when mention `m` names who reports rather than who acts (media, 'laut X', 'X zufolge', 'X-Angaben')."""
    if m.kind == "media":
        return True
    texts = token_columns(doc)[0]
    i = m.start - 1
    steps = 0
    while i >= sent.start and steps < 4:
        low = texts[i].lower()
        if low in SOURCE_BEFORE:
            return True
        if low not in _SKIP and not (texts[i][:1].islower() and texts[i].isalpha()):
            break
        i -= 1
        steps += 1
    for j in range(m.end, min(sent.end, m.end + 4)):
        if texts[j] in _STOP:
            break
        if texts[j] in SOURCE_AFTER:
            return True
        if texts[j] in SOURCE_NOUNS and (m.adjectival or j == m.end):
            return True
        if not (texts[j][:1].islower() or texts[j] in SOURCE_NOUNS):
            break
    return False


def may_speak(doc: Doc, sent: Span, m: Mention, verb_i: int, clause_start_i: int) -> bool:
    """Whether `m` may be the speaker of the speech verb at token `verb_i`: any actor that is not a source; an
    outlet only right after the verb ("berichtet Bloomberg") or opening the verb's clause ("CNN berichtete")."""
    if not is_source(doc, sent, m):
        return True
    if m.kind != "media":
        return False
    texts = token_columns(doc)[0]
    between = [t.lower() for t in texts[verb_i + 1:m.start]]
    if m.start > verb_i and all(t in ("der", "die", "das", "den", "dem", "auch") for t in between):
        return True
    lead = [t.lower() for t in texts[clause_start_i:m.start]]
    return m.start < verb_i and all(t in ("der", "die", "das", "wie", "„", '"') for t in lead)
