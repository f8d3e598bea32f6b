"""Uploads: names that cannot leave the uploads folder, size limits, and a real run through the pipeline."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from dashboard.ingesting import add_files, uploads_dir
from dashboard.uploads import UploadError, check_size, safe_name, save


@pytest.mark.parametrize(("name", "expected"), [
    ("artikel.txt", "artikel.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\x\\..\\Bericht.HTML", "Bericht.html"),
    (".bashrc.txt", "bashrc.txt"),
    ("Kämpfe um Kursk – Überblick.txt", "Kämpfe_um_Kursk_Überblick.txt"),
    ("a\x00b\nc.jsonl", "a_b_c.jsonl"),
    ("x" * 300 + ".txt", "x" * 96 + ".txt"),
    ("file..txt", "file.txt"),
])
def test_dashboard_uploads_safe_name(name, expected):
    assert safe_name(name) == expected


@pytest.mark.parametrize("name", ["script.py", "noext", "...txt", "../.txt", "evil.txt.exe", "/"])
def test_dashboard_uploads_refused_names(name):
    with pytest.raises(UploadError):
        safe_name(name)


def test_dashboard_uploads_size_limit():
    check_size("a.txt", 10 * 1024 * 1024, 10)
    with pytest.raises(UploadError, match="more than the limit of 10 MB"):
        check_size("a.txt", 10 * 1024 * 1024 + 1, 10)
    with pytest.raises(UploadError, match="is empty"):
        check_size("a.txt", 0, 10)


def test_dashboard_uploads_save_never_overwrites(tmp_path):
    first = save(b"eins", "bericht.txt", tmp_path)
    again = save(b"eins", "bericht.txt", tmp_path)
    other = save(b"zwei", "../bericht.txt", tmp_path)
    assert first == again == tmp_path / "bericht.txt" and first.read_bytes() == b"eins"
    assert other.parent == tmp_path and other != first and other.read_bytes() == b"zwei"


ARTICLE = ("Berlin (dpa) – Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes am Freitag etwa 1.500 "
           "Soldaten nach Russland geschickt. Die Bundesregierung kündigte am Montag ein neues Hilfspaket für die "
           "Ukraine an.\n").encode()


@pytest.mark.slow
def test_dashboard_uploads_run_through_the_pipeline(tmp_path):
    db = tmp_path / "data" / "events.duckdb"
    outcome = add_files([("../Nordkorea schickt Soldaten.txt", ARTICLE), ("gross.txt", b"x" * 2_000_000),
                         ("bild.png", b"\x89PNG")], db, date(2024, 10, 20), max_mb=1)
    assert len(outcome.refused) == 2 and any("more than the limit" in r for r in outcome.refused)
    assert [p.name for p in outcome.paths] == ["Nordkorea_schickt_Soldaten.txt"]
    assert outcome.paths[0].parent == uploads_dir(db)
    assert outcome.report is not None and list(outcome.report["status"]) == ["ingested"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 1
    assert not outcome.ok  # two files were refused


@pytest.mark.slow
def test_dashboard_uploads_skipped_file_is_not_added_and_not_kept(tmp_path):
    db = tmp_path / "data" / "events.duckdb"
    fake_pdf = b"%PDF-1.7\n" + b"\x00binary stream" * 50
    outcome = add_files([("fake_pdf.txt", fake_pdf)], db, None, max_mb=1)
    assert outcome.report is not None and list(outcome.report["status"]) == ["skipped"]
    assert not outcome.ok
    assert "Added" not in outcome.headline and "skipped 1" in outcome.headline, outcome.headline
    assert "PDF" in outcome.report["message"].iloc[0]  # the whole reason reaches the page
    assert not (uploads_dir(db) / "fake_pdf.txt").exists() and outcome.paths == ()


@pytest.mark.slow
def test_dashboard_uploads_markdown_and_unchanged_are_reported_as_such(tmp_path):
    db = tmp_path / "data" / "events.duckdb"
    first = add_files([("bericht.md", ARTICLE)], db, None, max_mb=1)
    assert "ingested" in list(first.report["status"]) and first.headline.startswith("Added 1 article(s)")
    again = add_files([("bericht.md", ARTICLE)], db, None, max_mb=1)
    assert "unchanged" in list(again.report["status"]) and "ingested" not in list(again.report["status"])
    assert again.headline.startswith("Nothing was added; 1 already in the database, unchanged"), again.headline
    assert (uploads_dir(db) / "bericht.md").exists()


@pytest.mark.parametrize(("statuses", "expected"), [
    (["ingested"], "Added 1 article(s) (2 event mention(s) found)"),
    (["skipped"], "Nothing was added; skipped 1"),
    (["ingested", "skipped", "warning"], "Added 1 article(s) (2 event mention(s) found); skipped 1; 1 warning(s)"),
])
def test_dashboard_uploads_headline_counts_the_report(statuses, expected):
    from dashboard.ingesting import headline
    from pipeline.run import ReportLine

    lines = [ReportLine(f"x{i}.txt", f"x{i}.txt", s, "m", 2 if s == "ingested" else 0) for i, s in enumerate(statuses)]
    assert headline(lines, 0, 7) == expected + ". 7 event(s) in the database now."
