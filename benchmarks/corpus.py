"""The throughput corpus: ../shared/corpora/10kgnad/test.csv (1,028 derStandard articles), read once."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GNAD = ROOT.parent / "shared" / "corpora" / "10kgnad" / "test.csv"


def load_texts(limit: int | None = None) -> list[str]:
    """The articles' texts; exits with a clear message when the shared corpus is absent."""
    if not GNAD.exists():
        sys.exit(f"skipped: the benchmark corpus {GNAD} is not on this machine (it comes with ../shared)")
    with GNAD.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    texts = [r[1] for r in rows if len(r) == 2 and r[1].strip()]
    return texts[:limit] if limit else texts


def write_articles(texts: list[str], folder: Path) -> Path:
    """One .txt per article in `folder` (the pipeline ingests folders)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"gnad_{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder
