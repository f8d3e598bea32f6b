"""A small event store with the real schema, for the dashboard's tests (built by SQL in a temp folder)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb

from pipeline import store

EVIL = ('Kiew (dpa) – Ein Test. <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
        "[click](http://evil.example) Nordkorea schickt Soldaten nach Kursk. Danach „Ruhe“ in Kiew, sagt ein Sprecher.")
EVIL_SENTENCE = "Nordkorea schickt Soldaten nach Kursk."

ARTICLES = (
    # article_id, doc, title, source, published, basis, text
    ("a1", "001_taz.txt", "Truppen für Russland", "taz", date(2024, 10, 20), "manifest",
     "Berlin (taz) – Nordkorea hat nach Angaben Südkoreas etwa 11.000 Soldaten nach Russland geschickt. "
     "Putin äußerte sich dazu nicht. Die Bundesregierung kündigte ein Hilfspaket über 500 Millionen Euro an."),
    ("a2", "002_spiegel.txt", "Angriff auf Charkiw", "Spiegel", date(2024, 11, 3), "inferred",
     "Russland griff in der Nacht zum Sonntag Charkiw an. Der Kreml sprach von „präzisen Schlägen“."),
    ("a3", "003_evil.txt", "<b>Böse</b> Überschrift", "=cmd|' /C calc'!A0", date(2024, 12, 1), "manifest", EVIL),
)
EVENTS = (
    # event_id, type, start, end, precision, date_text, actors, targets, location, lat, lon, troops, amount,
    # currency, modality, evidence, first_doc, article_id
    ("e1", "troop_deployment", date(2024, 10, 18), date(2024, 10, 18), "day", "am Freitag", ["North Korea"],
     ["Russia"], "Kursk", 51.73, 36.19, 11000.0, None, None, "asserted",
     "Nordkorea hat nach Angaben Südkoreas etwa 11.000 Soldaten nach Russland geschickt.", "001_taz.txt", "a1"),
    ("e2", "aid_package", date(2024, 10, 1), date(2024, 10, 31), "month", "im Oktober", ["Germany"], ["Ukraine"],
     "Berlin", 52.52, 13.40, None, 500e6, "EUR", "planned",
     "Die Bundesregierung kündigte ein Hilfspaket über 500 Millionen Euro an.", "001_taz.txt", "a1"),
    ("e3", "attack", date(2024, 11, 3), date(2024, 11, 3), "day", "in der Nacht zum Sonntag", ["Russia"],
     ["Ukraine"], "Kharkiv", 49.99, 36.23, None, None, None, "asserted",
     "Russland griff in der Nacht zum Sonntag Charkiw an.", "002_spiegel.txt", "a2"),
    ("e4", "statement", date(2024, 11, 3), date(2024, 11, 3), "day", None, ["Kremlin"], [], None, None, None,
     None, None, None, "claimed", "Der Kreml sprach von „präzisen Schlägen“.", "002_spiegel.txt", "a2"),
    ("e5", "troop_deployment", date(2024, 12, 1), date(2024, 12, 1), "day", None, ["North Korea"], [], "Kursk",
     51.73, 36.19, None, None, None, "asserted", EVIL_SENTENCE, "003_evil.txt", "a3"),
    ("e6", "statement", date(2022, 2, 24), date(2022, 2, 24), "day", "am 24. Februar 2022", ["Vladimir Putin"],
     ["Ukraine"], "Moscow", 55.76, 37.62, None, None, None, "asserted", "Putin äußerte sich dazu nicht.",
     "001_taz.txt", "a1"),
    ("e7", "diplomacy", None, None, "unknown", None, ["France"], [], None, None, None, None, None, None,
     "speculative", "=HYPERLINK(\"http://evil.example\")", "002_spiegel.txt", "a2"),
)
ACTORS = (("Russia", "state", None), ("Ukraine", "state", None), ("North Korea", "state", None),
          ("Germany", "state", None), ("France", "state", None), ("Kremlin", "organisation", "Russia"),
          ("Vladimir Putin", "person", "Russia"))


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    store.ensure_schema(con)
    store.set_meta(con, "data_version", "fixture-1")
    store.set_meta(con, "built_at", "2024-12-31T12:00:00")


def build(path: Path, events: tuple = EVENTS, articles: tuple = ARTICLES) -> Path:
    """Write the fixture store to `path` and return it."""
    con = duckdb.connect(str(path))
    create_schema(con)
    for a_id, doc, title, source, published, basis, text in articles:
        n = sum(1 for e in events if e[-1] == a_id)
        con.execute("""INSERT INTO articles (article_id, doc, path, title, source, published, published_precision,
                       published_basis, content_hash, status, text, n_events, ingested_at)
                       VALUES (?, ?, ?, ?, ?, ?, 'day', ?, ?, 'ingested', ?, ?, now()::TIMESTAMP)""",
                    [a_id, doc, f"seeds/{doc}", title, source, published, basis, a_id * 8, text, n])
    con.execute("""INSERT INTO articles (article_id, doc, path, published_precision, published_basis, content_hash,
                   status, skip_reason, ingested_at) VALUES ('s1', 'leer.txt', 'seeds/leer.txt', 'unknown',
                   'unknown', 'x', 'skipped', 'leere Datei: nichts zu lesen', now()::TIMESTAMP)""")
    con.execute("""INSERT INTO run_log VALUES ('r1', now()::TIMESTAMP, 'seeds/leer.txt', 'leer.txt', 'skipped',
                   'leere Datei: nichts zu lesen', 0)""")
    texts = {a[0]: a[6] for a in articles}
    for (e_id, typ, start, end, prec, dtext, actors, targets, loc, lat, lon, troops, amount, cur, modality,
         evidence, doc, a_id) in events:
        quantity = {k: v for k, v in (("troops", troops), ("amount", amount), ("currency", cur)) if v}
        con.execute("""INSERT INTO events VALUES (?, ?, ?, ?, ?, 'text', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL,
                       NULL, ?, 0.8, 'schickt', 1, ?, ?)""",
                    [e_id, typ, start, end, prec, dtext, actors, targets, loc, lat, lon, json.dumps(quantity), troops,
                     amount, cur, modality, evidence, doc])
        text = texts.get(a_id, "")
        at = text.find(evidence)
        con.execute("INSERT INTO event_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [e_id, "m" + e_id, a_id, doc, evidence, max(at, 0), max(at, 0) + len(evidence),
                     next(a[4] for a in articles if a[0] == a_id), json.dumps(quantity)])
    for name, kind, affiliation in ACTORS:
        con.execute("INSERT INTO actors VALUES (?, ?, ?, NULL, TRUE)", [name, kind, affiliation])
    con.execute("INSERT INTO places VALUES ('Kursk', 'region', 'Russia', 51.73, 36.19), "
                "('Kharkiv', 'city', 'Ukraine', 49.99, 36.23)")
    con.close()
    return path


def build_empty(path: Path) -> Path:
    """A store with the schema and no events."""
    con = duckdb.connect(str(path))
    create_schema(con)
    con.close()
    return path
