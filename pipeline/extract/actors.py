"""Who acts and who is acted upon: actor mentions in a sentence and their roles.

Mentions come from the vocabulary (`doc.spans["actors"]`), office titles resolved by date
(`doc.spans["titles"]` + facts.yaml: "der ukrainische Präsident" -> Volodymyr Zelensky), and unknown persons found
by pattern (a known first name followed by capitalised words: "Samuel Charap"; later "Charap" alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.extract import vocab

TARGET_PREPS = frozenset({"gegen", "auf", "nach", "für", "an", "gegenüber"})
LOCATIVE_PREPS = frozenset({"in", "im", "nach", "aus", "bei", "beim", "nahe", "vor", "um", "am", "ins", "zu"})
PREPOSITIONS = TARGET_PREPS | LOCATIVE_PREPS | frozenset({"mit", "von", "vom", "über", "zur", "zum", "durch",
                                                         "seitens", "bis", "unter", "zwischen", "trotz"})
PLACE_NOUNS = frozenset(["Region", "Stadt", "Gebiet", "Gebiete", "Gebieten", "Territorium", "Staatsgebiet", "Boden", "Grenze", "Grenzen", "Hauptstadt", "Grenzregion", "Oblast", "Seite", "Provinz", "Halbinsel", "Dorf", "Ort", "Hafenstadt", "Großstadt", "Städte", "Stellungen"])
SPEAKER_NOUNS = frozenset(["Beamter", "Beamte", "Beamten", "Sprecher", "Sprecherin", "Regierung", "Ministerium", "Außenministerium", "Verteidigungsministerium", "Staatsmedien", "Quelle", "Quellen", "Vertreter", "Diplomaten", "Experten", "Militärchef", "Generalstab", "Armee", "Luftwaffe", "Präsidialamt", "Soldaten", "Behörden", "Geheimdienst", "Militär", "Militärexperten", "Analysten"])
_DET = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "seine", "seiner", "ihre", "ihrer", "ihren", "seinen", "dessen", "deren"])
PRONOUNS = frozenset({"er", "sie", "Er", "Sie"})
_RELATIVE = frozenset({"dem", "der", "denen", "den", "welchem", "welcher"})


@dataclass(frozen=True)
class Mention:
    """One actor mention in the text."""

    name: str
    start: int
    """token index"""
    end: int
    char_start: int
    adjectival: bool
    """an adjective or compound prefix ("russische", "US-Beamter"), not a name"""
    kind: str
    """state | person | organisation | group"""


@lru_cache(maxsize=1)
def _actor_index() -> dict[str, dict]:
    return {r["name"]: r for r in vocab.actor_entries()}


def affiliation(name: str) -> str | None:
    row = _actor_index().get(name)
    return row["affiliation"] if row else None


def kind_of(name: str) -> str:
    row = _actor_index().get(name)
    return row["kind"] if row else "person"


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    path = vocab.DATA_DIR / "first_names.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(ln.strip() for ln in fh if ln.strip() and not ln.startswith("#"))


_CAP = re.compile(r"^(?:Mc|Mac|O')?[A-ZÄÖÜ][a-zäöüßéèáíóúçšžćłńő'-]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$")
_NOT_SURNAME = frozenset(["Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Und", "Oder", "Am", "Im", "In", "Auf", "Von", "Zu", "Mit", "Nach", "Bei", "Für", "Aus", "Präsident", "Präsidenten", "Minister", "Ministerin", "Kanzler", "Sprecher", "Senator", "Generalsekretär", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"])


def person_mentions(doc: Doc, known: list[Mention]) -> list[Mention]:
    """Persons not in the vocabulary: a known first name (`doc.spans["first_names"]`) followed by one or two
    capitalised words. `known` (vocabulary mentions) wins where they overlap."""
    taken = {i for m in known for i in range(m.start, m.end)}
    out = []
    n = len(doc)
    for sp in doc.spans.get("first_names", []):
        i = sp.start
        if i in taken or i + 1 >= n:
            continue
        j = i + 1
        while j < n and j - i <= 2 and j not in taken and doc[j].text not in _NOT_SURNAME and _CAP.match(doc[j].text):
            j += 1
        if j > i + 1:
            out.append(Mention(doc[i:j].text, i, j, doc[i].idx, False, "person"))
    return out


def surname_mentions(doc: Doc, text: str, persons: list[Mention], taken: set[int]) -> list[Mention]:
    """Later references to a person by surname only ("sagte Rakhuba")."""
    by_surname = {}
    for p in persons:
        parts = p.name.split()
        if len(parts) >= 2:
            by_surname.setdefault(parts[-1], p)
    if not by_surname:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in by_surname) + r")\b")
    out = []
    for m in pattern.finditer(text):
        sp = doc.char_span(m.start(), m.end())
        if sp is None:
            continue
        p = by_surname[m.group(0)]
        if sp.start not in taken and not (p.start <= sp.start < p.end) and m.start() > p.char_start:
            out.append(Mention(p.name, sp.start, sp.end, m.start(), False, "person"))
    return out


def vocab_mentions(doc: Doc) -> list[Mention]:
    out = []
    for sp in doc.spans.get("actors", []):
        adjectival = sp.text[:1].islower() or (sp.end - sp.start == 1 and "-" in sp.text
                                               and sp.text.split("-")[0] != sp.text)
        out.append(Mention(sp.label_, sp.start, sp.end, sp.start_char, adjectival, kind_of(sp.label_)))
    return out


def title_holder(office_index: int, when: date | None) -> str | None:
    """The holder of office `office_index` (facts.yaml) on `when`; None when unknown."""
    if when is None:
        return None
    for name, start, end in vocab.facts()["offices"][office_index]["holders"]:
        if (start is None or start <= when) and (end is None or when <= end):
            return name
    return None


_NATIONALITY = re.compile(r"^[a-zäöü]+(?:ische|ischen|ischer|sche|schen|scher)$")


def _context_fits(office: dict, text: str, cache: dict) -> bool:
    """The article names the office's country more often than a rival country with the same bare title."""
    key = office["office"]
    if key not in cache:
        def count(words):
            if not words:
                return 0
            return len(re.findall(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", text))
        cache[key] = count(office["context"]) > count(office["rival_context"])
    return cache[key]


def title_mentions(doc: Doc, when: date | None, taken: set[int], text: str | None = None) -> list[Mention]:
    """Office titles resolved to their holder at `when`; a title directly followed by a name is skipped, a title
    that does not name its country ("Kanzler") only resolves when the article is about that country."""
    out = []
    offices = vocab.facts()["offices"]
    fits: dict = {}
    for sp in doc.spans.get("titles", []):
        if sp.end in taken or (sp.end + 1 in taken and doc[sp.end].text[:1].isupper()):
            continue  # "der russische Präsident Wladimir Putin": the name speaks for itself
        office = offices[int(sp.label_)]
        if sp.text in office["bare_titles"]:
            before = doc[sp.start - 1].text if sp.start > 0 else ""
            if (_NATIONALITY.match(before) and before not in office["context"]) or not _context_fits(office, doc.text if text is None else text, fits):
                continue  # "der österreichische Kanzler", "Kanzler" in an article about Austria
        holder = title_holder(int(sp.label_), when)
        if holder:
            out.append(Mention(holder, sp.start, sp.end, sp.start_char, False, "person"))
    return out


def all_mentions(doc: Doc, when: date | None, text: str | None = None) -> list[Mention]:
    """Every actor mention of the document, in text order (`text`: doc.text when the caller has it)."""
    known = vocab_mentions(doc)
    persons = person_mentions(doc, known)
    taken = {i for m in known + persons for i in range(m.start, m.end)}
    surnames = surname_mentions(doc, doc.text if text is None else text, persons, taken)
    names = {i for m in persons + surnames + [k for k in known if k.kind == "person"] for i in range(m.start, m.end)}
    titles = title_mentions(doc, when, names, text)
    # a title overlapping a vocabulary adjective ("der russische Präsident") replaces it
    title_tokens = {i for m in titles for i in range(m.start, m.end)}
    known = [m for m in known if not any(i in title_tokens for i in range(m.start, m.end))]
    return sorted(known + persons + surnames + titles, key=lambda m: m.start)


def preceding_preposition(doc: Doc, m: Mention, sent: Span) -> str | None:
    """The preposition governing mention `m` ("gegen die Ukraine" -> "gegen"), skipping determiners/adjectives."""
    i = m.start - 1
    steps = 0
    while i >= sent.start and steps < 4:
        t = doc[i].text
        low = t.lower()
        if low in PREPOSITIONS:
            if steps == 1 and i - 1 >= sent.start and doc[i - 1].text == "," and doc[i + 1].lower_ in _RELATIVE:
                return None  # ", bei dem Trump ... kritisierte": the preposition governs the relative pronoun
            return low
        if low in _DET or (t[:1].islower() and t.isalpha()) or low.endswith(("en", "e", "er", "es")) and t[:1].islower():
            i -= 1
            steps += 1
            continue
        return None
    return None


def is_place_modifier(doc: Doc, m: Mention) -> bool:
    """'russischen Region Kursk', 'russischen Stadt Sotschi': the adjective locates, it does not act."""
    if not m.adjectival or m.end >= len(doc):
        return False
    nxt = doc[m.end].text
    return nxt in PLACE_NOUNS or (m.end + 1 < len(doc) and doc[m.end + 1].text in PLACE_NOUNS and nxt[:1].islower())


def speaker_noun_near(doc: Doc, sent: Span, trigger_i: int) -> int | None:
    """Index of a speaker noun (Beamter, Sprecher, Staatsmedien...) close to the speech verb, if any."""
    best = None
    for i in range(max(sent.start, trigger_i - 8), min(sent.end, trigger_i + 6)):
        if doc[i].text in SPEAKER_NOUNS and (best is None or abs(i - trigger_i) < abs(best - trigger_i)):
            best = i
    return best
