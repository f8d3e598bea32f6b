"""How the dashboard holds up at a million events: server time per page, marks per chart, memory.

    .venv/bin/python benchmarks/dashboard_scale.py [--events 1000000] [--db /tmp/synth_1m.duckdb]

Two measurements, both on a synthetic store (`benchmarks/synth_events.py`, generated if missing):
1. per page, the work a filter change causes: the page's queries and chart builders plus the figure's JSON
   serialisation (what Streamlit sends), for several filter settings; with the number of marks per figure;
2. per page, a whole Streamlit script run under AppTest after changing a sidebar filter (caches warm for the
   sidebar options, cold for the page's queries: what a user waits for on the server).
Times are printed with their ratio to a baseline in the same process (one full scan of the events table);
there are no assertions: the targets (0.5 s per page, 50,000 marks per chart, 1.5 GB) are reported.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synth_events import build  # noqa: E402
from dashboard import charts, queries  # noqa: E402
from dashboard import db as db_module  # noqa: E402
from dashboard.filters import Filters  # noqa: E402

FILTERS = {
    "everything": Filters(),
    "Russia+affiliated": Filters(actors=("Russia",), include_affiliated=True),
    "2024, attacks+troops": Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31),
                                    types=("attack", "troop_deployment")),
    "evidence ~ Kursk": Filters(text="Kursk"),
    "N. Korea, 1 week": Filters(actors=("North Korea",), date_from=date(2024, 10, 1), date_to=date(2024, 10, 7),
                                types=("troop_deployment",)),
}


def timed(fn, *args):
    t0 = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - t0


def measure_functions(db: Path) -> tuple[float, list[tuple]]:
    con = db_module.open_store(str(db))  # the same connection the dashboard uses
    _, baseline = timed(lambda: con.execute("SELECT count(*), sum(length(evidence)) FROM events").fetchone())
    _, baseline = timed(lambda: con.execute("SELECT count(*), sum(length(evidence)) FROM events").fetchone())
    for name in ("actor_options", "outlet_options", "doc_options", "store_summary"):
        getattr(queries, name)(con)  # the sidebar's options: cached per file version in the app
    for page in ("timeline", "trends", "actors", "map"):  # plotly's lazy imports: once per server process
        for obj in page_work(con, Filters(types=("sanction",)), page):
            obj.to_json()
    rows = []
    for label, f in FILTERS.items():
        for page in ("timeline", "trends", "actors", "map", "events", "sources"):
            t0 = time.perf_counter()
            objs = page_work(con, f, page)
            marks = []
            for obj in objs:
                if hasattr(obj, "to_json"):
                    if hasattr(obj, "data"):  # a figure: serialise as Streamlit does
                        obj.to_json()
                        marks.append(charts.count_marks(obj))
                    else:
                        marks.append(len(obj))
            rows.append((label, page, time.perf_counter() - t0, marks))
    return baseline, rows


def page_work(con, f: Filters, page: str) -> list:
    """What one page computes on a filter change: its figures (or, for table pages, its frames)."""
    if page == "timeline":
        tl = queries.timeline(con, f, lane="actor")
        return [charts.build_timeline_counts(tl.frame) if tl.truncated else charts.build_timeline(tl.frame)]
    if page == "trends":
        return [charts.build_counts(queries.counts_by_type(con, f, "month").frame, "type", "month"),
                charts.build_counts(queries.counts_by_actor(con, f, "week").frame, "actor", "week"),
                charts.build_aid(queries.aid_cumulative(con, f, "month").frame),
                charts.build_troops(queries.troop_reports(con, f).frame)]
    if page == "actors":
        return [charts.build_actor_types(queries.actor_type_matrix(con, f).frame),
                charts.build_actor_targets(queries.actor_target_matrix(con, f).frame)]
    if page == "map":
        return [charts.build_map(queries.places(con, f).frame)]
    if page == "events":
        return [queries.events_table(con, f).frame]
    return [queries.articles_table(con, f).frame, queries.skipped_inputs(con).frame]


def measure_apptest(db: Path) -> list[tuple]:
    """Whole script runs under AppTest: open each page, then change the actor filter and time that run."""
    from streamlit.testing.v1 import AppTest

    os.environ["CT_DB"] = str(db)
    rows = []
    pages = ("app_pages/timeline.py", "app_pages/trends.py", "app_pages/actors.py", "app_pages/map.py",
             "app_pages/events.py", "app_pages/sources.py")
    for i, page in enumerate(pages):
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
        _, first = timed(at.run)
        if page != pages[0]:
            at.switch_page(page)
            _, first = timed(at.run)
        # a different actor per page, so no page finds its answer in the cache
        actor = ("Ukraine", "Germany", "France", "Poland", "Iran", "China")[i]
        at.multiselect(key="f_actors").set_value([actor])
        _, change = timed(at.run)
        at.selectbox(key="f_period").set_value("2024")
        _, period = timed(at.run)
        errors = [e.value for e in at.error] + [str(e.value) for e in at.exception]
        rows.append((page.split("/")[-1][:-3], first, change, period, "; ".join(errors)[:80]))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--skip-apptest", action="store_true")
    args = parser.parse_args(argv)
    db = args.db or Path(f"/tmp/synth_{args.events}.duckdb")
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s -> {db}")
    n = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"store: {db} ({n:,} events, {db.stat().st_size / 1e6:.0f} MB)\n")

    baseline, rows = measure_functions(db)
    print(f"baseline: one full scan of events = {baseline * 1000:.0f} ms\n")
    print("1. queries + chart builders + figure JSON per page and filter")
    print(f"{'filter':<22} {'page':<9} {'ms':>7} {'x base':>7}  marks per figure (rows for tables)")
    for label, page, seconds, marks in rows:
        print(f"{label:<22} {page:<9} {seconds * 1000:7.0f} {seconds / baseline:7.1f}  {marks}")
    worst = max(rows, key=lambda r: r[2])
    most = max((m, r[0], r[1]) for r in rows for m in r[3] if r[1] not in ("events", "sources"))
    print(f"\nslowest: {worst[1]} with '{worst[0]}' {worst[2] * 1000:.0f} ms (target 500 ms); "
          f"most marks in one chart: {most[0]:,} ({most[2]}, '{most[1]}'; target 50,000)")

    if not args.skip_apptest:
        print("\n2. whole Streamlit runs (AppTest): open page, change actor, change period")
        print(f"{'page':<10} {'open ms':>8} {'actor ms':>9} {'period ms':>10}  errors")
        for page, first, change, period, errors in measure_apptest(db):
            print(f"{page:<10} {first * 1000:8.0f} {change * 1000:9.0f} {period * 1000:10.0f}  {errors or '-'}")

    rss = psutil.Process().memory_info().rss / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nmemory: RSS now {rss:.0f} MB, peak {peak:.0f} MB (target 1,536 MB)")


if __name__ == "__main__":
    main()
