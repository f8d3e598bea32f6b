"""Bad input end to end: every bad input gets one clear line in the stored run report, every good article lands."""

from __future__ import annotations

import codecs
import json
import random
from datetime import date

import duckdb
import pytest

from pipeline.run import ingest

GOOD = "Russland hat am Sonntag die Stadt Charkiw mit Raketen angegriffen, sagte der Bürgermeister am Montag."


def _write_bad_folder(folder, monkeypatch):
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(("Die Ukraine meldete am Freitag Angriffe auf Odessa. Größere Schäden.").encode("latin-1"))
    (folder / "cp1252.txt").write_bytes("„Wir werden kämpfen“, sagte Selenskyj am Donnerstag in Kiew.".encode("cp1252"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Nordkorea schickt Truppen nach Russland, berichtete Seoul.".encode("utf-16-le"))
    (folder / "crlf.txt").write_bytes("Die NATO-Außenminister trafen sich in Brüssel.\r\nSie berieten über Hilfe.\rEnde.\n".encode())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (folder / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "noise.txt").write_bytes(random.Random(7).randbytes(4096))
    (folder / "zz_copy.txt").write_text(GOOD, encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><script>alert(1)</script><p onclick='x()'>Die USA kündigten am Montag ein Hilfspaket "
        "über 725 Millionen US-Dollar für die Ukraine an.</p><iframe src='http://127.0.0.1:9/'></iframe></body></html>",
        encoding="utf-8")
    lines = [json.dumps({"id": "ok", "text": GOOD.replace("Charkiw", "Sumy"), "published": "2024-11-11"}),
             '{"id": "broken", "text": "abgeschnitten', json.dumps({"id": "notext"}), json.dumps({"id": "num", "text": 5})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "long.txt").write_text("wort " * 200_000, encoding="utf-8")  # a 1 MB line without punctuation
    (folder / "big.txt").write_text("Kiew meldet Angriffe. " * 60_000, encoding="utf-8")  # 1.3 MB, over the limit below
    (folder / "manifest.csv").write_text(
        "file,published\ngood.txt,2024-11-11\nlatin1.txt,11/2024\nmissing.txt,2024-11-01\n", encoding="utf-8")
    monkeypatch.setenv("CT_MAX_FILE_MB", "1")


@pytest.mark.timeout(300)
def test_reliability_bad_inputs_each_reported_and_nothing_else_lost(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _write_bad_folder(folder, monkeypatch)
    db = tmp_path / "events.duckdb"
    report = ingest([folder], db, default_published=date(2024, 11, 11), workers=1)
    by_doc = {}
    for line in report.lines:
        by_doc.setdefault(line.doc, []).append((line.status, line.message))
    skipped = {doc: msgs for doc, msgs in by_doc.items() if any(s == "skipped" for s, _ in msgs)}
    expected_skips = {
        "empty.txt": "file is empty",
        "blank.txt": "only whitespace",
        "report.txt": "a PDF document, not text",
        "image.txt": "a PNG image, not text",
        "noise.txt": "binary data, not text",
        "zz_copy.txt": "same text as good.txt",
        "big.txt": "over the 1 MB limit",
        "feed.jsonl#2": "is not valid JSON",
        "feed.jsonl#3": 'has no "text" field',
        "feed.jsonl#4": '"text" is a number',
        "manifest.csv#4": "names missing file missing.txt",
    }
    for doc, fragment in expected_skips.items():
        assert doc in skipped, f"{doc} was not reported as skipped: {by_doc.get(doc)}"
        assert any(fragment in msg for _, msg in skipped[doc]), (doc, skipped[doc])
    assert set(skipped) == set(expected_skips)
    assert any(d == "latin1.txt" and "11/2024" in m for d, msgs in by_doc.items() for _, m in msgs)
    kept = {"good.txt", "latin1.txt", "cp1252.txt", "utf16.txt", "crlf.txt", "page.html", "ok", "long.txt"}
    con = duckdb.connect(str(db), read_only=True)
    try:
        ingested = {r[0] for r in con.execute("SELECT doc FROM articles WHERE status = 'ingested'").fetchall()}
        stored_skips = {r[0] for r in con.execute("SELECT doc FROM articles WHERE status = 'skipped'").fetchall()}
        logged = con.execute("SELECT count(*) FROM run_log WHERE run_id = ?", [report.run_id]).fetchone()[0]
        texts = dict(con.execute("SELECT doc, text FROM articles WHERE status = 'ingested'").fetchall())
    finally:
        con.close()
    assert ingested == kept
    assert stored_skips >= set(expected_skips) - {"zz_copy.txt"}
    assert logged == len(report.lines)
    assert "Größere Schäden" in texts["latin1.txt"] and "„Wir werden kämpfen“" in texts["cp1252.txt"]
    assert "alert(1)" not in texts["page.html"]
    assert not report.ok
