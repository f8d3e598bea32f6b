"""Crash safety: an ingest killed with SIGKILL at any point leaves the previous table intact and consistent,
and the next run completes the work, losing nothing and duplicating nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

CLI = [sys.executable, "-m", "pipeline.cli"]


def _corpus(seeds: Path, dest: Path, copies: int) -> Path:
    """`copies` distinct articles made from the seeds (each changed a little, so each is its own article)."""
    dest.mkdir()
    texts = sorted(seeds.glob("*.txt"))
    for i in range(copies):
        src = texts[i % len(texts)]
        (dest / f"{i:03d}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n\nKopie {dest.name} {i}.\n", encoding="utf-8")
    return dest


def _ingest(paths, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "ingest", *map(str, paths), "--db", str(db), "--workers", "1", "--no-progress"],
                          capture_output=True, text=True, timeout=600, cwd=Path(__file__).resolve().parents[1])


def _state(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = sorted(r[0] for r in con.execute("SELECT doc FROM articles WHERE status='ingested'").fetchall())
        orphans = con.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                              "(SELECT 1 FROM event_sources s WHERE s.event_id = e.event_id)").fetchone()[0]
        dangling = con.execute("SELECT count(*) FROM event_sources s WHERE NOT EXISTS "
                               "(SELECT 1 FROM articles a WHERE a.article_id = s.article_id)").fetchone()[0]
        events = con.execute("SELECT event_id, type, date_start, date_end, actors FROM events ORDER BY event_id").fetchall()
        dup_mentions = con.execute("SELECT count(*) - count(DISTINCT mention_id) FROM mentions").fetchone()[0]
    finally:
        con.close()
    return {"articles": articles, "orphans": orphans, "dangling": dangling, "events": events, "dup": dup_mentions}


@pytest.mark.slow
def test_reliability_kill_at_several_points_loses_nothing(tmp_path, seeds_dir):
    first = _corpus(seeds_dir, tmp_path / "first", 5)
    second = _corpus(seeds_dir, tmp_path / "second", 24)
    reference = tmp_path / "reference.duckdb"
    assert _ingest([first, second], reference).returncode == 0
    expected = _state(reference)

    db = tmp_path / "events.duckdb"
    assert _ingest([first], db).returncode == 0
    before = _state(db)
    killed_mid_run = 0
    for delay in (0.3, 1.0, 2.0, 3.5, 5.0):
        shutil.copy2(db, tmp_path / "before.duckdb")
        proc = subprocess.Popen([*CLI, "ingest", str(first), str(second), "--db", str(db), "--workers", "1",
                                 "--no-progress"], cwd=Path(__file__).resolve().parents[1],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid_run += 1
        proc.wait()
        state = _state(db)
        assert state["orphans"] == 0 and state["dangling"] == 0 and state["dup"] == 0
        # either the old table, untouched, or the complete new one: never half of it
        assert state["articles"] in (before["articles"], expected["articles"]), state["articles"]
        if state["articles"] == expected["articles"]:
            break
    assert killed_mid_run >= 1, "the ingest finished before any kill; make the corpus larger"
    assert not list(tmp_path.glob(".events.duckdb.tmp-*.wal"))
    rerun = _ingest([first, second], db)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert _state(db) == expected


@pytest.mark.slow
def test_reliability_rerun_of_unchanged_input_changes_nothing(tmp_path, seeds_dir):
    db = tmp_path / "events.duckdb"
    assert _ingest([seeds_dir], db).returncode == 0
    first = _state(db)
    out = _ingest([seeds_dir], db)
    assert out.returncode == 0
    assert "5 unchanged" in out.stdout
    assert _state(db) == first


def test_reliability_export_after_ingest_is_byte_identical_across_runs(tmp_path, seeds_dir):
    outs = []
    for i in range(2):
        db = tmp_path / f"e{i}.duckdb"
        assert _ingest([seeds_dir], db).returncode == 0
        out = tmp_path / f"e{i}.jsonl"
        subprocess.run([*CLI, "export", "--db", str(db), "--format", "jsonl", "--out", str(out)], check=True,
                       cwd=Path(__file__).resolve().parents[1], capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert all(json.loads(line)["sources"] for line in outs[0].decode().splitlines())
