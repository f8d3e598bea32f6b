"""Score the German temporal tagger on KRAUTS (TIMEX3) and WikiWarsDE (TIMEX2), beside HeidelTime, and time it.

    .venv/bin/python benchmarks/temporal.py            # tables
    .venv/bin/python benchmarks/temporal.py --errors   # also every false positive/negative and wrong value

TempEval-3 style: gold and system expressions are matched greedily by overlap (relaxed) or identical span
(strict); values and types are compared as exact strings among relaxed matches. HeidelTime's KRAUTS output ships
with the corpus and is scored with the same code; for WikiWarsDE its published whole-corpus figures are printed.
Throughput is measured against spaCy's blank German tokenizer on the same 10kGNAD articles, in one process.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.temporal import tag  # noqa: E402

SHARED = ROOT.parent / "shared"
KRAUTS = SHARED / "eval" / "krauts-dev"
WIKIWARS = SHARED / "eval" / "wikiwarsde-dev"
GNAD = SHARED / "corpora" / "10kgnad" / "test.csv"
WIKIWARS_DCT = date(2011, 2, 16)
HEIDELTIME_WIKIWARS = {"strict F1": 87.7, "value acc": 88.5, "relaxed F1": 93.3}
"""HeidelTime 1.8 on the whole WikiWarsDE corpus (Strötgen & Gertz), as published."""

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<(/?)(TIMEX[23])([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.DOTALL)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    value: str
    type: str = ""


def parse_inline(marked: str) -> tuple[str, list[Span]]:
    """Plain text and the annotated spans of an inline-annotated <TEXT> body (TIMEX3 or TIMEX2)."""
    plain: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[int, dict]] = []
    length = 0
    position = 0
    for m in _TAG.finditer(marked):
        chunk = marked[position : m.start()]
        plain.append(chunk)
        length += len(chunk)
        position = m.end()
        if m.group(1):
            start, attrs = stack.pop()
            text = "".join(plain)[start:length]
            spans.append(
                Span(start, length, text, attrs.get("value", attrs.get("val", "")), attrs.get("type", ""))
            )
        else:
            stack.append((length, dict(_ATTR.findall(m.group(3)))))
    plain.append(marked[position:])
    return "".join(plain), sorted(spans, key=lambda s: s.start)


def match(gold: list[Span], system: list[Span]) -> dict[str, int]:
    """Counts for strict and relaxed extent, value and type agreement (greedy overlap matching)."""
    used: set[int] = set()
    counts = {"gold": len(gold), "system": len(system), "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    for g in gold:
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            used.add(i)
            counts["relaxed"] += 1
            counts["strict"] += (s.start, s.end) == (g.start, g.end)
            counts["value"] += s.value.strip() == g.value.strip()
            counts["type"] += s.type == g.type
            break
    return counts


def f1(hits: int, gold: int, system: int) -> float:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def errors(name: str, text: str, gold: list[Span], system: list[Span]) -> list[str]:
    """Lines describing false negatives, false positives and wrong values of one document."""
    out = []
    for g in gold:
        hit = [s for s in system if s.start < g.end and g.start < s.end]
        context = text[max(0, g.start - 40) : g.end + 20].replace("\n", " ")
        if not hit:
            out.append(f"FN {name}: {g.text!r} {g.value} | …{context}…")
        elif hit[0].value.strip() != g.value.strip():
            out.append(
                f"VAL {name}: {g.text!r} gold={g.value} ours={hit[0].value} ({hit[0].text!r}) | …{context}…"
            )
    for s in system:
        if not any(s.start < g.end and g.start < s.end for g in gold):
            context = text[max(0, s.start - 40) : s.end + 20].replace("\n", " ")
            out.append(f"FP {name}: {s.text!r} {s.value} | …{context}…")
    return out


def ours(text: str, dct: date) -> list[Span]:
    return [Span(t.start, t.end, t.text, t.value, t.type) for t in tag(text, dct)]


def add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n


def krauts_part(part: str, show_errors: bool) -> tuple[dict[str, int], dict[str, int]]:
    """(our counts, HeidelTime's counts) on one KRAUTS part."""
    mine: dict[str, int] = {}
    heidel: dict[str, int] = {}
    for gold_path in sorted((KRAUTS / f"KRAUTS_{part}").glob("*.tml")):
        source = gold_path.read_text(encoding="utf-8")
        text, gold = parse_inline(_TEXT.search(source).group(1))
        raw = _TEXT.search((KRAUTS / f"KRAUTS_{part}_raw-text" / gold_path.name).read_text(encoding="utf-8"))
        if raw.group(1) != text:
            raise SystemExit(f"{gold_path.name}: raw text differs from the gold text without tags")
        dct = date.fromisoformat(_DCT.search(source).group(1)[:10])
        system = ours(text, dct)
        add(mine, match(gold, system))
        heidel_source = (KRAUTS / f"KRAUTS_{part}_Heideltime" / gold_path.name).read_text(encoding="utf-8")
        add(heidel, match(gold, parse_inline(_TEXT.search(heidel_source).group(1))[1]))
        if show_errors:
            for line in errors(gold_path.stem, text, gold, system):
                print(line)
    return mine, heidel


def wikiwars(show_errors: bool) -> dict[str, int]:
    total: dict[str, int] = {}
    for path in sorted((WIKIWARS / "keyinline").glob("*.key.xml")):
        text, gold = parse_inline(_TEXT.search(path.read_text(encoding="utf-8")).group(1))
        system = ours(text, WIKIWARS_DCT)
        add(total, match(gold, system))
        if show_errors:
            for line in errors(path.stem, text, gold, system):
                print(line)
    return total


def krauts_row(name: str, c: dict[str, int]) -> str:
    cells = [f1(c["strict"], c["gold"], c["system"]), f1(c["relaxed"], c["gold"], c["system"]),
             f1(c["value"], c["gold"], c["system"]), f1(c["type"], c["gold"], c["system"])]  # fmt: skip
    return (
        f"| {name:<28} | "
        + " | ".join(f"{x:6.1f}" for x in cells)
        + f" | {c['gold']:4d} | {c['system']:4d} |"
    )


def throughput(limit: int | None = None) -> tuple[float, float, int]:
    """(tagger tokens/s, spaCy tokenizer tokens/s, tokens) on the 10kGNAD test articles."""
    import spacy

    with GNAD.open(encoding="utf-8") as f:
        texts = [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) > 1][:limit]
    nlp = spacy.blank("de")
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    spacy_seconds = time.perf_counter() - started
    dct = date(2016, 1, 1)
    started = time.perf_counter()
    for text in texts:
        tag(text, dct)
    tag_seconds = time.perf_counter() - started
    return tokens / tag_seconds, tokens / spacy_seconds, tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="print false positives/negatives and wrong values"
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput measurement")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (it holds the KRAUTS and WikiWarsDE corpora)")
        return 0

    print("KRAUTS (TempEval-3 style, F1 in %)\n")
    print("| system                       | strict | relaxed |  value |   type | gold |  sys |")
    print("|------------------------------|--------|---------|--------|--------|------|------|")
    for part in ("Dolomiten-42", "Dolomiten-100"):
        mine, heidel = krauts_part(part, args.errors)
        print(krauts_row(f"ours {part}", mine))
        print(krauts_row(f"HeidelTime {part}", heidel))

    c = wikiwars(args.errors)
    print("\nWikiWarsDE (11 dev documents; HeidelTime: published whole-corpus figures)\n")
    print("| system     | strict F1 | relaxed F1 | value acc |")
    print("|------------|-----------|------------|-----------|")
    accuracy = 100 * c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    print(f"| ours       | {f1(c['strict'], c['gold'], c['system']):9.1f} | "
          f"{f1(c['relaxed'], c['gold'], c['system']):10.1f} | {accuracy:9.1f} |")  # fmt: skip
    h = HEIDELTIME_WIKIWARS
    print(f"| HeidelTime | {h['strict F1']:9.1f} | {h['relaxed F1']:10.1f} | {h['value acc']:9.1f} |")

    if not args.no_speed:
        mine_tps, spacy_tps, tokens = throughput()
        print(f"\nThroughput on {tokens} tokens of 10kGNAD: tagger {mine_tps:,.0f} tokens/s, "
              f"spaCy blank('de') tokenizer {spacy_tps:,.0f} tokens/s, ratio {mine_tps / spacy_tps:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
