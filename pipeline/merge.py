"""Merge mentions of the same event reported by several articles into one event with several sources.

Pure: mentions in, events out. A merge never loses a source; when sources disagree on a number the event keeps
every value (a list, in source order). The merged event takes its modality from the first report and the date
basis from the report whose date is written in the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from pipeline.model import Event, Source

PHYSICAL_TYPES = frozenset({"attack", "territorial_change", "troop_deployment"})
"""Events on the ground: identified by their sides and place as well as their acting side."""


def _same_event(a: Event, b: Event) -> bool:
    """Whether two mentions from different articles report one event.

    They must agree on what (type), who (the acting side, and for events on the ground the targets where both
    name them), where (when both name a place) and when (the same date interval, both dated). Reports of an
    ongoing story written weeks apart stay separate events: merging them would give every report one date and
    one set of numbers that at most one of them states.
    """
    if a.type != b.type or not a.actors or not b.actors or a.actors[0] != b.actors[0]:
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.type in PHYSICAL_TYPES and a.targets and b.targets and not set(a.targets) & set(b.targets):
        return False
    if a.date_start is None or b.date_start is None:
        return False
    return (a.date_start, a.date_end) == (b.date_start, b.date_end)


def _sort_key(e: Event) -> tuple:
    s = e.sources[0]
    return (s.published or date.max, s.doc, s.char_start, e.event_id)


def merge_mentions(mentions: list[Event]) -> list[Event]:
    """Cluster mentions (one source each) into events. Mentions from one article are never merged together.

    Deterministic: the same mentions give the same events with the same ids, whatever their input order.
    """
    clusters: list[list[Event]] = []
    index: dict[tuple, list[int]] = {}
    for m in sorted(mentions, key=_sort_key):
        key = (m.type, m.actors[0] if m.actors else "", m.date_start, m.date_end)
        found = None
        for ci in index.get(key, ()):
            cluster = clusters[ci]
            if m.sources[0].article_id not in {x.sources[0].article_id for x in cluster} and _same_event(cluster[0], m):
                found = ci
                break
        if found is None:
            clusters.append([m])
            index.setdefault(key, []).append(len(clusters) - 1)
        else:
            clusters[found].append(m)
    return [_combine(c) for c in clusters]


def _combine(cluster: list[Event]) -> Event:
    first = cluster[0]
    if len(cluster) == 1:
        return first
    best = next((e for e in cluster if e.date_basis == "text"), first)  # same interval; prefer a written date
    actors = _ordered_union(e.actors for e in cluster)
    targets = tuple(t for t in _ordered_union(e.targets for e in cluster) if t not in actors)
    location = next((e.location for e in cluster if e.location), None)
    sources: list[Source] = [s for e in cluster for s in e.sources]
    confidence = min(1.0, max(e.confidence for e in cluster) + 0.05 * (len(cluster) - 1))
    return replace(
        first,
        date_start=best.date_start, date_end=best.date_end, precision=best.precision, date_basis=best.date_basis,
        date_text=best.date_text, date_value=best.date_value, actors=actors, targets=targets, location=location,
        quantity=merge_quantities([e.quantity for e in cluster]), confidence=round(confidence, 3),
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
