"""A synthetic event store with the real schema, for developing and load-testing the dashboard.

    .venv/bin/python benchmarks/synth_events.py --events 1000000 --out /tmp/synth.duckdb

Everything is generated inside DuckDB with SQL (`range()` and `hash()`), so a million events take seconds and
the same arguments always give the same database. Texts are German with umlauts and typographic quotes so that
rendering problems show up.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import duckdb

from pipeline import store

ACTORS = (
    # name, kind, affiliation
    ("Russia", "state", None),
    ("Ukraine", "state", None),
    ("United States", "state", None),
    ("Germany", "state", None),
    ("France", "state", None),
    ("United Kingdom", "state", None),
    ("Poland", "state", None),
    ("North Korea", "state", None),
    ("China", "state", None),
    ("Iran", "state", None),
    ("Belarus", "state", None),
    ("European Union", "organisation", None),
    ("NATO", "organisation", None),
    ("Vladimir Putin", "person", "Russia"),
    ("Kremlin", "organisation", "Russia"),
    ("Sergei Lavrov", "person", "Russia"),
    ("Wagner Group", "group", "Russia"),
    ("Volodymyr Zelensky", "person", "Ukraine"),
    ("Olaf Scholz", "person", "Germany"),
    ("Boris Pistorius", "person", "Germany"),
    ("Joe Biden", "person", "United States"),
    ("Kim Jong Un", "person", "North Korea"),
    ("Emmanuel Macron", "person", "France"),
)
PLACES = (
    ("Kyiv", "city", "Ukraine", 50.45, 30.52),
    ("Kharkiv", "city", "Ukraine", 49.99, 36.23),
    ("Odesa", "city", "Ukraine", 46.48, 30.72),
    ("Kursk", "region", "Russia", 51.73, 36.19),
    ("Bakhmut", "city", "Ukraine", 48.59, 38.00),
    ("Awdijiwka", "city", "Ukraine", 48.14, 37.74),
    ("Mariupol", "city", "Ukraine", 47.10, 37.55),
    ("Saporischschja", "city", "Ukraine", 47.84, 35.14),
    ("Moscow", "city", "Russia", 55.76, 37.62),
    ("Berlin", "city", "Germany", 52.52, 13.40),
    ("Brussels", "city", "Belgium", 50.85, 4.35),
    ("Washington", "city", "United States", 38.91, -77.04),
    ("Pyongyang", "city", "North Korea", 39.04, 125.76),
    ("Crimea", "region", "Ukraine", 45.30, 34.40),
    ("Donetsk", "city", "Ukraine", 48.02, 37.80),
    ("Lviv", "city", "Ukraine", 49.84, 24.03),
    ("Belgorod", "city", "Russia", 50.60, 36.59),
    ("Cherson", "city", "Ukraine", 46.64, 32.61),
    ("Dnipro", "city", "Ukraine", 48.46, 35.05),
    ("Warsaw", "city", "Poland", 52.23, 21.01),
)
OUTLETS = ("taz", "Spiegel", "Süddeutsche Zeitung", "FAZ", "Zeit", "tagesschau", "Deutsche Welle", "Der Standard")
SENTENCES = (
    "Laut Berichten schickt {a} weitere Truppen nach {p} – „eine gefährliche Eskalation“, heißt es.",
    "{a} kündigte ein neues Hilfspaket für die Ukraine an; die Größenordnung überraschte Beobachter.",
    "Bei einem Angriff auf {p} wurden nach ukrainischen Angaben mehrere Menschen getötet.",
    "{a} äußerte sich am Abend zur Lage in {p} und forderte „sofortige Gespräche“.",
    "Die Außenminister trafen sich in {p}, um über Sanktionen gegen {t} zu beraten.",
    "{a} verhängte weitere Sanktionen gegen {t}, darunter Exportbeschränkungen für Güter.",
    "Das Kabinett beschloss in {p} eine Änderung der Rüstungsexportregeln für {t}.",
    "Nach schweren Gefechten übernahm {a} die Kontrolle über Teile von {p}, so der Lagebericht.",
)
TYPES = (
    "troop_deployment",
    "aid_package",
    "attack",
    "statement",
    "diplomacy",
    "sanction",
    "policy_decision",
    "territorial_change",
)


def _values(rows: tuple[tuple, ...]) -> tuple[str, list]:
    """A VALUES list with one placeholder per cell, and the flat parameters."""
    marks = ", ".join("(" + ", ".join("?" for _ in row) + ")" for row in rows)
    return marks, [v for row in rows for v in row]


def build(path: Path, n_events: int, *, start: str = "2022-02-24", days: int = 1350) -> None:
    """Write a synthetic store with `n_events` events to `path` (replaced if it exists)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    store.ensure_schema(con)  # the tables and schema_version, exactly as the pipeline writes them
    marks, params = _values(tuple((*a, None, True) for a in ACTORS))
    con.execute(f"INSERT INTO actors VALUES {marks}", params)
    marks, params = _values(PLACES)
    con.execute(f"INSERT INTO places VALUES {marks}", params)
    # hash() is UBIGINT: halve it into BIGINT so list indexing and date arithmetic take it.
    con.execute("CREATE TEMP MACRO h(i, salt) AS (hash(i, salt) >> 1)::BIGINT")
    n_articles = max(1, n_events // 20)
    con.execute("CREATE TEMP TABLE k AS SELECT ? AS n_ev, ? AS n_art, ?::DATE AS d0, ? AS days",
                [n_events, n_articles, start, days])
    con.execute("CREATE TEMP TABLE lists AS SELECT ?::VARCHAR[] AS actors, ?::VARCHAR[] AS outlets, "
                "?::VARCHAR[] AS sentences, ?::VARCHAR[] AS types, ?::VARCHAR[] AS places",
                [[a[0] for a in ACTORS], list(OUTLETS), list(SENTENCES), list(TYPES), [p[0] for p in PLACES]])
    con.execute("""
        INSERT INTO articles (article_id, doc, path, title, source, url, published, published_precision,
                              published_basis, content_hash, encoding, status, skip_reason, text, n_events,
                              ingested_at)
        SELECT printf('%016x', h(i, 'article')) AS article_id,
               printf('%06d_synth.txt', i) AS doc, printf('synth/%06d_synth.txt', i) AS path,
               printf('Lagebericht Nr. %d: Überblick über die Entwicklungen', i) AS title,
               l.outlets[1 + h(i, 'outlet') % len(l.outlets)] AS source, NULL AS url,
               k.d0 + (h(i, 'pub') % k.days)::INTEGER AS published,
               'day', CASE WHEN h(i, 'basis') % 10 = 0 THEN 'inferred' ELSE 'manifest' END,
               printf('%064x', h(i, 'content')), 'utf-8',
               CASE WHEN i % 97 = 0 THEN 'skipped' ELSE 'ingested' END,
               CASE WHEN i % 97 = 0 THEN 'empty file: nothing to read; remove it or add the text' END,
               CASE WHEN i % 97 = 0 THEN NULL ELSE
                 'Kiew/Moskau (dpa) – Die Lage bleibt angespannt. '
                 || replace(replace(replace(l.sentences[1 + i % 8], '{a}', 'Russland'), '{p}', 'Charkiw'), '{t}', 'Polen')
                 || ' Weitere Einzelheiten wurden zunächst nicht bekannt; „Wir prüfen das“, sagte ein Sprecher.' END,
               0, now()::TIMESTAMP
        FROM range(?) t(i), k, lists l
    """, [n_articles])
    con.execute("""
        CREATE TEMP TABLE ev AS
        SELECT i,
               h(i, 'type') % 8 AS ti,
               h(i, 'prec') % 100 AS pr,
               k.d0 + (h(i, 'date') % k.days)::INTEGER AS d,
               1 + h(i, 'a1') % len(l.actors) AS a1,
               1 + h(i, 'a2') % len(l.actors) AS a2,
               1 + h(i, 't1') % len(l.actors) AS t1,
               h(i, 'place') % (len(l.places) + 6) AS pi,
               (i * 7919) % k.n_art AS art
        FROM range(?) t(i), k, lists l
    """, [n_events])
    con.execute("""
        INSERT INTO events
        SELECT printf('ev%08d', e.i) AS event_id,
               l.types[1 + e.ti] AS type,
               CASE WHEN e.pr < 3 THEN NULL WHEN e.pr < 65 THEN e.d WHEN e.pr < 70 THEN date_trunc('week', e.d)
                    WHEN e.pr < 90 THEN date_trunc('month', e.d) WHEN e.pr < 95 THEN date_trunc('quarter', e.d)
                    ELSE date_trunc('year', e.d) END::DATE AS date_start,
               CASE WHEN e.pr < 3 THEN NULL WHEN e.pr < 65 THEN e.d
                    WHEN e.pr < 70 THEN date_trunc('week', e.d) + INTERVAL 6 DAY
                    WHEN e.pr < 90 THEN last_day(e.d)
                    WHEN e.pr < 95 THEN date_trunc('quarter', e.d) + INTERVAL 3 MONTH - INTERVAL 1 DAY
                    ELSE date_trunc('year', e.d) + INTERVAL 1 YEAR - INTERVAL 1 DAY END::DATE AS date_end,
               CASE WHEN e.pr < 3 THEN 'unknown' WHEN e.pr < 65 THEN 'day' WHEN e.pr < 70 THEN 'week'
                    WHEN e.pr < 90 THEN 'month' WHEN e.pr < 95 THEN 'quarter' ELSE 'year' END AS precision,
               CASE WHEN e.pr % 4 = 0 THEN 'publication' ELSE 'text' END AS date_basis,
               CASE WHEN e.pr < 3 THEN NULL WHEN e.pr < 65 THEN 'am ' || strftime(e.d, '%d.%m.%Y')
                    WHEN e.pr < 70 THEN 'in der Woche' WHEN e.pr < 90 THEN 'im ' || strftime(e.d, '%B')
                    WHEN e.pr < 95 THEN 'im Frühjahr' ELSE 'im Jahr ' || year(e.d) END AS date_text,
               NULL AS date_value,
               CASE WHEN e.a1 = e.a2 OR e.i % 3 > 0 THEN [l.actors[e.a1]] ELSE [l.actors[e.a1], l.actors[e.a2]] END,
               CASE WHEN e.i % 4 = 0 THEN [] ELSE [l.actors[e.t1]] END AS targets,
               CASE WHEN e.pi < len(l.places) THEN l.places[1 + e.pi] END AS location,
               p.lat, p.lon,
               CASE e.ti WHEN 0 THEN json_object('troops', 1000 * (1 + h(e.i, 'q') % 50))
                         WHEN 1 THEN json_object('amount', 1e6 * (1 + h(e.i, 'q') % 900),
                                                 'currency', CASE WHEN e.i % 3 = 0 THEN 'USD' ELSE 'EUR' END)
                         WHEN 2 THEN json_object('killed', h(e.i, 'q') % 40)
                         ELSE '{}'::JSON END AS quantity,
               CASE WHEN e.ti = 0 THEN 1000 * (1 + h(e.i, 'q') % 50) END AS troops,
               CASE WHEN e.ti = 1 THEN 1e6 * (1 + h(e.i, 'q') % 900) END AS amount,
               CASE WHEN e.ti = 1 THEN CASE WHEN e.i % 3 = 0 THEN 'USD' ELSE 'EUR' END END AS currency,
               CASE WHEN e.ti = 2 THEN h(e.i, 'q') % 40 END AS killed,
               NULL AS wounded,
               ['asserted', 'asserted', 'asserted', 'planned', 'claimed', 'denied'][1 + e.i % 6] AS modality,
               0.5 + (h(e.i, 'conf') % 50) / 100.0 AS confidence,
               'schickt' AS trigger,
               1 + (e.i % 5 = 0)::INTEGER AS n_sources,
               replace(replace(replace(l.sentences[1 + e.ti], '{a}', l.actors[e.a1]),
                               '{p}', coalesce(l.places[1 + e.pi], 'der Region')), '{t}', l.actors[e.t1]) AS evidence,
               printf('%06d_synth.txt', e.art) AS first_doc
        FROM ev e, lists l
        LEFT JOIN places p ON p.name = l.places[1 + e.pi]
    """)
    con.execute("""
        INSERT INTO event_sources
        SELECT printf('ev%08d', e.i), printf('m%08d_%d', e.i, s), printf('%016x', h(e.art + s, 'article')),
               printf('%06d_synth.txt', e.art + s), ev.evidence, 48, 48 + length(ev.evidence),
               k.d0 + (h(e.art + s, 'pub') % k.days)::INTEGER, ev.quantity
        FROM ev e JOIN events ev ON ev.event_id = printf('ev%08d', e.i), k, range(2) r(s)
        WHERE s < ev.n_sources AND e.art + s < k.n_art
    """)
    con.execute("""
        UPDATE articles SET n_events = c.n FROM
        (SELECT article_id, count(*) AS n FROM event_sources GROUP BY ALL) c
        WHERE articles.article_id = c.article_id
    """)
    con.execute("""
        INSERT INTO run_log
        SELECT 'synth', now()::TIMESTAMP, path, doc,
               CASE status WHEN 'skipped' THEN 'skipped' ELSE 'ingested' END,
               coalesce(skip_reason, 'ingested'), n_events
        FROM articles
    """)
    store.set_meta(con, "data_version", f"synth-{n_events}")
    store.set_meta(con, "built_at", time.strftime("%Y-%m-%dT%H:%M:%S"))
    con.execute("CHECKPOINT")
    con.close()
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/synth_events.duckdb"))
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    build(args.out, args.events)
    print(f"wrote {args.events:,} events to {args.out} in {time.perf_counter() - t0:.1f} s "
          f"({args.out.stat().st_size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
