"""extract_mentions(article) -> list[Event]: the events an article reports, one per (sentence, type).

Combines the annotations of `pipeline.nlp` (sentences, actors, places, triggers, cues) with the extractors of
this package: trigger rules (`triggers`), roles (`roles`), quantities, modality and dating.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract import anaphora, attribution, dating, roles
from pipeline.extract.actors import LOCATIVE_PREPS, Mention, all_mentions, kind_of
from pipeline.extract.clauses import clause_at, clauses, quote_ranges
from pipeline.extract.modality import modality
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.triggers import candidates
from pipeline.extract.vocab import actor_entries, place_entries
from pipeline.model import Article, Event, Source
from pipeline.nlp import token_columns
from pipeline.temporal import Timex, tag

_TERMINAL = re.compile(r"[.!?…\"“”»«')\]]\s*$")
_CONTINUATION = re.compile(r"^(?:Er|Sie|Zwar|Doch|Dabei|Darin|Demnach|Zudem|Außerdem)\b|,\s*so\s+(?:der|die)\s")
EVENT_ORDER = ("statement", "troop_deployment", "aid_package", "attack", "diplomacy", "sanction", "policy_decision",
               "territorial_change")
_PLACE_KIND_RANK = {"facility": 0, "village": 0, "town": 0, "city": 1, "region": 2, "sea": 3, "river": 3,
                    "country": 4}
MAX_HEADLINE_CHARS = 160
_OB = re.compile(r"\s*[Oo]b\s")
_PRONOUN = re.compile(r"\b(?:es|er|sie)\b")
_SPEAKER_NOUN_ONLY = re.compile(r"\b(?:einer|eine|einem)\s+der\s+\w+")
_THREATS = frozenset({"drohte", "droht", "drohten", "Drohung", "Drohungen", "versprach", "versprochen"})


@dataclass
class _Context:
    """What the previous sentences leave for the next: the events, their speakers and dates."""

    prev_events: list[Event] = field(default_factory=list)
    prev_speakers: list[str] = field(default_factory=list)
    last_persons: list[str] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    """Token index of each of the article's mentions (they are fixed per article and sorted by start)."""
    recent_types: list[set[str]] = field(default_factory=list)
    """Event types of the last two sentences (newest last), for nouns that refer back."""
    earlier_triggers: list[tuple[int, str]] = field(default_factory=list)
    """(token, lower-case text) of every trigger word of the document, in text order."""


def extract_mentions(article: Article, nlp: Language | None = None) -> list[Event]:
    """The events `article` reports: one Event per (sentence, event type), each with exactly one Source.

    Text before `article.body_start` and sentences overlapping `article.furniture` yield nothing.
    """
    if nlp is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp()
    text = article.text
    body_start = max(0, min(article.body_start, len(text)))
    if not text[body_start:].strip():
        return []
    doc = nlp(text[body_start:])
    trigger_starts = sorted(sp.start for sp in doc.spans["triggers"])
    # only sentences with a trigger word read dates: tag up to the end of the last one (none without triggers)
    timexes = tag(text, article.published, article.published_precision,
                  until=body_start + doc[trigger_starts[-1]].sent.end_char) if trigger_starts else []
    timexes = dating.with_vague_futures(timexes, article.published)
    pub = dating.publication_date(article.published, article.published_precision,
                                  "inferred" if article.published_basis == "inferred" else "publication")
    mentions = all_mentions(doc, article.published, text[body_start:])
    places = _place_spans(doc)
    ctx = _Context(mention_starts=[m.start for m in mentions])
    events: list[Event] = []
    ti = 0
    furniture = [(s - body_start, e - body_start) for s, e in article.furniture]
    body = text[body_start:]  # == doc.text, without rebuilding it from the tokens
    ctx.earlier_triggers = sorted((sp.start, sp.text.lower()) for sp in doc.spans["triggers"])
    for raw in doc.sents:
        lo = bisect_left(trigger_starts, raw.start)
        if lo == len(trigger_starts) or trigger_starts[lo] >= raw.end:
            if raw.end - raw.start == 1 and doc[raw.start].is_space:
                continue  # a blank line between paragraphs does not break a quote's continuation
            _update_context(ctx, doc, raw, [], mentions)
            continue  # no trigger word: no event, skip the sentence's analysis
        span = _trimmed(doc, body, raw, furniture)
        if span is None:
            continue
        a = span.start_char
        abs_a, abs_b = a + body_start, span.end_char + body_start
        while ti < len(timexes) and timexes[ti].end <= abs_a:
            ti += 1
        sent_text = text[abs_a:abs_b]
        if sent_text.endswith("?") or (len(sent_text) <= MAX_HEADLINE_CHARS and not _TERMINAL.search(sent_text)):
            continue  # a question, headline or caption: it asks or repeats, it does not report
        sent_timexes = [t for t in timexes[ti:] if abs_a <= t.start < abs_b]
        found = _sentence_events(article, doc, span, sent_text, body_start, sent_timexes, pub, mentions, places,
                                 ctx, events)
        events.extend(found)
        _update_context(ctx, doc, span, found, mentions)
    return events


def _trimmed(doc: Doc, body: str, sent: Span, furniture: list[tuple[int, int]]) -> Span | None:
    """The sentence without surrounding whitespace and without page furniture glued to its start or end
    ("Berlin taz | Das russische Militär ..."); None when nothing reportable is left."""
    a, b = _strip(body, sent.start_char, sent.end_char)
    for s, e in furniture:
        if s < b and a < e:
            if s <= a:
                a = e
            elif e >= b:
                b = s
            else:
                return None
            a, b = _strip(body, a, b)
    if b - a < 12:
        return None
    if a == sent.start_char and b == sent.end_char:
        return sent
    return doc.char_span(a, b, alignment_mode="contract")


def _sentence_events(article: Article, doc: Doc, sent: Span, sent_text: str, body_start: int,
                     timexes: list[Timex], pub: dating.DateChoice, mentions: list[Mention],
                     places: list[tuple[int, int, str, str]], ctx: _Context, done: list[Event]) -> list[Event]:
    a = sent.start_char
    quotes = quote_ranges(sent_text)
    cls = clauses(sent_text)
    qty = extract_quantities(sent_text)
    focus = _focus(ctx)
    starts = ctx.mention_starts
    sent_mentions = mentions[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
    sent_mentions = sent_mentions + _institution_mentions(doc, sent, sent_mentions, focus, ctx)
    sent_mentions.sort(key=lambda m: m.start)
    usable = roles.usable(doc, sent, sent_mentions, quotes)
    recent = set().union(*ctx.recent_types) if ctx.recent_types else set()
    context = frozenset({"MEETING"} if "diplomacy" in recent else ())
    cands = candidates(doc, sent, a, cls, qty, quotes, bool(usable), context)
    casualties = any(k in qty for k in ("killed", "wounded", "killed_or_wounded"))
    cands = [c for c in cands if not c.self_standing or not anaphora.refers_back(doc, sent, c.token, c.type, recent, ctx.earlier_triggers,
                                                          casualties)]
    if not cands:
        return []
    rel = lambda i: doc[i].idx - a  # noqa: E731 - offset of token i in the sentence text
    statement = next((c for c in cands if c.type == "statement"), None)
    speaker_names: list[str] = []
    speech_clause = None
    acting = [m for m in usable if not attribution.is_source(doc, sent, m)]
    if statement is not None:
        first = _token_at(doc, a + clause_at(cls, rel(statement.token)).start)
        speakable = [m for m in usable if attribution.may_speak(doc, sent, m, statement.token, first)]
        speaker_names = roles.speakers(doc, sent, statement.token, speakable, cls, focus)
        if not speaker_names and ctx.prev_speakers and (
                _CONTINUATION.search(sent_text) or _speaker_noun_only(sent_text)):
            speaker_names = ctx.prev_speakers[:1]
        speech_clause = clause_at(cls, rel(statement.token))
    out = []
    acted: list[tuple[int, list[str]]] = []
    for cand in sorted(cands, key=lambda c: (c.type == "statement", c.token)):
        if cand.type == "statement":
            if not speaker_names:
                continue
            if any(t < cand.token and acts and acts[0] == speaker_names[0] for t, acts in acted):
                continue  # "Trump verhängte Sanktionen ..., beschuldigte ...": an action report, not a statement
            if anaphora.restates(doc, sent, cand.token) and any(
                    e.type == "statement" and e.actors[:1] == tuple(speaker_names[:1]) for e in done):
                continue  # "Lawrow sagte dies am Tag ...": his statement reported before, not a new one
        trig = rel(cand.token)
        tclause = clause_at(cls, trig)
        if cand.type != "statement" and _OB.match(sent_text, tclause.start):
            continue  # "ließ offen, ob Deutschland Taurus liefern werde": a question, not a report
        embedded = statement is not None and cand.type != "statement" and tclause != speech_clause and not any(
            m.name in speaker_names and m.start < cand.token and clause_at(cls, rel(m.start)) == tclause
            for m in sent_mentions)  # "Trump verhängte ..., beschuldigte ...": the speaker acts himself
        if cand.type == "statement":
            actors = roles.with_affiliations(speaker_names)
            targets: list[str] = []
        else:
            # "Scholz kritisierte die russischen Angriffe", "Der Beschuss löste Kritik von Macron aus": the
            # speaker talks about the event; a threat ("drohte mit einem Angriff") is the speaker's own plan
            spoken_of = (statement is not None and tclause == speech_clause and cand.trigger[:1].isupper()
                         and statement.trigger not in _THREATS
                         and (statement.token < cand.token or statement.trigger[:1].isupper()))
            reporter = set(speaker_names) if embedded or spoken_of else set()
            actors, targets = roles.actors_and_targets(doc, sent, cand.token, cand.type, acting, reporter, focus,
                                                       cls)
            if embedded and (tclause.kind == "complement" or _indirect(sent_text, tclause, trig)) and \
                    _pronoun_in(sent_text, tclause, trig):
                actors = roles.with_affiliations(speaker_names + [x for x in actors if x not in speaker_names],
                                                 targets)
            acted.append((cand.token, actors))
        passive = cand.type != "statement" and roles.is_passive(doc, sent, cand.token, cls)
        mod = modality(cand.type, sent_text, tclause, embedded, passive)
        if cand.type == "diplomacy" and "diplomacy" in recent and (passive or not actors):
            # "Angesprochen wurden auch ...", "Eine Idee, die diskutiert wurde, ...": what the meeting just
            # reported discussed; its participants are the acting side
            earlier = next((e for e in reversed(done) if e.type == "diplomacy"), None)
            if earlier is not None and earlier.actors:
                actors = list(earlier.actors) + [x for x in actors if x not in earlier.actors]
                targets = [t for t in targets if t not in actors]
        if mod == "denied" and cand.type in recent and anaphora.definite(doc, sent, cand.token):
            # "Die Ukraine bestreitet den Gebietsgewinn": the denied event is the one just reported (Russia's
            # gain); the denier is its speaker, not its actor
            earlier = next((e for e in reversed(done) if e.type == cand.type), None)
            if earlier is not None:
                actors, targets = list(earlier.actors), list(earlier.targets)
        location = _location(doc, sent, places, cand.token)
        if cand.type == "attack" and not actors and "attack" in recent and anaphora.definite(doc, sent, cand.token):
            # "Bei dem Angriff wurden drei Menschen getötet": the attack just reported, its sides and place
            earlier = next((e for e in reversed(done) if e.type == "attack"), None)
            if earlier is not None:
                actors, targets = list(earlier.actors), targets or list(earlier.targets)
                location = location or earlier.location
        if cand.type == "attack" and not targets and location:
            # "griff Odessa an", "Die Rakete traf ein Wohnhaus in Charkiw": the country of the place is hit
            country = _country_of(location)
            if country and country not in actors:
                targets = [country]
        choice = _date_for(article, sent_text, a + body_start, cls, quotes, timexes, trig, cand.type,
                           speech_clause if cand.type == "statement" or embedded else None, actors, pub, ctx,
                           done + out, sent_mentions, speaker_names)
        if choice is pub and mod in ("asserted", "claimed"):
            choice = dating.former_term(cand.type, actors[:1], article.published) or choice
        if mod == "asserted" and cand.type != "statement" and choice.basis == "text" and choice.start is not None \
                and article.published is not None and choice.start > article.published:
            mod = "planned"  # "kündigte für Mitte 2016 die Stationierung an": an act dated after the article is ahead
        quantity = _quantity_for(cand.type, qty, {c.type for c in cands})
        confidence = round(min(0.95, cand.confidence + (0.05 if actors else -0.15)
                               + (0.05 if choice.basis == "text" else 0.0)), 2)
        abs_a, abs_b = a + body_start, a + body_start + len(sent_text)
        source = Source(article_id=article.article_id, doc=article.doc, sentence=sent_text, char_start=abs_a,
                        char_end=abs_b, published=article.published, quantity=dict(quantity))
        key = f"{article.content_hash}|{abs_a}|{abs_b}|{cand.type}|{trig + abs_a}"
        out.append(Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], type=cand.type,
            date_start=choice.start, date_end=choice.end, precision=choice.precision, date_basis=choice.basis,
            date_text=choice.text, actors=tuple(actors), targets=tuple(targets), location=location,
            quantity=dict(quantity), modality=mod, confidence=max(0.05, confidence), sources=(source,),
            trigger=cand.trigger, date_value=choice.value))
    return sorted(out, key=lambda e: EVENT_ORDER.index(e.type))


INSTITUTIONS = frozenset({"Verteidigungsministerium", "Außenministerium", "Regierung", "Ministerium",
                          "Administration", "Militärführung", "Generalstab"})


def _institution_mentions(doc: Doc, sent: Span, found: list[Mention], focus: list[str],
                          ctx: _Context) -> list[Mention]:
    """'das Verteidigungsministerium' without a nationality: the state of the actor the text is about."""
    state = None
    for ev in ctx.prev_events:
        for name in ev.actors:
            if kind_of(name) == "state":
                state = name
                break
        if state:
            break
    if state is None:
        return []
    taken = {i for m in found for i in range(m.start - 1, m.end)}
    out = []
    texts, _, idxs = token_columns(doc)
    for i in range(sent.start + 1, sent.end):
        if texts[i] in INSTITUTIONS and i not in taken and texts[i - 1].lower() in ("das", "die", "dem", "der"):
            out.append(Mention(state, i, i + 1, idxs[i], True, "state"))
    return out


_SUBJUNCTIVE = re.compile(r"\b(?:habe|sei|seien|werde|hätten|wären|würden)\b")


def _indirect(sent_text: str, clause, trig: int) -> bool:
    """'erklärte, es habe ... getroffen': reported speech without 'dass', a subjunctive in the trigger's clause."""
    return clause.kind == "main" and bool(_SUBJUNCTIVE.search(sent_text[clause.start:trig]))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    return {p["name"]: p["country"] for p in place_entries() if p.get("country")}


@lru_cache(maxsize=1)
def _place_kinds() -> dict[str, str]:
    return {p["name"]: p["kind"] for p in place_entries()}


def _country_of(place: str) -> str | None:
    """The actor name of the state a place of `places.csv` lies in (None when it is no actor)."""
    country = _countries().get(place)
    return country if country and kind_of(country) == "state" else None


def _token_at(doc: Doc, char: int) -> int:
    """Index of the token that starts at or after character `char` of the doc."""
    return min(bisect_left(token_columns(doc)[2], char), len(doc) - 1)


def _pronoun_in(sent_text: str, clause, trig: int) -> bool:
    return bool(_PRONOUN.search(sent_text[clause.start:trig]))


def _speaker_noun_only(sent_text: str) -> bool:
    return bool(_SPEAKER_NOUN_ONLY.search(sent_text))


def _date_for(article, sent_text, abs_a, cls, quotes, timexes, trig, event_type, speech_clause,
              actors, pub, ctx: _Context, done: list[Event], sent_mentions, speaker_names) -> dating.DateChoice:
    tx = dating.governing_timex(sent_text, abs_a, cls, quotes, timexes, trig, event_type, speech_clause)
    person = next((x for x in actors if kind_of(x) == "person"), None)

    def ref_date() -> date | None:
        # "X erfolgten einen Tag, nachdem ...": the latest dated event of an actor named before the phrase
        names = {m.name for m in sent_mentions}
        for ev in reversed(done + ctx.prev_events):
            if ev.date_basis in ("text", "inferred") and ev.date_start and ev.date_start == ev.date_end and \
                    names & set(ev.actors):
                return ev.date_start
        return None

    wk = dating.world_knowledge(sent_text, cls, trig, person, article.text, article.published, ref_date)
    if wk is not None and (tx is None or wk.text and "nachdem" in wk.text):
        return wk
    if tx is not None:
        return dating.from_timex(tx, article.text, article.published)
    # a sentence continuing the previous one's event takes its date
    if ctx.prev_events and _past_follow_up(sent_text, ctx.prev_events):
        prev = next(e for e in ctx.prev_events if e.date_basis == "text" and e.date_end)
        return dating.DateChoice(prev.date_start, prev.date_end, prev.precision, "inferred", prev.date_text,
                                 prev.date_value)
    if ctx.prev_events and (_CONTINUATION.search(sent_text) or (speaker_names and speaker_names[0] in ctx.prev_speakers)):
        same = [e for e in ctx.prev_events if e.type == event_type] or \
               [e for e in ctx.prev_events if e.type == "statement"] or ctx.prev_events
        prev = same[0]
        if prev.date_basis in ("text", "inferred"):
            return dating.DateChoice(prev.date_start, prev.date_end, prev.precision, "inferred", prev.date_text,
                                     prev.date_value)
    return pub


_QUANTITY_OWNERS = {"troops": ("troop_deployment", "territorial_change"), "amount": ("aid_package",),
                    "currency": ("aid_package",), "killed": ("attack", "territorial_change"),
                    "wounded": ("attack", "territorial_change"), "killed_or_wounded": ("attack", "territorial_change")}
"""Which event of a sentence a figure belongs to, in order of preference: casualties to the attack (to the
territorial change only when the sentence reports no attack), troops to the deployment, money to the aid."""


_DEFINITE_NOUN = re.compile(r"\b(?:[Dd]er|[Dd]ie|[Dd]as|den|dem|des)\s+(?:[a-zäöü]\w*\s+)?([A-ZÄÖÜ]\w{4,})")
_PAST = re.compile(r"\b(?:sagte|sagten|erklärte|erklärten|teilte|teilten|meldete|meldeten|hatte|hatten|hätte|"
                   r"hätten|war|waren|wurde|wurden|bestätigte|bestätigten|berichtete|berichteten)\b")


def _past_follow_up(sent_text: str, prev_events: list[Event]) -> bool:
    """'Letzten Monat ermächtigte Biden die Ukraine, Langstreckenraketen einzusetzen. Das Ministerium sagte, die
    ukrainischen Streitkräfte hätten die Raketen bereits eingesetzt.': a past-tense sentence without a time of
    its own that takes up, with a definite article, a noun of the previous sentence whose event the text dates
    to a past period; it tells what happened then, not on the publication day."""
    dated = [e for e in prev_events if e.date_basis == "text" and e.date_end]
    if not dated or not _PAST.search(sent_text):
        return False
    if dated[0].date_end >= (dated[0].sources[0].published or dated[0].date_end):
        return False  # the previous period reaches the publication: nothing to carry back
    prev = dated[0].sources[0].sentence.lower()
    names = _name_words()
    return any(m.group(1).lower() in prev and m.group(1).lower() not in names
               for m in _DEFINITE_NOUN.finditer(sent_text))


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Actor and place names (lower case): 'die Ukraine' in two sentences is no shared topic."""
    rows = list(actor_entries()) + list(place_entries())
    return frozenset(a.lower() for row in rows for a in [row["name"], *row["aliases"]])


def _quantity_for(event_type: str, qty: dict, types: set[str]) -> dict:
    out = {}
    for key, value in qty.items():
        owner = next((t for t in _QUANTITY_OWNERS.get(key, ()) if t in types), None)
        if owner == event_type:
            out[key] = value
    return out


def _focus(ctx: _Context) -> list[str]:
    """Who 'er'/'sie' most likely refers to: the acting side of the previous events, then the last persons."""
    out: list[str] = []
    for ev in ctx.prev_events:
        for name in ev.actors[:1]:
            if kind_of(name) == "person" and name not in out:
                out.append(name)
    for name in ctx.last_persons:
        if name not in out:
            out.append(name)
    return out


def _update_context(ctx: _Context, doc: Doc, sent: Span, found: list[Event], mentions: list[Mention]) -> None:
    ctx.recent_types = ctx.recent_types[-1:] + [{e.type for e in found}]
    if found:
        ctx.prev_events = found
        ctx.prev_speakers = [e.actors[0] for e in found if e.type == "statement" and e.actors]
    else:
        ctx.prev_events = []
        ctx.prev_speakers = []
    starts = ctx.mention_starts
    in_sent = mentions[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
    persons = [m.name for m in in_sent if m.kind == "person"
               and not (m.start > sent.start and doc[m.start - 1].lower_ in ("mit", "von", "gegen", "für"))]
    if persons:
        ctx.last_persons = list(dict.fromkeys(persons))


def _place_spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    kinds = _place_kinds()
    actor_tokens = {}
    for sp in doc.spans.get("actors", []):
        for i in range(sp.start, sp.end):
            actor_tokens[i] = sp
    out = []
    for sp in doc.spans.get("places", []):
        act = actor_tokens.get(sp.start)
        if act is not None and (act.end - act.start) > (sp.end - sp.start):
            continue  # "New York" inside "New York Times"
        metonym = act is not None
        out.append((sp.start, sp.end, sp.label_, kinds.get(sp.label_, "place") + ("|metonym" if metonym else "")))
    return out


def _location(doc: Doc, sent: Span, places, trigger_i: int) -> str | None:
    best, best_key = None, None
    for start, _end, name, kind in places:
        if not (sent.start <= start < sent.end):
            continue
        base_kind, _, metonym = kind.partition("|")
        prev = [doc[j].lower_ for j in range(max(sent.start, start - 3), start)]
        locative = any(p in LOCATIVE_PREPS or (p == "auf" and base_kind != "country") for p in prev)
        if metonym and not locative:
            continue  # "Moskau setzt ... ein": the actor, not the place
        key = (_PLACE_KIND_RANK.get(base_kind, 2), abs(start - trigger_i))
        if best_key is None or key < best_key:
            best, best_key = name, key
    return best


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["extract_mentions"]
