"""Extraction on several worker processes gives byte for byte the store and export of one process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline import store
from pipeline.export import write_export
from pipeline.run import PARALLEL_MIN_ARTICLES, ingest

N_ARTICLES = 12


def _articles_from_seeds(seeds_dir: Path, folder: Path) -> int:
    """Twelve distinct articles cut from the seed texts (three paragraphs each), so the pool is used."""
    folder.mkdir()
    n = 0
    for seed in sorted(seeds_dir.glob("*.txt")):
        paragraphs = [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for i in range(0, len(paragraphs), 3):
            if n == N_ARTICLES:
                return n
            (folder / f"part_{n:02d}.txt").write_text("\n\n".join(paragraphs[i:i + 3]), encoding="utf-8")
            n += 1
    return n


def _ingest_and_export(folder: Path, db: Path, workers: int) -> tuple[str, list]:
    report = ingest([folder], db, default_published=date(2024, 12, 3), workers=workers)
    assert report.ok, report.summary()
    con = store.connect_read(db)
    try:
        events, mentions = store.read_events(con), store.read_mentions(con)
    finally:
        con.close()
    out = db.with_suffix(".jsonl")
    write_export(events, "jsonl", out)
    return out.read_text(encoding="utf-8"), mentions


def test_run_parallel_matches_serial_byte_for_byte(seeds_dir, tmp_path):
    n = _articles_from_seeds(seeds_dir, tmp_path / "articles")
    if n <= PARALLEL_MIN_ARTICLES:
        pytest.fail(f"the seeds gave only {n} articles; the worker pool starts above {PARALLEL_MIN_ARTICLES}")
    serial, serial_mentions = _ingest_and_export(tmp_path / "articles", tmp_path / "serial.duckdb", workers=1)
    parallel, parallel_mentions = _ingest_and_export(tmp_path / "articles", tmp_path / "parallel.duckdb", workers=2)
    assert serial_mentions, "the seed articles gave no event mentions: the comparison would prove nothing"
    assert parallel == serial
    assert parallel_mentions == serial_mentions


def test_run_parallel_reports_progress_in_order_up_to_the_total(seeds_dir, tmp_path):
    n = _articles_from_seeds(seeds_dir, tmp_path / "articles")
    calls: list[tuple[int, int]] = []
    report = ingest([tmp_path / "articles"], tmp_path / "p.duckdb", default_published=date(2024, 12, 3), workers=2,
                    progress=lambda done, total: calls.append((done, total)))
    assert report.ok, report.summary()
    assert calls, "no progress was reported"
    assert calls[-1] == (n, n)
    assert [done for done, _ in calls] == sorted({done for done, _ in calls})


def test_run_parallel_second_run_extracts_nothing_and_keeps_the_table(seeds_dir, tmp_path):
    _articles_from_seeds(seeds_dir, tmp_path / "articles")
    first, first_mentions = _ingest_and_export(tmp_path / "articles", tmp_path / "db.duckdb", workers=2)
    report = ingest([tmp_path / "articles"], tmp_path / "db.duckdb", default_published=date(2024, 12, 3), workers=2)
    assert report.counts() == {"unchanged": N_ARTICLES}
    assert report.n_mentions == 0
    second, second_mentions = _ingest_and_export(tmp_path / "articles", tmp_path / "db.duckdb", workers=2)
    assert (second, second_mentions) == (first, first_mentions)


def test_run_data_version_follows_content_not_only_ids():
    from dataclasses import replace
    from datetime import date

    from pipeline.run import data_version
    from tests.factories import mention

    a = mention("m1")
    assert data_version([a]) == data_version([a])
    assert data_version([a]) != data_version([replace(a, date_start=date(2024, 11, 9))])
    assert data_version([a, mention("m2")]) == data_version([mention("m2"), a])
