"""Concurrency: one writer at a time, readers never blocked, and two uploads at once both land."""

from __future__ import annotations

import threading
from datetime import date

import duckdb

from pipeline.run import ingest

TEXT = "Russland hat am {d}. November 2024 die Stadt Charkiw mit Raketen angegriffen, sagte ein Sprecher in Kiew."


def test_reliability_two_ingests_at_once_both_land(tmp_path):
    db = tmp_path / "events.duckdb"
    files = []
    for i in (1, 2):
        f = tmp_path / f"upload{i}.txt"
        f.write_text(TEXT.format(d=10 + i), encoding="utf-8")
        files.append(f)
    errors: list[BaseException] = []

    def run(path):
        try:
            ingest([path], db, default_published=date(2024, 11, 20), workers=1)
        except BaseException as exc:  # noqa: BLE001 - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    con = duckdb.connect(str(db), read_only=True)
    docs = sorted(r[0] for r in con.execute("SELECT doc FROM articles WHERE status = 'ingested'").fetchall())
    con.close()
    assert docs == ["upload1.txt", "upload2.txt"]


def test_reliability_reader_sees_old_table_until_the_swap(tmp_path):
    db = tmp_path / "events.duckdb"
    first = tmp_path / "a.txt"
    first.write_text(TEXT.format(d=11), encoding="utf-8")
    ingest([first], db, default_published=date(2024, 11, 20), workers=1)
    reader = duckdb.connect(str(db), read_only=True)
    second = tmp_path / "b.txt"
    second.write_text(TEXT.format(d=12), encoding="utf-8")
    ingest([second], db, default_published=date(2024, 11, 20), workers=1)
    # the open reader keeps its consistent snapshot of the old file; a new one sees both articles
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    reader.close()
    fresh = duckdb.connect(str(db), read_only=True)
    assert fresh.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    fresh.close()
