"""Merge mentions of the same event reported by several articles into one event with several sources.

Pure: mentions in, events out. A merge never loses a source; when sources disagree on a number the event keeps
every value (a list, in source order).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from pipeline.model import Event, Source

PUBLICATION_SLACK = timedelta(days=31)
"""Two events dated only by their articles' publication dates may be a month apart and still be one."""

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4, "multi_year": 5, "unknown": 6}
_MODALITY_RANK = {"asserted": 0, "claimed": 1, "denied": 2, "planned": 3, "speculative": 4, "hypothetical": 5}


PHYSICAL_TYPES = frozenset({"attack", "territorial_change", "troop_deployment"})
"""Events on the ground: identified by place and sides, so reports weeks apart can still be one."""


def _dates_compatible(a: Event, b: Event, slack: timedelta) -> bool:
    if a.date_start is None or b.date_start is None or a.date_end is None or b.date_end is None:
        return a.date_start is None and b.date_start is None
    if a.date_basis == "text" and b.date_basis == "text":
        slack = timedelta(0)
    return a.date_start <= b.date_end + slack and b.date_start <= a.date_end + slack


def _same_event(a: Event, b: Event) -> bool:
    """Whether two mentions from different articles report one event.

    Same type, and: for events on the ground, overlapping sides, a compatible place and dates at most a month
    apart when either is dated only by its article; for statements, meetings, aid and decisions, the same acting
    side and overlapping dates (a speaker says many things: without a date in the text they are kept apart).
    """
    if a.type != b.type or not a.actors or not b.actors:
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.type in PHYSICAL_TYPES:
        if not set(a.actors) & set(b.actors):
            return False
        same_sides = set(a.actors) == set(b.actors) and set(a.targets) == set(b.targets)
        if not (a.location or b.location) and not same_sides:
            return False  # without a place, physical events merge only when they share every actor and target
        return _dates_compatible(a, b, PUBLICATION_SLACK)
    if a.actors[0] != b.actors[0]:
        return False
    if a.type == "statement" and not (a.date_basis == b.date_basis == "text"):
        return False
    return _dates_compatible(a, b, timedelta(0))


def _sort_key(e: Event) -> tuple:
    s = e.sources[0]
    return (s.published or date.max, s.doc, s.char_start, e.event_id)


def merge_mentions(mentions: list[Event]) -> list[Event]:
    """Cluster mentions (one source each) into events. Mentions from one article are never merged together.

    Deterministic: the same mentions give the same events with the same ids, whatever their input order.
    """
    clusters: list[list[Event]] = []
    index: dict[tuple[str, str], list[int]] = {}
    for m in sorted(mentions, key=_sort_key):
        found = None
        for actor in m.actors:
            for ci in index.get((m.type, actor), ()):
                cluster = clusters[ci]
                docs = {x.sources[0].article_id for x in cluster}
                if m.sources[0].article_id in docs:
                    continue
                if _same_event(cluster[0], m):
                    found = ci
                    break
            if found is not None:
                break
        if found is None:
            clusters.append([m])
            found = len(clusters) - 1
        else:
            clusters[found].append(m)
        for actor in m.actors:
            keys = index.setdefault((m.type, actor), [])
            if found not in keys:
                keys.append(found)
    return [_combine(c) for c in clusters]


def _combine(cluster: list[Event]) -> Event:
    first = cluster[0]
    if len(cluster) == 1:
        return first
    dated = sorted(cluster, key=lambda e: (e.date_basis != "text", _PRECISION_RANK.get(e.precision, 9),
                                           (e.date_end - e.date_start) if e.date_start and e.date_end else timedelta.max))
    best = dated[0]
    actors = _ordered_union(e.actors for e in cluster)
    targets = tuple(t for t in _ordered_union(e.targets for e in cluster) if t not in actors)
    location = next((e.location for e in cluster if e.location), None)
    modality = min((e.modality for e in cluster), key=lambda m: _MODALITY_RANK.get(m, 9))
    sources: list[Source] = [s for e in cluster for s in e.sources]
    confidence = min(1.0, max(e.confidence for e in cluster) + 0.05 * (len(cluster) - 1))
    return replace(
        first,
        date_start=best.date_start, date_end=best.date_end, precision=best.precision, date_basis=best.date_basis,
        date_text=best.date_text, date_value=best.date_value, actors=actors, targets=targets, location=location,
        quantity=merge_quantities([e.quantity for e in cluster]), modality=modality, confidence=round(confidence, 3),
        sources=tuple(sources),
    )


def _ordered_union(groups) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for group in groups:
        for name in group:
            counts[name] += 1
            order.setdefault(name, len(order))
    names = list(order)
    # the first source's acting side stays first; the rest by how many sources name them
    return tuple(names[:1] + sorted(names[1:], key=lambda n: (-counts[n], order[n])))


def merge_quantities(quantities: list[dict]) -> dict:
    """Combine the sources' quantities; a key whose sources disagree keeps every distinct value as a list."""
    out: dict = {}
    for q in quantities:
        for key, value in q.items():
            values = value if isinstance(value, list) else [value]
            have = out.setdefault(key, [])
            for v in values:
                if v not in have:
                    have.append(v)
    return {k: (v[0] if len(v) == 1 else v) for k, v in out.items()}
