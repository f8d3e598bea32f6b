"""Ingest throughput over ../shared/corpora/10kgnad/test.csv, in one run:

(a) spaCy's blank German tokenizer alone (the ceiling), (b) the full pipeline in one process including the write
to DuckDB, (c) the full pipeline on all cores, (d) a naive baseline: dateparser's `search_dates` over each article.
Prints articles/s, tokens/s and peak RSS for each, and the ratios b/a, c/b and b/d. Each configuration runs in a
fresh subprocess so that its peak RSS is its own.

    .venv/bin/python benchmarks/ingest.py [--limit N] [--published 2024-11-11] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import load_texts, write_articles  # noqa: E402


def _count_tokens(texts: list[str]) -> int:
    import spacy

    tok = spacy.blank("de").tokenizer
    return sum(len(doc) for doc in tok.pipe(texts))


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_config(name: str, limit: int | None, published: str, workers: int) -> dict:
    texts = load_texts(limit)
    if name == "tokenizer":
        import spacy

        tok = spacy.blank("de").tokenizer
        t0 = time.perf_counter()
        n = sum(len(doc) for doc in tok.pipe(texts))
        secs = time.perf_counter() - t0
        return {"seconds": secs, "tokens": n, "articles": len(texts), "rss_mb": _peak_rss_mb()}
    if name == "search_dates":
        from dateparser.search import search_dates

        t0 = time.perf_counter()
        for text in texts:
            search_dates(text, languages=["de"])
        secs = time.perf_counter() - t0
        return {"seconds": secs, "articles": len(texts), "rss_mb": _peak_rss_mb()}
    from pipeline.run import ingest

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_articles(texts, Path(tmp) / "articles")
        t0 = time.perf_counter()
        report = ingest([folder], Path(tmp) / "events.duckdb", default_published=date.fromisoformat(published),
                        workers=workers)
        secs = time.perf_counter() - t0
    return {"seconds": secs, "articles": len(texts), "rss_mb": _peak_rss_mb(), "events": report.n_events,
            "mentions": report.n_mentions}


def _child(name: str, args: argparse.Namespace, workers: int) -> dict:
    """Run one configuration in a fresh interpreter; its result is the last line it prints (JSON)."""
    cmd = [sys.executable, __file__, "--child", name, "--published", args.published, "--workers", str(workers)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"configuration {name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def profile(args: argparse.Namespace) -> None:
    from pyinstrument import Profiler

    from pipeline.run import ingest

    texts = load_texts(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_articles(texts, Path(tmp) / "articles")
        prof = Profiler()
        prof.start()
        ingest([folder], Path(tmp) / "events.duckdb", default_published=date.fromisoformat(args.published), workers=1)
        prof.stop()
    print(prof.output_text(unicode=False, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--published", default="2024-11-11", help="publication date given to every article")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers for (c)")
    parser.add_argument("--profile", action="store_true", help="profile (b) with pyinstrument instead")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_config(args.child, args.limit, args.published, args.workers)))
        return
    if args.profile:
        profile(args)
        return
    tokens = _count_tokens(load_texts(args.limit))
    rows = {
        "(a) spaCy tokenizer": _child("tokenizer", args, 1),
        "(b) pipeline, 1 process": _child("pipeline", args, 1),
        f"(c) pipeline, {args.workers} workers": _child("pipeline", args, args.workers),
        "(d) dateparser search_dates": _child("search_dates", args, 1),
    }
    print(f"corpus: {rows['(a) spaCy tokenizer']['articles']} articles, {tokens} tokens\n")
    print(f"{'configuration':34} {'seconds':>8} {'articles/s':>11} {'tokens/s':>10} {'peak RSS MB':>12}")
    rate = {}
    for name, r in rows.items():
        rate[name] = tokens / r["seconds"]
        print(f"{name:34} {r['seconds']:8.2f} {r['articles'] / r['seconds']:11.1f} {rate[name]:10.0f} {r['rss_mb']:12.0f}")
    a, b, c, d = (rate[k] for k in rows)
    print(f"\nb/a = {b / a:.2f} (target >= 0.30)   c/b = {c / b:.2f} (target >= 1.7)   b/d = {b / d:.2f} (target >= 3)")
    print(f"events in the table: {rows['(b) pipeline, 1 process'].get('events')}")


if __name__ == "__main__":
    main()
