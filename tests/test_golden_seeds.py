"""Golden seed articles: the events a careful reader finds (tests/golden/*.yaml), scored on the EXPORTED table.

The seeds are ingested by the real pipeline (`pipeline.run.ingest` into a temporary DuckDB file, then
`pipeline.store.read_events`), so merge errors count. Every (event, source sentence) pair of the export is one
prediction. A prediction matches a golden event when the type is the same and its source sentence overlaps the
golden sentence in the same article; matching is one-to-one (an optimal assignment that prefers exact dates and the
right acting side), so two predictions of one type in one sentence are one match and one false positive.
Golden events marked `optional` absorb one prediction without counting it as a hit, and are not missed when
absent. The acting side is the predicted FIRST actor, equal to the golden first actor or to its affiliation in
`actors.yaml` ("Ministry of Defence of Russia" counts for "Russia").

Quality bar: event F1 >= 0.80, exact date interval on >= 90% of matched events, acting side on >= 90%.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEEDS = ROOT / "seeds"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dates_ok: int = 0
    actors_ok: int = 0
    actors_checked: int = 0
    matched: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("tp", "fp", "fn", "dates_ok", "actors_ok", "actors_checked", "matched"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.problems += other.problems

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_ok / self.matched if self.matched else 1.0

    @property
    def actor_accuracy(self) -> float:
        return self.actors_ok / self.actors_checked if self.actors_checked else 1.0

    def line(self, name: str) -> str:
        return (f"{name}: P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f} "
                f"dates={self.dates_ok}/{self.matched} ({self.date_accuracy:.0%}) "
                f"acting side={self.actors_ok}/{self.actors_checked} ({self.actor_accuracy:.0%}) "
                f"tp={self.tp} fp={self.fp} fn={self.fn}")


@dataclass(frozen=True)
class Unit:
    """One prediction: an exported event seen through one of its source sentences."""

    event: object
    start: int
    end: int


@lru_cache(maxsize=1)
def exported() -> dict[str, list[Unit]]:
    """The seeds run through ingest -> merge -> store; predictions per article file."""
    from pipeline import store
    from pipeline.run import ingest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "golden.duckdb"
        ingest([str(SEEDS)], db, workers=1)
        con = store.connect_read(db)
        try:
            events = store.read_events(con)
        finally:
            con.close()
    out: dict[str, list[Unit]] = {}
    for e in events:
        for s in e.sources:
            out.setdefault(Path(s.doc).name, []).append(Unit(e, s.char_start, s.char_end))
    return out


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.yaml"))


def _d(v) -> date | None:
    return v if isinstance(v, date) or v is None else date.fromisoformat(str(v))


def same_side(predicted: str, wanted: str) -> bool:
    """The predicted first actor is the annotated one or belongs to it (or it to the predicted one)."""
    from pipeline.extract.actors import affiliation

    return predicted == wanted or affiliation(predicted) == wanted or affiliation(wanted) == predicted


def _date_ok(g: dict, e) -> bool:
    return (_d(g["date_start"]), _d(g["date_end"])) == (e.date_start, e.date_end)


def _actor_ok(g: dict, e) -> bool:
    return bool(e.actors) and same_side(e.actors[0], g["actors"][0])


def assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Hungarian method); pairs (row, col) with a positive weight."""
    n, m = len(weights), len(weights[0]) if weights else 0
    if not n or not m:
        return []
    size = max(n, m)
    big = max(max(r) for r in weights)
    cost = [[big - (weights[i][j] if i < n and j < m else 0.0) for j in range(size)] for i in range(size)]
    inf = float("inf")
    u, v, p, way = [0.0] * (size + 1), [0.0] * (size + 1), [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (size + 1), [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, size + 1) if p[j]]
    return [(i, j) for i, j in pairs if i < n and j < m and weights[i][j] > 0]


def score_seed(path: Path) -> Score:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (SEEDS / gold["article"]).read_text(encoding="utf-8")
    units = exported().get(gold["article"], [])
    spans = []
    for g in gold["events"]:
        start = text.find(g["sentence"])
        spans.append((start, start + len(g["sentence"])))
    weights = []
    for g, (gs, ge) in zip(gold["events"], spans, strict=True):
        row = []
        for u in units:
            hit = u.event.type == g["type"] and u.start < ge and gs < u.end
            row.append(1000 + 10 * _date_ok(g, u.event) + 5 * bool(g.get("actors") and _actor_ok(g, u.event))
                       if hit else 0)
        weights.append(row)
    pairs = dict(assignment(weights))
    s = Score()
    for gi, g in enumerate(gold["events"]):
        tag = f"{path.stem}: {g['type']} «{g['sentence'][:70]}»"
        if gi not in pairs:
            if not g.get("optional"):
                s.fn += 1
                s.problems.append(f"MISSED {tag}")
            continue
        if g.get("optional"):
            continue
        e = units[pairs[gi]].event
        s.tp += 1
        s.matched += 1
        if _date_ok(g, e):
            s.dates_ok += 1
        else:
            s.problems.append(f"DATE {tag} want {g['date_start']}..{g['date_end']} got {e.date_start}..{e.date_end} "
                              f"({e.date_basis}: {e.date_text!r})")
        if g.get("actors"):
            s.actors_checked += 1
            if _actor_ok(g, e):
                s.actors_ok += 1
            else:
                s.problems.append(f"ACTOR {tag} want {g['actors'][0]} first, got {list(e.actors)}")
        if g.get("targets") and not set(g["targets"]) <= set(e.targets):
            s.problems.append(f"(targets) {tag} want {g['targets']} got {list(e.targets)}")
        if g.get("quantity") and any(e.quantity.get(k) != v for k, v in g["quantity"].items()):
            s.problems.append(f"(quantity) {tag} want {g['quantity']} got {e.quantity}")
        if g.get("location") and e.location != g["location"]:
            s.problems.append(f"(location) {tag} want {g['location']} got {e.location}")
        if e.modality != g.get("modality", e.modality):
            s.problems.append(f"(modality) {tag} want {g['modality']} got {e.modality}")
    taken = set(pairs.values())
    for j, u in enumerate(units):
        if j not in taken:
            s.fp += 1
            s.problems.append(f"EXTRA {path.stem}: {u.event.type} «{text[u.start:u.end][:80]}» "
                              f"({u.event.trigger}; {list(u.event.actors)[:3]})")
    return s


def report() -> tuple[Score, list[str]]:
    total, lines = Score(), []
    for path in golden_files():
        s = score_seed(path)
        lines.append(s.line(path.stem))
        total.add(s)
    lines.append(total.line("overall"))
    return total, lines


needs_seeds = pytest.mark.skipif(not (SEEDS / "manifest.csv").exists(), reason="seeds/ with manifest.csv needed")


@needs_seeds
@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_seeds_file_is_well_formed(path):
    from pipeline.extract.vocab import actor_entries
    from pipeline.model import EVENT_TYPES, MODALITIES, PRECISIONS

    names = {r["name"] for r in actor_entries()}
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (SEEDS / gold["article"]).read_text(encoding="utf-8")
    for g in gold["events"]:
        assert g["type"] in EVENT_TYPES and g["precision"] in PRECISIONS
        assert g.get("modality", "asserted") in MODALITIES
        assert text.count(g["sentence"]) == 1, g["sentence"]
        assert _d(g["date_start"]) <= _d(g["date_end"])
        assert all(a in names or " " in a for a in g.get("actors") or ()), g.get("actors")


def test_golden_seeds_assignment_is_one_to_one_and_optimal():
    # two predictions of one type in one sentence can match one golden event only once
    assert assignment([[1000, 1000]]) == [(0, 0)]
    assert sorted(assignment([[1010, 1000], [1000, 0]])) == [(0, 1), (1, 0)]
    assert assignment([[0, 0]]) == []


@needs_seeds
def test_golden_seeds_quality_bar():
    total, lines = report()
    message = "\n".join(lines + total.problems)
    assert total.f1 >= 0.80, message
    assert total.date_accuracy >= 0.90, message
    assert total.actor_accuracy >= 0.90, message


if __name__ == "__main__":
    total, lines = report()
    print("\n".join(total.problems + lines))
