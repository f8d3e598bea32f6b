"""No input makes the program touch the network: remote resources in HTML, external entities, URLs in text."""

from __future__ import annotations

import socket
from datetime import date

import pytest

from pipeline.run import ingest

HOSTILE_HTML = """<!DOCTYPE html [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil">]>
<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><script src="http://127.0.0.1:9/x.js"></script>
<meta property="article:published_time" content="2024-11-11T10:00:00Z"></head>
<body><img src="http://127.0.0.1:9/pixel.gif" onerror="fetch('http://127.0.0.1:9/')">&xxe;
<iframe src="http://127.0.0.1:9/frame"></iframe>
<p>Russland hat am Sonntag Kiew mit Drohnen angegriffen, sagte der Bürgermeister.</p></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    calls = []

    def refuse(self, address, *args, **kwargs):
        calls.append(address)
        raise OSError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return calls


def test_reliability_hostile_html_is_read_without_touching_the_network(tmp_path, no_network):
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    report = ingest([page], tmp_path / "e.duckdb", default_published=date(2024, 11, 11), workers=1)
    assert no_network == []
    assert [ln.status for ln in report.lines if ln.status != "warning"] == ["ingested"]
    import duckdb

    con = duckdb.connect(str(tmp_path / "e.duckdb"), read_only=True)
    (text,) = con.execute("SELECT text FROM articles WHERE status = 'ingested'").fetchone()
    con.close()
    assert "Drohnen angegriffen" in text
    assert "fetch(" not in text and "evil" not in text
