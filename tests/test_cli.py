"""The command line: --help everywhere, errors as one clear line, exit status telling whether all was ingested."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main


@pytest.mark.parametrize("argv", [["--help"], ["ingest", "--help"], ["export", "--help"], ["dates", "--help"]])
def test_cli_help_everywhere(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert "usage: conflict-timeline" in capsys.readouterr().out


def test_cli_ingest_then_export_jsonl(tmp_path, seeds_dir, capsys):
    db = tmp_path / "e.duckdb"
    assert main(["ingest", str(seeds_dir), "--db", str(db), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "read 5 article(s) (5 new, 0 changed, 0 unchanged), skipped 0" in out
    assert main(["export", "--db", str(db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["sources"] and r["type"] for r in rows)
    assert {s["doc"] for r in rows for s in r["sources"]} == {p.name for p in seeds_dir.glob("*.txt")}


def test_cli_ingest_with_a_skipped_input_exits_1_and_says_why(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Russland griff am Sonntag Charkiw an, sagte der Gouverneur.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    assert main(["ingest", str(folder), "--db", str(tmp_path / "e.duckdb"), "--published", "2024-11-11"]) == 1
    out = capsys.readouterr().out
    assert "skipped   b.txt: file is empty (0 bytes); remove it or put the article text in it" in out
    assert "ingested  a.txt:" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ingest", "/nonexistent/folder"], "conflict-timeline: error: input '/nonexistent/folder' does not exist"),
        (["export", "--db", "/nonexistent/e.duckdb"], "conflict-timeline: error: no event database at /nonexistent/e.duckdb"),
        (["dates", "--dct", "11.11.2024", "-"], "conflict-timeline: date error:"),
    ],
)
def test_cli_errors_are_one_line(argv, message, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("am Sonntag"))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message), err
    assert err.count("\n") == 1


def test_cli_bad_published_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ingest", "seeds", "--published", "11/11/2024"])
    assert exc.value.code == 2
    assert "'11/11/2024' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_cli_export_xlsx_needs_out(tmp_path, seeds_dir, capsys):
    db = tmp_path / "e.duckdb"
    main(["ingest", str(seeds_dir), "--db", str(db), "--workers", "1", "-q"])
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "xlsx"]) == 2
    assert "give a file with --out" in capsys.readouterr().err
