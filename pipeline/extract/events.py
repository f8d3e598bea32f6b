"""extract_mentions(article) -> list[Event]: the events an article reports, one per (sentence, type).

Combines the annotations of `pipeline.nlp` (sentences, actors, places, triggers, cues) with the extractors of
this package: trigger rules (`triggers`), roles (`roles`), quantities, modality and dating.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract import dating, roles
from pipeline.extract.actors import LOCATIVE_PREPS, Mention, all_mentions, kind_of
from pipeline.extract.clauses import clause_at, clauses, in_ranges, quote_ranges
from pipeline.extract.modality import modality
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.triggers import candidates
from pipeline.extract.vocab import place_entries
from pipeline.model import Article, Event, Source
from pipeline.temporal import Timex, tag

_TERMINAL = re.compile(r"[.!?…\"“”»«')\]]\s*$")
_CONTINUATION = re.compile(r"^(?:Er|Sie|Zwar|Doch|Dies|Das|Dabei|Darin|Demnach|Zudem|Außerdem)\b|,\s*so\s+(?:der|die)\s")
_PLACE_KIND_RANK = {"facility": 0, "village": 0, "town": 0, "city": 1, "region": 2, "sea": 3, "river": 3,
                    "country": 4}
MAX_HEADLINE_CHARS = 160


@dataclass
class _Context:
    """What the previous sentences leave for the next: the events, their speakers and dates."""

    prev_events: list[Event] = field(default_factory=list)
    prev_speakers: list[str] = field(default_factory=list)
    last_persons: list[str] = field(default_factory=list)
    dated: list[Event] = field(default_factory=list)


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
    timexes = tag(text, article.published, article.published_precision)
    pub = dating.publication_date(article.published, article.published_precision)
    mentions = all_mentions(doc, article.published)
    places = _place_spans(doc)
    ctx = _Context()
    events: list[Event] = []
    ti = 0
    for sent in doc.sents:
        a, b = _strip(doc.text, sent.start_char, sent.end_char)
        if a >= b:
            continue
        abs_a, abs_b = a + body_start, b + body_start
        while ti < len(timexes) and timexes[ti].end <= abs_a:
            ti += 1
        if any(s < abs_b and abs_a < e for s, e in article.furniture):
            continue
        sent_text = text[abs_a:abs_b]
        if len(sent_text) <= MAX_HEADLINE_CHARS and not _TERMINAL.search(sent_text):
            continue  # a headline or caption: it repeats the body, it does not report
        sent_timexes = [t for t in timexes[ti:] if t.start < abs_b and t.start >= abs_a]
        found = _sentence_events(article, doc, sent, a, sent_text, body_start, sent_timexes, pub, mentions,
                                 places, ctx, events)
        events.extend(found)
        _update_context(ctx, doc, sent, found, mentions)
    return events


def _sentence_events(article: Article, doc: Doc, sent: Span, a: int, sent_text: str, body_start: int,
                     timexes: list[Timex], pub: dating.DateChoice, mentions: list[Mention],
                     places: list[tuple[int, int, str, str]], ctx: _Context, done: list[Event]) -> list[Event]:
    quotes = [(s + (a - sent.start_char), e + (a - sent.start_char)) for s, e in quote_ranges(sent_text)]
    quotes = [(s - (a - sent.start_char), e - (a - sent.start_char)) for s, e in quotes]
    # offsets below are relative to the stripped sentence start `a`; sent.start_char may differ by whitespace
    shift = a - sent.start_char
    cls = clauses(sent_text)
    qty = extract_quantities(sent_text)
    sent_mentions = [m for m in mentions if sent.start <= m.start < sent.end]
    usable = roles.usable(doc, sent, sent_mentions, [(s + shift, e + shift) for s, e in quotes], cls)
    focus = _focus(ctx)
    cands = candidates(doc, sent, qty, [(s + shift, e + shift) for s, e in quotes], bool(usable), True)
    if not cands:
        return []
    rel = lambda i: doc[i].idx - a  # noqa: E731 - offset of token i in the sentence text
    statement = next((c for c in cands if c.type == "statement"), None)
    speaker_names: list[str] = []
    speech_clause = None
    if statement is not None:
        speaker_names = roles.speakers(doc, sent, statement.token, usable, _shifted(cls, shift), focus)
        continuation = bool(_CONTINUATION.search(sent_text)) or not speaker_names
        if not speaker_names and (ctx.prev_speakers and (continuation or _speaker_noun_only(sent_text))):
            speaker_names = ctx.prev_speakers[:1]
        speech_clause = clause_at(cls, rel(statement.token))
    out = []
    for cand in cands:
        if cand.type == "statement" and not speaker_names:
            continue
        trig = rel(cand.token)
        tclause = clause_at(cls, trig)
        embedded = statement is not None and cand.type != "statement" and (
            tclause.kind in ("complement",) or tclause != speech_clause)
        if cand.type == "statement":
            actors = roles.with_affiliations(speaker_names)
            targets: list[str] = []
        else:
            actors, targets = roles.actors_and_targets(doc, sent, cand.token, cand.type, usable,
                                                       set(speaker_names) if statement else set(), focus,
                                                       _shifted(cls, shift))
        choice = _date_for(article, doc, sent_text, a, body_start, cls, quotes, timexes, trig, cand.type,
                           speech_clause if cand.type == "statement" or embedded else None, actors, pub, ctx,
                           done, sent_mentions, speaker_names)
        mod = modality(cand.type, sent_text, tclause, embedded)
        location = _location(doc, sent, places, cand.token)
        quantity = _quantity_for(cand.type, qty)
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
    return out


def _shifted(cls, shift):
    """Clauses with offsets relative to the spaCy sentence start (what `roles` measures from)."""
    if not shift:
        return cls
    return [type(c)(c.start + shift, c.end + shift, c.kind) for c in cls]


def _speaker_noun_only(sent_text: str) -> bool:
    return bool(re.search(r"\b(?:einer|eine|einem)\s+der\s+\w+", sent_text))


def _date_for(article, doc, sent_text, a, body_start, cls, quotes, timexes, trig, event_type, speech_clause,
              actors, pub, ctx: _Context, done: list[Event], sent_mentions, speaker_names) -> dating.DateChoice:
    tx = dating.governing_timex(sent_text, a + body_start, cls, quotes, timexes, trig, event_type, speech_clause)
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
        return dating.from_timex(tx)
    # a sentence continuing the previous one's event takes its date
    if ctx.prev_events and (_CONTINUATION.search(sent_text) or (speaker_names and speaker_names[0] in ctx.prev_speakers)):
        same = [e for e in ctx.prev_events if e.type == event_type] or \
               [e for e in ctx.prev_events if e.type == "statement"] or ctx.prev_events
        prev = same[0]
        if prev.date_basis in ("text", "inferred"):
            return dating.DateChoice(prev.date_start, prev.date_end, prev.precision, "inferred", prev.date_text,
                                     prev.date_value)
    return pub


def _quantity_for(event_type: str, qty: dict) -> dict:
    keys = {"troop_deployment": ("troops",), "aid_package": ("amount", "currency"),
            "attack": ("killed", "wounded", "killed_or_wounded"),
            "territorial_change": ("killed", "wounded", "killed_or_wounded", "troops")}.get(event_type, ())
    return {k: qty[k] for k in keys if k in qty}


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
    if found:
        ctx.prev_events = found
        ctx.prev_speakers = [e.actors[0] for e in found if e.type == "statement" and e.actors]
    else:
        ctx.prev_events = []
        ctx.prev_speakers = []
    persons = [m.name for m in mentions if sent.start <= m.start < sent.end and m.kind == "person"
               and not (m.start > sent.start and doc[m.start - 1].lower_ in ("mit", "von", "gegen", "für"))]
    if persons:
        ctx.last_persons = list(dict.fromkeys(persons))


def _place_spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    kinds = {p["name"]: p["kind"] for p in place_entries()}
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
        locative = any(p in LOCATIVE_PREPS for p in prev)
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


__all__ = ["extract_mentions", "in_ranges"]
