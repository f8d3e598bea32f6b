"""Every SQL statement of the dashboard: functions of (connection, Filters) that return small frames.

Values are always bound parameters, never formatted into SQL; the only SQL text chosen at run time comes from
closed whitelists (`PERIODS`, lane kinds). Anything that can grow with the data is either aggregated here, in
DuckDB, or cut to a limit, and the `Result` says so (`truncated`, `total`), so no page ever ships a million
rows to the browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from dashboard.filters import Filters
from pipeline import store
from pipeline.model import Event

PERIODS = {"week": "week", "month": "month"}
TIMELINE_MAX_EVENTS = 3_000
"""Above this many events the timeline shows counts per lane and period instead of single events."""
TABLE_MAX_ROWS = 5_000
TROOPS_MAX_POINTS = 5_000
LANES_MAX = 12
OTHER = "(other)"


@dataclass(frozen=True)
class Result:
    """A query's frame, and whether it is all of it."""

    frame: pd.DataFrame
    truncated: bool = False
    """True when rows were left out (cut to a limit) or replaced by counts."""
    total: int | None = None
    """How many events matched before truncation or aggregation."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Sentences for the reader about what is and is not shown."""


Con = duckdb.DuckDBPyConnection


def _df(con: Con, sql: str, params: list | None = None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


# ---------------------------------------------------------------- filtering


def expand_actors(con: Con, f: Filters) -> list[str]:
    """The actor names an actor filter matches: the chosen ones, plus (when asked) persons and institutions
    whose affiliation is one of them, so that "Russia" also finds Putin and the Kremlin."""
    names = list(f.actors)
    if f.actors and f.include_affiliated:
        rows = con.execute("SELECT name FROM actors WHERE list_contains(?::VARCHAR[], affiliation) ORDER BY name",
                           [names]).fetchall()
        names += [r[0] for r in rows if r[0] not in names]
    return names


def where(con: Con, f: Filters, alias: str = "e") -> tuple[str, list]:
    """A WHERE clause (with its parameters) selecting the events `f` matches from `events AS <alias>`."""
    e = alias
    clauses: list[str] = []
    params: list = []
    if f.actors:
        # list_filter with a lambda runs about 4x faster than list_has_any on DuckDB 2.0 (1M events: 48 vs 180 ms)
        clauses.append(f"len(list_filter({e}.actors, lambda a: list_contains(?::VARCHAR[], a))) > 0")
        params.append(expand_actors(con, f))
    if f.date_from:
        # Interval overlap: an event matches when it ends on or after the start of the range ...
        clauses.append(f"coalesce({e}.date_end, {e}.date_start) >= ?")
        params.append(f.date_from)
    if f.date_to:
        # ... and starts on or before its end.
        clauses.append(f"{e}.date_start <= ?")
        params.append(f.date_to)
    if f.types:
        clauses.append(f"list_contains(?::VARCHAR[], {e}.type)")
        params.append(list(f.types))
    if f.modalities:
        clauses.append(f"list_contains(?::VARCHAR[], {e}.modality)")
        params.append(list(f.modalities))
    if f.outlets:
        clauses.append(f"{e}.event_id IN (SELECT s.event_id FROM event_sources s JOIN articles a USING (article_id) "
                       "WHERE list_contains(?::VARCHAR[], a.source))")
        params.append(list(f.outlets))
    if f.docs:
        clauses.append(f"{e}.event_id IN (SELECT s.event_id FROM event_sources s WHERE list_contains(?::VARCHAR[], s.doc))")
        params.append(list(f.docs))
    if f.text:
        clauses.append(f"contains(lower({e}.evidence), lower(?))")
        params.append(f.text)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


# ---------------------------------------------------------------- the store as a whole


def store_summary(con: Con) -> dict:
    """Sizes, the data's date range and version: what the sidebar and the empty states need."""
    n_events, first, last = con.execute(
        "SELECT count(*), min(date_start), max(coalesce(date_end, date_start)) FROM events").fetchone()
    n_articles = con.execute("SELECT count(*) FROM articles WHERE status = 'ingested'").fetchone()[0]
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    return {"n_events": n_events, "n_articles": n_articles, "first": first, "last": last,
            "data_version": meta.get("data_version") or "unversioned", "built_at": meta.get("built_at") or "",
            "schema_version": meta.get("schema_version")}


def actor_options(con: Con) -> pd.DataFrame:
    """Every actor named in an event, with its event count, kind and affiliation (most frequent first)."""
    return _df(con, """
        WITH n AS (SELECT a AS name, count(*) AS n FROM (SELECT unnest(actors) AS a FROM events) GROUP BY a)
        SELECT n.name, n.n, coalesce(v.kind, 'unknown') AS kind, v.affiliation
        FROM n LEFT JOIN actors v USING (name)
        ORDER BY n.n DESC, n.name LIMIT 2000""")


def outlet_options(con: Con) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source").fetchall()]


def doc_options(con: Con, limit: int = 2000) -> list[str]:
    """Article file names, those with most events first (cut to `limit` so the select box stays usable)."""
    return [r[0] for r in con.execute(
        "SELECT doc FROM articles WHERE status = 'ingested' ORDER BY n_events DESC, doc LIMIT ?", [limit]).fetchall()]


# ---------------------------------------------------------------- timeline


def _lanes(con: Con, f: Filters, lane: str, w: str, p: list) -> list[str]:
    if lane == "type":
        return [r[0] for r in con.execute(f"SELECT DISTINCT type FROM events e {w} ORDER BY 1", p).fetchall()]
    if f.actors:
        return expand_actors(con, f)[:LANES_MAX]
    return [r[0] for r in con.execute(
        f"SELECT a, count(*) AS n FROM (SELECT unnest(e.actors) AS a FROM events e {w}) GROUP BY a "
        "ORDER BY n DESC, a LIMIT ?", [*p, LANES_MAX]).fetchall()]


def timeline(con: Con, f: Filters, lane: str = "actor", max_events: int = TIMELINE_MAX_EVENTS) -> Result:
    """Dated events with their swimlane (actor or type). An event with several actors appears in each of its
    lanes; actors beyond the busiest `LANES_MAX` share the lane "(other)". Above `max_events` events the frame
    holds counts per lane and week (or month, for long ranges) instead, and `truncated` is set."""
    if lane not in ("actor", "type"):
        raise ValueError(f"lane must be 'actor' or 'type', not {lane!r}")
    w, p = where(con, f)
    dated = "e.date_start IS NOT NULL"
    w_dated = f"{w} AND {dated}" if w else f"WHERE {dated}"
    total, undated, first, last = con.execute(
        f"SELECT count(*) FILTER (WHERE e.date_start IS NOT NULL), count(*) FILTER (WHERE e.date_start IS NULL), "
        f"min(e.date_start), max(coalesce(e.date_end, e.date_start)) FROM events e {w}", p).fetchone()
    notes = [f"{undated:,} undated event(s) are not on the time axis (see the Events page)."] if undated else []
    lanes = _lanes(con, f, lane, w_dated, p)
    # The lane expression stands before the WHERE clause, so its parameters come first.
    if lane == "type":
        lane_expr, lane_p = "e.type", []
    else:
        lane_expr = ("unnest(CASE WHEN list_has_any(e.actors, ?::VARCHAR[]) "
                     "THEN list_intersect(e.actors, ?::VARCHAR[]) ELSE [?] END)")
        lane_p = [lanes, lanes, OTHER]
    if total <= max_events:
        sql = f"""
            SELECT e.event_id, e.type, e.date_start, coalesce(e.date_end, e.date_start) AS date_end, e.precision,
                   e.date_text, array_to_string(e.actors, ', ') AS actors, e.modality, e.evidence, e.first_doc,
                   {lane_expr} AS lane
            FROM events e {w_dated} ORDER BY e.date_start, e.event_id"""
        frame = _df(con, sql, [*lane_p, *p])
        return Result(frame, False, total, tuple(notes))
    span_days = (last - first).days if first and last else 0
    period = "month" if span_days > 3 * 365 else "week"
    trunc = f"date_trunc('{PERIODS[period]}', e.date_start)::DATE"
    if lane == "type":
        sql = f"SELECT {trunc} AS period, e.type AS lane, count(*) AS n FROM events e {w_dated} GROUP BY ALL"
        params = p
    else:
        # Unnest, then keep the lane actors: one vectorised pass. Events of other actors are left out here
        # (an "(other)" lane would need a second full pass); the note says so.
        sql = f"""SELECT period, lane, count(*) AS n FROM (
                      SELECT {trunc} AS period, unnest(e.actors) AS lane FROM events e {w_dated})
                  WHERE list_contains(?::VARCHAR[], lane) GROUP BY ALL"""
        params = [*p, lanes]
    frame = _df(con, sql + " ORDER BY period, lane", params)
    frame["period_end"] = frame["period"] + (pd.DateOffset(months=1) if period == "month" else pd.DateOffset(weeks=1))
    notes.insert(0, f"{total:,} events are too many to draw one by one: shown as counts per {period}. "
                    f"Narrow the filters to {max_events:,} or fewer to see single events.")
    if lane == "actor" and not f.actors:
        notes.insert(1, f"Lanes: the {len(lanes)} actors with most matching events.")
    return Result(frame, True, total, tuple(notes))


def event_detail(con: Con, event_id: str) -> dict | None:
    """One event as a dict of its columns, or None."""
    frame = _df(con, """SELECT event_id, type, date_start, date_end, precision, date_basis, date_text, actors,
                               targets, location, quantity, modality, confidence, trigger, n_sources, evidence
                        FROM events WHERE event_id = ?""", [event_id])
    return None if frame.empty else frame.iloc[0].to_dict()


def event_sources(con: Con, event_id: str) -> pd.DataFrame:
    """Every source of one event: the article, its outlet and date, the sentence and its offsets."""
    return _df(con, """
        SELECT s.doc, a.title, a.source AS outlet, s.published, a.published_basis, s.sentence, s.char_start,
               s.char_end, s.article_id
        FROM event_sources s LEFT JOIN articles a USING (article_id)
        WHERE s.event_id = ? ORDER BY s.published NULLS LAST, s.doc, s.char_start""", [event_id])


def article_text(con: Con, article_id: str) -> tuple[str, str] | None:
    """(title or doc, text) of one article, or None."""
    row = con.execute("SELECT coalesce(title, doc), text FROM articles WHERE article_id = ?", [article_id]).fetchone()
    return None if row is None else (row[0], row[1] or "")


# ---------------------------------------------------------------- trends


def _period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {sorted(PERIODS)}, not {period!r}")
    return PERIODS[period]


def counts_by_type(con: Con, f: Filters, period: str = "month") -> Result:
    """Dated events per period (by start date) and type."""
    w, p = where(con, f)
    frame = _df(con, f"""
        SELECT date_trunc('{_period(period)}', e.date_start)::DATE AS period, e.type AS key, count(*) AS n
        FROM events e {w} {'AND' if w else 'WHERE'} e.date_start IS NOT NULL
        GROUP BY ALL ORDER BY period, key""", p)
    return Result(frame, total=int(frame["n"].sum()) if len(frame) else 0)


def counts_by_actor(con: Con, f: Filters, period: str = "month", top: int = 10) -> Result:
    """Dated events per period for the `top` busiest actors (an event counts for each of its actors)."""
    w, p = where(con, f)
    frame = _df(con, f"""
        WITH agg AS (SELECT date_trunc('{_period(period)}', x.date_start)::DATE AS period, x.actor, count(*) AS n
                     FROM (SELECT e.date_start, unnest(e.actors) AS actor FROM events e {w}
                           {'AND' if w else 'WHERE'} e.date_start IS NOT NULL) x GROUP BY ALL),
             ranked AS (SELECT actor, count(*) OVER () AS n_actors FROM agg GROUP BY actor
                        ORDER BY sum(n) DESC, actor LIMIT ?)
        SELECT agg.period, agg.actor AS key, agg.n, ranked.n_actors FROM agg JOIN ranked USING (actor)
        ORDER BY period, key""", [*p, top])
    n_actors = int(frame["n_actors"].iloc[0]) if len(frame) else 0
    frame = frame.drop(columns="n_actors")
    notes = (f"The {top} actors with most events of {n_actors:,}.",) if n_actors > top else ()
    return Result(frame, n_actors > top, notes=notes)


def aid_cumulative(con: Con, f: Filters, period: str = "month", top: int = 8) -> Result:
    """Aid amounts (aid_package events) per donor (the first actor, "unknown donor" when the text names none)
    and currency, summed per period and cumulated over time; the `top` donors by total amount per currency."""
    w, p = where(con, f)
    frame = _df(con, f"""
        WITH x AS (SELECT date_trunc('{_period(period)}', e.date_start)::DATE AS period, coalesce(e.actors[1], 'unknown donor') AS donor,
                          e.currency, sum(e.amount) AS amount, count(*) AS n
                   FROM events e {w} {'AND' if w else 'WHERE'} e.type = 'aid_package' AND e.amount IS NOT NULL
                        AND e.date_start IS NOT NULL
                   GROUP BY ALL),
             top AS (SELECT donor, currency FROM (SELECT donor, currency, sum(amount) AS total FROM x
                                                  GROUP BY donor, currency)
                     QUALIFY row_number() OVER (PARTITION BY currency ORDER BY total DESC, donor) <= ?)
        SELECT x.period, x.donor, coalesce(x.currency, 'unknown') AS currency, x.amount, x.n,
               sum(x.amount) OVER (PARTITION BY x.donor, x.currency ORDER BY x.period) AS cumulative
        FROM x JOIN top USING (donor, currency) ORDER BY currency, donor, period""", [*p, top])
    return Result(frame)


def troop_reports(con: Con, f: Filters, limit: int = TROOPS_MAX_POINTS, top: int = 8) -> Result:
    """Troop numbers reported by troop_deployment events: one row per event up to `limit`; beyond that the
    largest number reported per month for the `top` acting sides (`truncated`, with a note)."""
    w, p = where(con, f)
    cond = (f"{w} {'AND' if w else 'WHERE'} e.type = 'troop_deployment' AND e.troops IS NOT NULL "
            "AND e.date_start IS NOT NULL")
    total = con.execute(f"SELECT count(*) FROM events e {cond}", p).fetchone()[0]
    if total <= limit:
        frame = _df(con, f"""
            SELECT e.event_id, e.date_start, coalesce(e.actors[1], '(unknown)') AS actor, e.troops, e.location,
                   e.date_text, e.evidence, e.first_doc, 1 AS n
            FROM events e {cond} ORDER BY e.date_start, e.event_id""", p)
        return Result(frame, False, total)
    frame = _df(con, f"""
        WITH agg AS (SELECT date_trunc('month', e.date_start)::DATE AS date_start,
                            coalesce(e.actors[1], '(unknown)') AS actor, max(e.troops) AS troops, count(*) AS n
                     FROM events e {cond} GROUP BY ALL),
             top AS (SELECT actor FROM agg GROUP BY actor ORDER BY sum(n) DESC, actor LIMIT ?)
        SELECT agg.* FROM agg JOIN top USING (actor) ORDER BY date_start, actor""", [*p, top])
    note = (f"{total:,} troop reports are too many to draw one by one: shown is the largest number reported per "
            f"month by each of the {top} most frequent acting sides.")
    return Result(frame, True, total, (note,))


# ---------------------------------------------------------------- actors


def actor_type_matrix(con: Con, f: Filters, top: int = 25) -> Result:
    """Events per actor and type for the `top` busiest actors (aggregated first, then cut)."""
    w, p = where(con, f)
    frame = _df(con, f"""
        WITH agg AS (SELECT actor, type, count(*) AS n
                     FROM (SELECT unnest(e.actors) AS actor, e.type FROM events e {w}) GROUP BY ALL),
             top AS (SELECT actor FROM agg GROUP BY actor ORDER BY sum(n) DESC, actor LIMIT ?)
        SELECT actor, type, n FROM agg JOIN top USING (actor)""", [*p, top])
    return Result(frame)


def actor_target_matrix(con: Con, f: Filters, top: int = 15) -> Result:
    """Who acts on whom: events per (acting actor, target) pair, for the `top` busiest of each side."""
    w, p = where(con, f)
    frame = _df(con, f"""
        WITH agg AS (SELECT s.actor, u.target, count(*) AS n
                     FROM (SELECT unnest(e.actors) AS actor, e.targets FROM events e {w}
                           {'AND' if w else 'WHERE'} len(e.targets) > 0) s, unnest(s.targets) u(target)
                     GROUP BY ALL),
             ta AS (SELECT actor FROM agg GROUP BY actor ORDER BY sum(n) DESC, actor LIMIT ?),
             tt AS (SELECT target FROM agg GROUP BY target ORDER BY sum(n) DESC, target LIMIT ?)
        SELECT actor, target, n FROM agg JOIN ta USING (actor) JOIN tt USING (target)""", [*p, top, top])
    return Result(frame)


# ---------------------------------------------------------------- map


def places(con: Con, f: Filters) -> Result:
    """Events per known place (one row a place), with the types seen there; `total` counts events without one."""
    w, p = where(con, f)
    frame = _df(con, f"""
        WITH x AS (SELECT e.location, e.lat, e.lon, e.type, count(*) AS n FROM events e {w}
                   {'AND' if w else 'WHERE'} e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY ALL)
        SELECT location, lat, lon, sum(n)::BIGINT AS n, arg_max(type, n) AS main_type,
               string_agg(type || ': ' || n, ', ' ORDER BY n DESC, type) AS types
        FROM x GROUP BY location, lat, lon ORDER BY n DESC""", p)
    unplaced = con.execute(f"SELECT count(*) FROM events e {w} {'AND' if w else 'WHERE'} "
                           "(e.lat IS NULL OR e.lon IS NULL)", p).fetchone()[0]
    notes = (f"{unplaced:,} matching event(s) have no known place and are not on the map.",) if unplaced else ()
    return Result(frame, total=unplaced, notes=notes)


# ---------------------------------------------------------------- tables


def events_table(con: Con, f: Filters, limit: int = TABLE_MAX_ROWS) -> Result:
    """The matching events, newest first, cut to `limit` rows."""
    w, p = where(con, f)
    total = con.execute(f"SELECT count(*) FROM events e {w}", p).fetchone()[0]
    frame = _df(con, f"""
        SELECT e.event_id, e.date_start, e.date_end, e.precision, e.date_text, e.type, e.actors, e.targets,
               e.location, e.troops, e.amount, e.currency, e.killed, e.wounded, e.modality,
               round(e.confidence, 2) AS confidence, e.n_sources, e.evidence, e.first_doc
        FROM events e {w} ORDER BY e.date_start DESC NULLS LAST, e.event_id LIMIT ?""", [*p, limit])
    notes = (f"Showing the newest {limit:,} of {total:,} matching events; narrow the filters to see the rest.",) \
        if total > limit else ()
    return Result(frame, total > limit, total, notes)


def event_records(con: Con, f: Filters, limit: int = TABLE_MAX_ROWS) -> list[Event]:
    """The matching events as full records with every source (what the exports write, in the CLI's export
    contract), in the Events table's order (newest first), cut to the same `limit`."""
    w, p = where(con, f)
    return store.read_events(con, where=w, params=p, order="e.date_start DESC NULLS LAST, e.event_id", limit=limit)


def articles_table(con: Con, f: Filters, limit: int = TABLE_MAX_ROWS) -> Result:
    """Articles (ingested or skipped) of the chosen outlets/articles, published in the date range."""
    clauses, params = [], []
    if f.outlets:
        clauses.append("list_contains(?::VARCHAR[], source)")
        params.append(list(f.outlets))
    if f.docs:
        clauses.append("list_contains(?::VARCHAR[], doc)")
        params.append(list(f.docs))
    if f.date_from:
        clauses.append("published >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("published <= ?")
        params.append(f.date_to)
    w = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    total = con.execute(f"SELECT count(*) FROM articles {w}", params).fetchone()[0]
    frame = _df(con, f"""
        SELECT doc, title, source AS outlet, published, published_precision,
               published_basis = 'inferred' AS date_inferred, published_basis, status, n_events, skip_reason, path
        FROM articles {w} ORDER BY published DESC NULLS LAST, doc LIMIT ?""", [*params, limit])
    notes = (f"Showing {limit:,} of {total:,} articles.",) if total > limit else ()
    return Result(frame, total > limit, total, notes)


def skipped_inputs(con: Con, limit: int = TABLE_MAX_ROWS) -> Result:
    """Inputs that were skipped or warned about in their latest run, with the reason."""
    total = con.execute("""SELECT count(*) FROM (SELECT path, doc, arg_max(status, logged_at) AS status FROM run_log
                           GROUP BY path, doc) WHERE status IN ('skipped', 'warning')""").fetchone()[0]
    frame = _df(con, """
        SELECT * FROM (
            SELECT path, doc, arg_max(status, logged_at) AS status, arg_max(message, logged_at) AS reason,
                   max(logged_at) AS "when"
            FROM run_log GROUP BY path, doc)
        WHERE status IN ('skipped', 'warning') ORDER BY "when" DESC, path, doc LIMIT ?""", [limit])
    return Result(frame, total > limit, total, (f"Showing {limit:,} of {total:,}.",) if total > limit else ())
