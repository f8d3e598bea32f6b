"""Roles of the actor mentions of one sentence for one event: speaker, acting side, targets.

Word order heuristics for German news: the subject stands before the finite verb unless the clause starts with
an adverbial ("Am Montag kündigte das Ministerium ..."), then it follows the verb; speakers follow the speech
verb after a quote ("..., sagte Rakhuba"); "zitiert die New York Times Rubio" quotes the last name; pronouns
(er, sie) take the acting actor of the previous event or the last person mentioned.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline.extract.actors import (
    PRONOUNS,
    TARGET_PREPS,
    Mention,
    affiliation,
    is_place_modifier,
    preceding_preposition,
)
from pipeline.extract.clauses import Clause, clause_at, in_ranges

QUOTING_VERBS = frozenset({"zitiert", "zitierte"})
OBJECT_TYPES = frozenset({"policy_decision", "attack", "sanction", "territorial_change"})
"""Event types whose accusative object (a state after the verb and its subject) is the target."""
EMBEDDED = frozenset({"relative", "complement", "purpose", "conditional"})


OBJECT_VERBS = frozenset(["beschuldigte", "beschuldigt", "beschuldigten", "kritisierte", "kritisiert", "kritisierten", "lobte", "gratulierte", "bezeichnete", "bezeichneten", "forderte", "forderten", "verurteilte", "verurteilt", "warf", "drohte"])
"""Speech verbs with a person as object: "Putin lobte Trump" - the subject is the speaker, not the next name."""


def usable(doc: Doc, sent: Span, mentions: list[Mention], quotes) -> list[Mention]:
    """Mentions that can play a role: not inside quotes, not adjectives of a place ("russischen Region"),
    unless a target preposition governs them ("auf ukrainische Städte")."""
    out = []
    for m in mentions:
        off = doc[m.start].idx - sent.start_char
        if in_ranges(off, quotes):
            continue
        if is_place_modifier(doc, m) and preceding_preposition(doc, m, sent) not in TARGET_PREPS:
            continue
        out.append(m)
    return out


def speakers(doc: Doc, sent: Span, trigger_i: int, mentions: list[Mention], cls: list[Clause],
             focus: list[str]) -> list[str]:
    """Who makes the statement whose speech verb is token `trigger_i`; [] when nobody can be named."""
    off = doc[trigger_i].idx - sent.start_char
    tclause = clause_at(cls, off)

    def clause_of(i: int) -> Clause:
        return clause_at(cls, doc[i].idx - sent.start_char)

    def resolve(j: int) -> list[str]:
        # "Während Putin ... offen ist, hat er deutlich gemacht": er = a subject named earlier in the sentence
        local = [m.name for m in mentions if m.start < j and m.kind == "person"
                 and preceding_preposition(doc, m, sent) is None]
        return local[-1:] or focus[:1]

    # the first subject-like element of the verb's clause before the verb: a pronoun or a name
    for j in range(max(sent.start, trigger_i - 12), trigger_i):
        if clause_of(j) != tclause:
            continue
        if doc[j].text in PRONOUNS and (focus or mentions):
            named = resolve(j)
            if named:
                return named
        hits = [m for m in mentions if m.start == j and preceding_preposition(doc, m, sent) is None]
        if hits:
            same = [m for m in mentions if j <= m.start < trigger_i and clause_of(m.start) == tclause
                    and preceding_preposition(doc, m, sent) is None]
            return _names(same)
    before = [m for m in mentions if m.start < trigger_i and clause_of(m.start).kind not in EMBEDDED
              and preceding_preposition(doc, m, sent) is None]
    verb_first = doc[trigger_i].idx - sent.start_char <= tclause.start + 1 or \
        doc[trigger_i].text in OBJECT_VERBS
    if verb_first and before and doc[trigger_i].text in OBJECT_VERBS:
        return [before[-1].name]
    nxt = doc[trigger_i + 1].text if trigger_i + 1 < sent.end else ""
    if nxt in PRONOUNS and focus:
        return focus[:1]
    after = [m for m in mentions if trigger_i < m.start <= trigger_i + 6 and clause_of(m.start) == tclause
             and preceding_preposition(doc, m, sent) not in TARGET_PREPS]
    if after:
        if doc[trigger_i].text in QUOTING_VERBS:
            return [after[-1].name]
        return [_apposition(doc, sent, after[0], mentions)]
    for j in range(trigger_i + 1, min(sent.end, trigger_i + 3)):
        if doc[j].text in PRONOUNS and focus:
            return focus[:1]
    if before and before[-1].start >= trigger_i - 25:
        return [before[-1].name]
    return []


def _apposition(doc: Doc, sent: Span, m: Mention, mentions: list[Mention]) -> str:
    """'sagte der Sprecher von Präsident Wladimir Putin, Dmitri Peskow': a person owning the speaker's office ("von
    X", a genitive) is followed by the speaker's own name after a comma; otherwise `m` speaks."""
    if m.kind != "person" or m.start <= sent.start or doc[m.start - 1].lower_ not in ("von", "des", "der") and not (
            m.start - 2 >= sent.start and doc[m.start - 2].lower_ in ("von", "des", "der")):
        return m.name
    if m.end < sent.end and doc[m.end].text == ",":
        nxt = next((x for x in mentions if x.start == m.end + 1 and x.kind == "person"), None)
        if nxt is not None:
            return nxt.name
    return m.name


def _names(ms: list[Mention]) -> list[str]:
    out: list[str] = []
    persons = [m for m in ms if m.kind == "person"]
    for m in persons + [m for m in ms if m.kind != "person"]:
        if m.name not in out:
            out.append(m.name)
    return out


SUPPORT_NOUNS = frozenset({"Unterstützung", "Hilfe"})
"""'mit der Unterstützung nordkoreanischer Streitkräfte': the forces named after the noun act for the subject."""
FINITE_SUBORDINATE = frozenset({"relative", "complement", "temporal", "causal", "concessive", "conditional"})
_GE_PARTICIPLE = re.compile(r"^[a-zäöü]*ge[a-zäöüß]+(?:t|en)$")
_PREFIX_PARTICIPLE = re.compile(r"^(?:be|ver|zer|er|ent)[a-zäöüß]+(?:t|en)$")
_WERDEN = frozenset({"wird", "werden", "wurde", "wurden", "worden"})
_COORD = frozenset({"und", "sowie", ",", "oder"})
_VENUE_PREPS = frozenset({"in", "im", "bei", "beim", "aus", "nach"})


def is_passive(doc: Doc, sent: Span, trigger_i: int, cls: list[Clause]) -> bool:
    """'Kiew wird seit Tagen angegriffen', 'wurde ... erobert': a participle trigger with a form of 'werden' in its
    clause. The grammatical subject is then the target."""
    word = doc[trigger_i].text
    if trigger_i == sent.start:
        word = word.lower()  # "Angesprochen wurden auch ...": a participle opening the sentence
    if not word[:1].islower() or not (_GE_PARTICIPLE.match(word) or word.endswith("iert")
                                      or _PREFIX_PARTICIPLE.match(word)):
        return False
    tclause = clause_at(cls, doc[trigger_i].idx - sent.start_char)
    return any(doc[j].text in _WERDEN and clause_at(cls, doc[j].idx - sent.start_char) == tclause
               for j in range(max(sent.start, trigger_i - 12), min(sent.end, trigger_i + 3)))


def _is_venue(doc: Doc, sent: Span, m: Mention) -> bool:
    """'bei Treffen in Paris und London': a city coordinated with a place under a locative preposition."""
    i = m.start
    return (not m.adjectival and i - 3 >= sent.start and doc[i - 1].text in _COORD
            and doc[i - 2].text[:1].isupper() and doc[i - 3].lower_ in _VENUE_PREPS)


def _of_other_noun(doc: Doc, sent: Span, m: Mention, trigger_i: int) -> bool:
    """'am Rande der Beerdigung von Papst Franziskus': 'von X' after a noun that is not the trigger names a
    participant of that other thing, not the acting side."""
    i = m.start - 1
    return (i - 2 >= sent.start and doc[i].lower_ in ("von", "vom") and doc[i - 1].text[:1].isupper()
            and i - 1 != trigger_i and doc[i - 1].text not in SUPPORT_NOUNS and doc[i - 2].lower_ in _DETERMINERS)


_TIME_PREPS = frozenset({"vor", "nach", "während", "seit", "bis", "ab"})
TERM_NOUNS = frozenset({"Amtszeit", "Amtsantritt", "Amtseinführung", "Amtsübernahme", "Präsidentschaft",
                        "Wiederwahl", "Wahl", "Wahlsieg", "Regierungszeit", "Vereidigung", "Rückkehr", "Amtszeiten"})
"""Nouns that, with a person's name, make a point in time: "vor Trumps zweiter Amtszeit"."""


def _in_time_phrase(doc: Doc, sent: Span, m: Mention) -> bool:
    """'vor Trumps zweiter Amtszeit', 'nach der Wahl Trumps': the name dates the event; it names no actor."""
    i = m.start
    if i - 1 >= sent.start and doc[i - 1].lower_ in _TIME_PREPS:
        return any(doc[j].text in TERM_NOUNS for j in range(m.end, min(sent.end, m.end + 3)))
    return (i - 3 >= sent.start and doc[i - 1].text in TERM_NOUNS and doc[i - 2].lower_ in ("der", "dem", "des")
            and doc[i - 3].lower_ in _TIME_PREPS)


def _possessor(doc: Doc, sent: Span, trigger_i: int, mentions: list[Mention]) -> Mention | None:
    """'die russischen Angriffe', 'Russlands stetige Vorstöße', 'einer ukrainischen Offensive': the adjective or
    genitive right before an event noun names who does it."""
    if not doc[trigger_i].text[:1].isupper():
        return None
    j = trigger_i - 1
    while j >= sent.start and j > trigger_i - 3 and doc[j].text[:1].islower() and doc[j].text.isalpha():
        if doc[j].lower_ in _DETERMINERS:
            return None
        for m in mentions:
            if m.end == j + 1 and m.adjectival and m.kind == "state":
                return m
        j -= 1
    for m in mentions:
        if m.end == j + 1 and m.kind in ("state", "organisation") and not m.adjectival and doc[j].text.endswith("s"):
            return m
    return None


_DETERMINERS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                          "seine", "seiner", "seinen", "ihre", "ihrer", "ihren"})


def actors_and_targets(doc: Doc, sent: Span, trigger_i: int, event_type: str, mentions: list[Mention],
                       exclude: set[str], focus: list[str], cls: list[Clause]) -> tuple[list[str], list[str]]:
    """Acting side (subject-ish first) and targets of a non-statement event triggered at `trigger_i`."""
    mentions = [m for m in mentions if not _is_venue(doc, sent, m) and not _of_other_noun(doc, sent, m, trigger_i)
                and not _in_time_phrase(doc, sent, m)]
    if doc[trigger_i].text in SUPPORT_NOUNS and event_type == "troop_deployment":
        helpers = [m for m in mentions if trigger_i < m.start <= trigger_i + 3]
        if helpers:
            helped = [m.name for m in mentions if m.start < trigger_i and m.name != helpers[0].name
                      and preceding_preposition(doc, m, sent) is None]
            return with_affiliations([helpers[0].name], helped), with_affiliations(helped)
    if event_type != "statement" and is_passive(doc, sent, trigger_i, cls):
        return _passive_roles(doc, sent, trigger_i, mentions, exclude)
    owner = _possessor(doc, sent, trigger_i, mentions)
    tclause = clause_at(cls, doc[trigger_i].idx - sent.start_char)
    in_clause = {m.name for m in mentions if clause_at(cls, doc[m.start].idx - sent.start_char) == tclause}
    actors: list[str] = []
    targets: list[str] = []
    later: list[str] = []
    subject_found = False
    for m in mentions:
        if m.name in exclude:
            continue
        prep = preceding_preposition(doc, m, sent)
        genitive_aid = m.start > sent.start and doc[m.start - 1].text == "Unterstützung" or (
            event_type == "aid_package" and _aid_recipient(doc, sent, m))
        joined = m.start > sent.start and doc[m.start - 1].lower_ in ("und", "sowie", ",")
        is_object = (event_type in OBJECT_TYPES and prep is None and m.start > trigger_i and actors
                     and not joined and m.kind == "state")
        if event_type != "diplomacy" and (prep in TARGET_PREPS or genitive_aid or is_object):
            if event_type == "aid_package" and prep in ("auf",):
                later.append(m.name)
                continue
            if m.name not in targets:
                targets.append(m.name)
            continue
        if prep is None:
            if m.start < trigger_i:
                subject_found = True
            if m.name not in actors:
                actors.append(m.name)
        elif prep in ("in", "im", "aus", "nach", "bei") and m.kind == "state" and not m.adjectival:
            continue  # "in der Ukraine": where, not who
        else:
            later.append(m.name)
    opens = focus and _pronoun_opens_clause(doc, sent, trigger_i, tclause, mentions, cls)
    if focus and (opens or not subject_found and _pronoun_subject(doc, sent, trigger_i)):
        actors = [focus[0]] + [a for a in actors if a != focus[0]]
        if opens:
            in_clause.add(focus[0])
    for name in later:
        if name not in actors and name not in targets:
            actors.append(name)
    actors = [a for a in actors if a not in targets] or actors
    if (tclause.kind in FINITE_SUBORDINATE or _after_subordinate(cls, tclause)) and any(a in in_clause for a in actors):
        actors = [a for a in actors if a in in_clause] + [a for a in actors if a not in in_clause]
    if owner is not None and owner.name not in exclude:
        actors = [owner.name] + [a for a in actors if a != owner.name]
        targets = [t for t in targets if t != owner.name]
    return with_affiliations(actors, targets), with_affiliations(targets)


AID_NOUNS = frozenset({"Unterstützung", "Ausrüstung", "Ausbildung", "Versorgung", "Bewaffnung", "Aufrüstung"})
"""'für die Ausrüstung der ukrainischen Streitkräfte': the genitive after these nouns receives the aid."""


def _aid_recipient(doc: Doc, sent: Span, m: Mention) -> bool:
    i = m.start - 1
    if i > sent.start and doc[i].lower_ in ("der", "des"):
        i -= 1
    return i >= sent.start and doc[i].text in AID_NOUNS


def _after_subordinate(cls: list[Clause], tclause: Clause) -> bool:
    """'Nachdem Selenskyj gebeten hatte, lieferte Großbritannien ...': a main clause after a subordinate one; the
    names of the subordinate clause do not act in it."""
    return tclause.kind == "main" and any(c.end <= tclause.start and c.kind in FINITE_SUBORDINATE for c in cls)


def _passive_roles(doc: Doc, sent: Span, trigger_i: int, mentions: list[Mention],
                   exclude: set[str]) -> tuple[list[str], list[str]]:
    """Passive voice: the agent follows 'von'/'durch'; the subject and other unmarked names are the targets."""
    actors: list[str] = []
    targets: list[str] = []
    for m in mentions:
        if m.name in exclude:
            continue
        prep = preceding_preposition(doc, m, sent)
        if prep in ("von", "vom", "durch", "seitens"):
            if m.name not in actors:
                actors.append(m.name)
        elif (prep in TARGET_PREPS or prep is None and not m.adjectival) and m.name not in targets:
            targets.append(m.name)
    return with_affiliations(actors, targets), with_affiliations(targets)


def _pronoun_opens_clause(doc: Doc, sent: Span, trigger_i: int, tclause: Clause, mentions: list[Mention],
                          cls: list[Clause]) -> bool:
    """'während er die Ukraine ... drängt': a pronoun right after the clause's opening word, before any name."""
    start = sent.start_char + tclause.start
    first = next((t.i for t in doc[sent.start:trigger_i] if t.idx >= start), None)
    if first is None or first + 1 >= trigger_i or tclause.kind == "main":
        return False
    return doc[first + 1].text in PRONOUNS and not any(first <= m.start <= first + 1 for m in mentions)


def _pronoun_subject(doc: Doc, sent: Span, trigger_i: int) -> bool:
    """'Er stimmte zu, ... zu verlängern': a pronoun opens the sentence or stands next to the trigger."""
    if any(doc[j].text in PRONOUNS for j in range(sent.start, min(sent.end, sent.start + 3))):
        return True
    lo = max(sent.start, trigger_i - 6)
    return any(doc[j].text in PRONOUNS for j in range(lo, min(sent.end, trigger_i + 3)))


def with_affiliations(actors: list[str], targets: list[str] = ()) -> list[str]:
    """Actors followed by the states/organisations they belong to (Rubio -> United States)."""
    out = list(actors)
    for a in actors:
        aff = affiliation(a)
        if aff and aff not in out and aff not in targets:
            out.append(aff)
    return out
