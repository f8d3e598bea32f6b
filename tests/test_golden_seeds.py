"""Golden seed articles: the events a careful reader finds (tests/golden/*.yaml), checked field by field.

A predicted event matches a golden one when the type is the same and its source sentence contains the golden
sentence substring. Golden events marked `optional` count when found and are not missed when not found. The
thresholds are the product's quality bar: event F1 >= 0.80 over all seeds, exact date interval on >= 90% of the
matched events, the annotated acting side among the actors on >= 90%.
"""

from __future__ import annotations

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
    matched: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("tp", "fp", "fn", "dates_ok", "actors_ok", "matched"):
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

    def line(self, name: str) -> str:
        m = max(self.matched, 1)
        return (f"{name}: P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f} "
                f"dates={self.dates_ok}/{self.matched} ({self.dates_ok / m:.0%}) "
                f"actors={self.actors_ok}/{self.matched} ({self.actors_ok / m:.0%}) "
                f"tp={self.tp} fp={self.fp} fn={self.fn}")


def _articles():
    from pipeline.ingest import iter_inputs
    from pipeline.model import Article

    return {a.doc: a for a in iter_inputs([str(SEEDS)]) if isinstance(a, Article)}


@lru_cache(maxsize=1)
def predictions() -> dict:
    from pipeline.extract import extract_mentions

    return {doc: extract_mentions(a) for doc, a in _articles().items()}


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.yaml"))


def _d(v) -> date | None:
    return v if isinstance(v, date) or v is None else date.fromisoformat(str(v))


def score_seed(path: Path) -> Score:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = predictions()[gold["article"]]
    s = Score()
    used: set[int] = set()
    for g in gold["events"]:
        hits = [i for i, e in enumerate(events)
                if e.type == g["type"] and g["sentence"] in e.sources[0].sentence]
        if not hits:
            if not g.get("optional"):
                s.fn += 1
                s.problems.append(f"{path.stem}: MISSED {g['type']} «{g['sentence']}»")
            continue
        i = next((h for h in hits if h not in used), hits[0])
        used.update(hits)
        e = events[i]
        if g.get("optional"):
            continue
        s.tp += 1
        s.matched += 1
        want = (_d(g["date_start"]), _d(g["date_end"]), g["precision"])
        got = (e.date_start, e.date_end, e.precision)
        if want[:2] == got[:2]:
            s.dates_ok += 1
        else:
            s.problems.append(f"{path.stem}: DATE {g['type']} «{g['sentence']}» want {want} got {got} "
                              f"({e.date_basis}: {e.date_text!r})")
        if set(g.get("actors") or ()) <= set(e.actors):
            s.actors_ok += 1
        else:
            s.problems.append(f"{path.stem}: ACTORS {g['type']} «{g['sentence']}» want {g['actors']} "
                              f"got {list(e.actors)}")
        for k in ("targets",):
            if g.get(k) and not set(g[k]) <= set(getattr(e, k)):
                s.problems.append(f"{path.stem}: TARGETS {g['type']} «{g['sentence']}» want {g[k]} "
                                  f"got {list(getattr(e, k))}")
        if g.get("quantity") and any(e.quantity.get(k) != v for k, v in g["quantity"].items()):
            s.problems.append(f"{path.stem}: QUANTITY {g['type']} «{g['sentence']}» want {g['quantity']} "
                              f"got {e.quantity}")
        if g.get("location") and e.location != g["location"]:
            s.problems.append(f"{path.stem}: LOCATION {g['type']} «{g['sentence']}» want {g['location']} "
                              f"got {e.location}")
        if g.get("modality") and e.modality != g["modality"]:
            s.problems.append(f"{path.stem}: MODALITY {g['type']} «{g['sentence']}» want {g['modality']} "
                              f"got {e.modality}")
    for i, e in enumerate(events):
        if i not in used:
            s.fp += 1
            s.problems.append(f"{path.stem}: EXTRA {e.type} «{e.sources[0].sentence[:90]}» ({e.trigger})")
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
    from pipeline.model import EVENT_TYPES, MODALITIES, PRECISIONS

    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (SEEDS / gold["article"]).read_text(encoding="utf-8")
    for g in gold["events"]:
        assert g["type"] in EVENT_TYPES and g["precision"] in PRECISIONS
        assert g.get("modality", "asserted") in MODALITIES
        assert g["sentence"] in text, g["sentence"]
        assert _d(g["date_start"]) <= _d(g["date_end"])


@needs_seeds
def test_golden_seeds_quality_bar():
    total, lines = report()
    message = "\n".join(lines + total.problems)
    assert total.f1 >= 0.80, message
    assert total.dates_ok >= 0.90 * total.matched, message
    assert total.actors_ok >= 0.90 * total.matched, message


if __name__ == "__main__":
    total, lines = report()
    print("\n".join(total.problems + lines))
