"""Which date an event gets: the governing temporal expression, world knowledge, or the publication date.

Per event, the temporal expressions (from `pipeline.temporal.tag`) of its sentence are ranked: same clause as
the trigger first, then other main clauses; expressions inside relative clauses about something else, deadlines
("bis 2026"), attributive "seit" phrases and quotes the trigger is not in are ignored. A statement takes the time of
its speech verb, not of what was said; an event reported in a complement clause without a time of its own takes
the time of the report. Phrases that need world knowledge ("am Tag nach der Wahl", "während seiner ersten
Amtszeit", "während seines Wahlkampfs", "einen Tag, nachdem ...") resolve through `facts.yaml`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pipeline.extract import vocab
from pipeline.extract.clauses import Clause, clause_at, in_ranges
from pipeline.temporal import Timex

EMBEDDED = frozenset({"complement", "purpose", "conditional", "relative"})


@dataclass(frozen=True)
class DateChoice:
    start: date | None
    end: date | None
    precision: str
    basis: str
    text: str | None = None
    value: str | None = None


def publication_date(published: date | None, precision: str, basis: str = "publication") -> DateChoice:
    """The article's own date as an interval: a month-precise publication gives the whole month.

    `basis` is "inferred" when the article's date was itself inferred from its text (no date came with it).
    """
    if published is None or precision == "unknown":
        return DateChoice(None, None, "unknown", "publication")
    if precision == "month":
        last = calendar.monthrange(published.year, published.month)[1]
        return DateChoice(published.replace(day=1), published.replace(day=last), "month", basis)
    if precision == "year":
        return DateChoice(date(published.year, 1, 1), date(published.year, 12, 31), "year", basis)
    return DateChoice(published, published, "day", basis)


_ATTRIBUTIVE = re.compile(r"^\s*(?:(?:nicht|mehr|so|noch|nie)\s+)*[a-zäöü]\w*(?:enen|ten|nden|enem|ener)\s+[A-ZÄÖÜ]")
_DEADLINE = re.compile(r"\b(?:bis|spätestens|bis zum|bis Ende)\s*$", re.IGNORECASE)
_SEIT = re.compile(r"\bseit\s*(?:dem|der|den)?\s*$", re.IGNORECASE)
_AFTER_BEFORE = re.compile(r"\s*(?:nachdem|bevor|ehe)\b", re.IGNORECASE)
_VAGUE_FUTURE = re.compile(r"\b(?:kommenden|nächsten|folgenden)\s+(?P<unit>Tage|Tagen|Wochen)\b")
OFFICIAL_ACTS = frozenset({"sanction", "policy_decision", "aid_package", "troop_deployment"})
"""Acts only an office holder performs: a former holder did them in office."""


def with_vague_futures(timexes: Sequence[Timex], published: date | None) -> list[Timex]:
    """'in den kommenden Tagen' (FUTURE_REF without dates) as the week from publication; 'Wochen' as four weeks."""
    out = []
    for tx in timexes:
        m = _VAGUE_FUTURE.search(tx.text) if tx.date_start is None and published is not None else None
        if m is not None:
            days = 6 if m.group("unit").startswith("Tag") else 27
            tx = replace(tx, date_start=published, date_end=published + timedelta(days=days),
                         precision="week" if days == 6 else "month")
        out.append(tx)
    return out


def former_term(event_type: str, actors: Sequence[str], published: date | None) -> DateChoice | None:
    """'Trump verhängte Sanktionen' in a December 2024 article: an official act of a person out of office at
    publication happened in his last term before it (facts.yaml); None otherwise."""
    if event_type not in OFFICIAL_ACTS or not actors or published is None:
        return None
    terms = vocab.facts()["terms"].get(actors[0], ())
    if not terms or any(s <= published and (e is None or published <= e) for s, e in terms):
        return None
    before = [(s, e) for s, e in terms if e is not None and e < published]
    if not before:
        return None
    start, end = before[-1]
    return _period_choice(None, start, end, published)  # no phrase in the text: date_text stays empty


def governing_timex(sent_text: str, sent_start: int, cls: list[Clause], quotes: list[tuple[int, int]],
                    timexes: Sequence[Timex], trigger: int, event_type: str,
                    speech_clause: Clause | None) -> Timex | None:
    """The temporal expression that dates the event triggered at sentence offset `trigger`, or None."""
    tclause = clause_at(cls, trigger)
    trigger_quoted = in_ranges(trigger, quotes)
    best, best_score = None, None
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.date_start is None:
            continue
        off = tx.start - sent_start
        before = sent_text[:off]
        if in_ranges(off, quotes) and not trigger_quoted:
            continue
        if _DEADLINE.search(before[-14:]):
            continue
        seit = bool(_SEIT.search(before[-10:]))
        if seit and _ATTRIBUTIVE.match(sent_text[tx.end - sent_start:]):
            continue
        xclause = clause_at(cls, off)
        same = xclause == tclause
        if not same and xclause.kind == "temporal" and _AFTER_BEFORE.match(sent_text[xclause.start:]):
            continue  # "..., nachdem er im Juni ... unterzeichnet hatte": dates the treaty, not the main clause
        occasion = (event_type == "statement" and tclause.kind == "relative" and xclause.end <= tclause.start
                    and cls.index(xclause) == cls.index(tclause) - 1)  # "ein Eklat im Februar, bei dem X kritisierte"
        if event_type == "statement" and not same and not occasion:
            continue  # a statement is dated by its own clause ("sagte am Donnerstag"), not by what was said
        if not same and not occasion:
            if xclause.kind in EMBEDDED:
                continue
            if event_type == "statement" and speech_clause is not None and xclause.kind != "main":
                continue
        if event_type == "statement" and xclause.kind in EMBEDDED and xclause != speech_clause and not occasion:
            continue
        score = abs(off - trigger) + (0 if same else 500) + (300 if seit else 0)
        if best_score is None or score < best_score:
            best, best_score = tx, score
    return best


_SEIT_BEFORE = re.compile(r"\b(?:seit|Seit)\s+(?:(?:dem|der|den)\s+)?$")


def from_timex(tx: Timex, text: str = "", published: date | None = None) -> DateChoice:
    """The event's date from its governing expression. "seit dem vergangenen Monat" (since X) is an interval
    from the start of X to the article's date: the state it reports began then and holds at publication."""
    m = _SEIT_BEFORE.search(text, max(0, tx.start - 12), tx.start)
    if m and published is not None and tx.date_start is not None and tx.date_start <= published:
        return DateChoice(tx.date_start, published,
                          tx.precision or "unknown", "text", text[m.start():tx.end], tx.value)
    return DateChoice(tx.date_start, tx.date_end, tx.precision or "unknown", "text", tx.text, tx.value)


# --- world knowledge -----------------------------------------------------------------------------------------

_DAY_AFTER_ELECTION = re.compile(r"\b(?:am\s+)?Tag\s+(?P<rel>nach|vor)\s+der\s+(?:\w+-)?(?:Präsidentschafts)?[Ww]ahl\b")
_TERM = re.compile(r"\b(?:[Ww]ährend|[Ii]n)\s+(?:seiner|ihrer)\s+(?:(?P<ord>ersten|zweiten|dritten|vierten)\s+)?"
                   r"Amtszeit\b")
_CAMPAIGN = re.compile(r"\b(?:[Ww]ährend|[Ii]n)\s+(?:seines|ihres)\s+(?:\w+-)?Wahlkampf(?:e?s)?\b|"
                       r"\b(?:[Ww]ährend|[Ii]n)\s+(?:seiner|ihrer)\s+(?:\w+-)?Wahlkampagne\b")
_INAUGURATION = re.compile(r"\b(?:[Bb]ei|[Nn]ach)\s+(?:der|seiner|ihrer)\s+Amtseinführung\b|\b[Bb]ei\s+(?:seinem|ihrem)\s+"
                           r"Amtsantritt\b")
_RELATIVE_DAYS = re.compile(r"\b(?P<n>einen|einem|zwei|drei|vier|fünf|sechs|sieben|\d+)\s+Tag(?:e|en)?\s*,?\s*"
                            r"(?P<rel>nachdem|bevor)\b")
_ORD = {"ersten": 0, "zweiten": 1, "dritten": 2, "vierten": 3}
_NUM = {"einen": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7}


def _period_choice(text: str | None, start: date, end: date | None, published: date | None) -> DateChoice:
    end = end or published or start
    precision = "day" if start == end else ("multi_year" if (end - start).days > 366 else "month"
                                            if (end - start).days <= 31 else "year")
    return DateChoice(start, end, precision, "inferred", text, None)


def world_knowledge(sent_text: str, cls: list[Clause], trigger: int, person: str | None, article_text: str,
                    published: date | None, ref_date: Callable[[], date | None]) -> DateChoice | None:
    """A date from a phrase that needs facts.yaml, when one governs the trigger's clause; else None.

    `person` is the person the phrase's possessive refers to (the event's acting person); `ref_date` gives the
    date of the event a "einen Tag, nachdem" phrase counts from (the main clause's earlier-reported event).
    """
    facts = vocab.facts()
    tclause = clause_at(cls, trigger)

    def governs(m: re.Match) -> bool:
        c = clause_at(cls, m.start())
        return c == tclause or c.kind not in EMBEDDED

    m = _RELATIVE_DAYS.search(sent_text)
    if m:
        sub = clause_at(cls, m.end() + 1)
        base = ref_date()
        if base is not None:
            n = int(m.group("n")) if m.group("n").isdigit() else _NUM[m.group("n")]
            trigger_in_sub = trigger >= m.end()
            if trigger_in_sub and sub.kind == "temporal" or trigger >= m.end():
                delta = -n if m.group("rel") == "nachdem" else n
                d = base + timedelta(days=delta)
                return DateChoice(d, d, "day", "inferred", m.group(0), d.isoformat())
    m = _DAY_AFTER_ELECTION.search(sent_text)
    if m and governs(m):
        election = _election(article_text, published)
        if election is not None:
            d = election + timedelta(days=1 if m.group("rel") == "nach" else -1)
            return DateChoice(d, d, "day", "inferred", m.group(0), d.isoformat())
    if person:
        m = _TERM.search(sent_text)
        if m and governs(m):
            terms = facts["terms"].get(person, ())
            term = _pick(terms, _ORD.get(m.group("ord") or ""), published)
            if term:
                return _period_choice(m.group(0), term[0], term[1], published)
        m = _CAMPAIGN.search(sent_text)
        if m and governs(m):
            term = _pick(facts["campaigns"].get(person, ()), None, published)
            if term:
                return _period_choice(m.group(0), term[0], term[1], published)
        m = _INAUGURATION.search(sent_text)
        if m and governs(m):
            term = _pick(facts["terms"].get(person, ()), None, published, upcoming=True)
            if term:
                return DateChoice(term[0], term[0], "day", "inferred", m.group(0), term[0].isoformat())
    return None


def _pick(periods, ordinal: int | None, published: date | None, upcoming: bool = False):
    """The period with this ordinal; else the one around `published`, else the last one before it."""
    if not periods:
        return None
    if ordinal is not None:
        return periods[ordinal] if ordinal < len(periods) else None
    if published is None:
        return periods[-1]
    if upcoming:
        later = [p for p in periods if p[0] >= published]
        if later:
            return later[0]
    for p in periods:
        if p[0] <= published and (p[1] is None or published <= p[1]):
            return p
    before = [p for p in periods if p[0] <= published]
    return before[-1] if before else None


def _election(article_text: str, published: date | None) -> date | None:
    best = None
    for e in vocab.facts()["elections"]:
        if e["date"] is None or (published is not None and e["date"] > published):
            continue
        if any(k in article_text for k in e["keywords"]) and (best is None or e["date"] > best):
            best = e["date"]
    return best
