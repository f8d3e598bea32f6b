"""The only module that touches DuckDB for writing and reading the event store.

Crash safety: a write never modifies the live file. `writing(db)` copies it to a temporary file beside it,
yields a connection to the copy, and on success checkpoints, fsyncs and atomically renames the copy over the
live file. A process killed at any point leaves the previous file intact; a leftover copy is removed by the next
writer. One writer at a time: an exclusive lock file serialises writers (two uploads at once both land, one after
the other); readers (the dashboard) open the live file read-only and are never blocked.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from pipeline.errors import StoreError
from pipeline.model import Article, Event, Skipped, Source
from pipeline.schema import DDL, SCHEMA_VERSION

_TMP_MARK = ".tmp-"


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_leftovers(db: Path) -> None:
    for leftover in db.parent.glob(f".{db.name}{_TMP_MARK}*"):
        leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def exclusive(db_path: str | os.PathLike) -> Iterator[Path]:
    """Hold the store's writer lock (one writer at a time; readers are never blocked).

    Raises:
        StoreError: the folder for the database cannot be created.
    """
    db = Path(db_path)
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for the database {db}: {exc.strerror}; pass --db with a writable path") from None
    with open(db.parent / f".{db.name}.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            _remove_leftovers(db)
            yield db
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def write_copy(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the store, swapped in atomically when the block ends without error.

    The caller holds `exclusive(db)`.

    Raises:
        StoreError: the existing file is not a DuckDB store of this schema.
    """
    tmp = db.parent / f".{db.name}{_TMP_MARK}{os.getpid()}"
    if db.exists():
        shutil.copy2(db, tmp)
    try:
        con = _connect(tmp, db)
        try:
            ensure_schema(con)
            yield con
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _fsync_path(tmp)
        os.replace(tmp, db)
        _fsync_path(db.parent)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


@contextlib.contextmanager
def writing(db_path: str | os.PathLike) -> Iterator[duckdb.DuckDBPyConnection]:
    """`exclusive` and `write_copy` together: lock, write a copy, swap it in."""
    with exclusive(db_path) as db, write_copy(db) as con:
        yield con


def _connect(path: Path, shown: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{shown} is not a usable DuckDB database ({exc}); move it away and ingest again") from None


def connect_read(db_path: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the live store.

    Raises:
        StoreError: the file does not exist or is not a store of this schema.
    """
    db = Path(db_path)
    if not db.exists():
        raise StoreError(f"no event database at {db}; build it with `conflict-timeline ingest seeds --db {db}` or `make run`")
    con = _connect(db, db, read_only=True)
    version = get_meta(con, "schema_version")
    if version != str(SCHEMA_VERSION):
        con.close()
        raise StoreError(f"{db} has schema version {version}, this program needs {SCHEMA_VERSION}; rebuild it with `conflict-timeline ingest`")
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in DDL:
        con.execute(ddl)
    version = get_meta(con, "schema_version")
    if version is None:
        set_meta(con, "schema_version", str(SCHEMA_VERSION))
    elif version != str(SCHEMA_VERSION):
        raise StoreError(f"the database has schema version {version}, this program writes {SCHEMA_VERSION}; move it away and ingest again")


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """The value stored under `key` in the meta table, or None (also when there is no meta table yet)."""
    try:
        rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    except duckdb.CatalogException:
        return None
    return rows[0][0] if rows else None


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def now() -> datetime:
    """UTC now without time zone (DuckDB TIMESTAMP)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


# ---------------------------------------------------------------- bulk insert


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], rows: list) -> None:
    """Insert rows (tuples in `columns` order) in one statement: each column is bound as one list and unnested
    by DuckDB, so there are no per-row round trips (and no Arrow table, whose construction imports pandas). The
    column types are the table's own (pipeline/schema.py), read from the catalog."""
    if not rows:
        return
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?",
                             [table]).fetchall())
    values = [list(col) for col in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?::{types[name]}[]) AS {name}" for name in columns)
    con.execute(f"INSERT INTO {table} BY NAME SELECT {select}", values)


ARTICLE_COLUMNS = (
    "article_id", "doc", "path", "title", "source", "url", "published", "published_precision", "published_basis",
    "content_hash", "encoding", "status", "skip_reason", "text", "body_start", "furniture", "n_events", "ingested_at",
)
MENTION_COLUMNS = (
    "mention_id", "article_id", "doc", "type", "date_start", "date_end", "precision", "date_basis", "date_text",
    "date_value", "actors", "targets", "location", "quantity", "modality", "confidence", "trigger", "sentence",
    "char_start", "char_end", "published",
)
EVENT_COLUMNS = (
    "event_id", "type", "date_start", "date_end", "precision", "date_basis", "date_text", "date_value", "actors",
    "targets", "location", "lat", "lon", "quantity", "troops", "amount", "currency", "killed", "wounded", "modality",
    "confidence", "trigger", "n_sources", "evidence", "first_doc",
)
SOURCE_COLUMNS = (
    "event_id", "mention_id", "article_id", "doc", "sentence", "char_start", "char_end", "published", "quantity",
)
ACTOR_COLUMNS = ("name", "kind", "affiliation", "wikidata", "in_vocabulary")
PLACE_COLUMNS = ("name", "kind", "country", "lat", "lon")
RUN_LOG_COLUMNS = ("run_id", "logged_at", "path", "doc", "status", "message", "n_events")


# ---------------------------------------------------------------- articles


def input_state(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], dict]:
    """What the store knows of each input, keyed by (path, doc)."""
    cur = con.execute(
        "SELECT path, doc, article_id, content_hash, status, published, published_precision, source FROM articles"
    )
    names = [d[0] for d in cur.description]
    return {(r[0], r[1]): dict(zip(names, r, strict=True)) for r in cur.fetchall()}


def delete_inputs(con: duckdb.DuckDBPyConnection, keys: Iterable[tuple[str, str]]) -> None:
    """Remove the inputs' article rows and their mentions (a changed file replaces its old events)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return
    keys_sql = "(SELECT unnest(?::VARCHAR[]) AS path, unnest(?::VARCHAR[]) AS doc)"
    params = [[k[0] for k in keys], [k[1] for k in keys]]
    con.execute("DELETE FROM mentions WHERE article_id IN "
                f"(SELECT a.article_id FROM articles a JOIN {keys_sql} k ON a.path = k.path AND a.doc = k.doc)", params)
    con.execute(f"DELETE FROM articles WHERE (path, doc) IN {keys_sql}", params)


def insert_articles(con: duckdb.DuckDBPyConnection, extracted: Iterable[tuple[Article, list[Event]]]) -> None:
    """Insert articles with their mentions (their old rows must be deleted first)."""
    at = now()
    articles, mentions = [], []
    for a, ms in extracted:
        articles.append((
            a.article_id, a.doc, a.path, a.title, a.source, a.url, a.published, a.published_precision,
            a.published_basis, a.content_hash, a.encoding, "ingested", None, a.text, a.body_start,
            json.dumps([list(r) for r in a.furniture]), len(ms), at,
        ))
        mentions.extend(_mention_row(m) for m in ms)
    _insert(con, "articles", ARTICLE_COLUMNS, articles)
    _insert(con, "mentions", MENTION_COLUMNS, mentions)


def insert_skipped(con: duckdb.DuckDBPyConnection, skipped: Iterable[tuple[Skipped, str]]) -> None:
    """Record inputs that could not be read, with their reasons (their old rows must be deleted first)."""
    at = now()
    rows = [(skip_id, s.doc, s.path, None, None, None, None, "unknown", "unknown", "", None, "skipped", s.reason,
             None, 0, None, 0, at) for s, skip_id in skipped]
    _insert(con, "articles", ARTICLE_COLUMNS, rows)


def _mention_row(m: Event) -> tuple:
    s = m.sources[0]
    return (
        m.event_id, s.article_id, s.doc, m.type, m.date_start, m.date_end, m.precision, m.date_basis,
        m.date_text, m.date_value, list(m.actors), list(m.targets), m.location, json.dumps(m.quantity, sort_keys=True),
        m.modality, float(m.confidence), m.trigger, s.sentence, s.char_start, s.char_end, s.published,
    )


def ingested_articles(con: duckdb.DuckDBPyConnection) -> list[Article]:
    """Every ingested article, rebuilt from the store (to re-extract after a pipeline change)."""
    cur = con.execute(
        "SELECT article_id, doc, path, text, content_hash, title, published, published_precision, published_basis, "
        "source, url, encoding, body_start, furniture FROM articles WHERE status = 'ingested' ORDER BY path, doc"
    )
    return [
        Article(article_id=r[0], doc=r[1], path=r[2], text=r[3], content_hash=r[4], title=r[5], published=r[6],
                published_precision=r[7], published_basis=r[8], source=r[9], url=r[10], encoding=r[11] or "utf-8",
                body_start=r[12] or 0, furniture=tuple(tuple(x) for x in json.loads(r[13] or "[]")))
        for r in cur.fetchall()
    ]


def read_mentions(con: duckdb.DuckDBPyConnection) -> list[Event]:
    """Every stored mention as a one-source Event, in a deterministic order."""
    rows = con.execute(
        "SELECT mention_id, article_id, doc, type, date_start, date_end, precision, date_basis, date_text, date_value, "
        "actors, targets, location, quantity, modality, confidence, trigger, sentence, char_start, char_end, published "
        "FROM mentions ORDER BY mention_id"
    ).fetchall()
    out = []
    for r in rows:
        quantity = json.loads(r[13]) if r[13] else {}
        source = Source(article_id=r[1], doc=r[2], sentence=r[17], char_start=r[18], char_end=r[19],
                        published=r[20], quantity=quantity)
        out.append(Event(event_id=r[0], type=r[3], date_start=r[4], date_end=r[5], precision=r[6], date_basis=r[7],
                         date_text=r[8], date_value=r[9], actors=tuple(r[10]), targets=tuple(r[11]), location=r[12],
                         quantity=quantity, modality=r[14], confidence=r[15], trigger=r[16] or "", sources=(source,)))
    return out


# ---------------------------------------------------------------- events


def _scalar(value):
    """First number of a quantity value (a list where sources disagree) for the flat chart columns."""
    if isinstance(value, list):
        value = value[0] if value else None
    return float(value) if isinstance(value, (int, float)) else None


def replace_events(con: duckdb.DuckDBPyConnection, events: Iterable[Event], places: dict[str, tuple[float, float]],
                   mention_ids: dict[tuple[str, int, int, str], str]) -> int:
    """Replace the merged events and their sources. Returns the number of events written."""
    con.execute("DELETE FROM event_sources")
    con.execute("DELETE FROM events")
    ev_rows, src_rows = [], []
    for e in events:
        lat, lon = places.get(e.location or "", (None, None))
        q = e.quantity
        currency = q.get("currency")
        if isinstance(currency, list):
            currency = currency[0]
        ev_rows.append((
            e.event_id, e.type, e.date_start, e.date_end, e.precision, e.date_basis, e.date_text, e.date_value,
            list(e.actors), list(e.targets), e.location, lat, lon, json.dumps(q, sort_keys=True),
            _scalar(q.get("troops")), _scalar(q.get("amount")), currency, _scalar(q.get("killed")),
            _scalar(q.get("wounded")), e.modality, float(e.confidence), e.trigger, len(e.sources),
            e.sources[0].sentence, e.sources[0].doc,
        ))
        for s in e.sources:
            mid = mention_ids.get((s.article_id, s.char_start, s.char_end, e.type), "")
            src_rows.append((e.event_id, mid, s.article_id, s.doc, s.sentence, s.char_start, s.char_end, s.published,
                             json.dumps(s.quantity, sort_keys=True)))
    _insert(con, "events", EVENT_COLUMNS, ev_rows)
    _insert(con, "event_sources", SOURCE_COLUMNS, src_rows)
    return len(ev_rows)


def replace_vocabulary(con: duckdb.DuckDBPyConnection, actors: list[dict], places: list[dict]) -> None:
    con.execute("DELETE FROM actors")
    con.execute("DELETE FROM places")
    actor_rows = {a["name"]: (a["name"], a.get("kind") or "organisation", a.get("affiliation"), a.get("wikidata"),
                              bool(a.get("in_vocabulary", True))) for a in actors}
    place_rows = {p["name"]: (p["name"], p.get("kind"), p.get("country"), p.get("lat"), p.get("lon")) for p in places}
    _insert(con, "actors", ACTOR_COLUMNS, list(actor_rows.values()))
    _insert(con, "places", PLACE_COLUMNS, list(place_rows.values()))


def log_run(con: duckdb.DuckDBPyConnection, run_id: str, lines: Iterable) -> None:
    at = now()
    _insert(con, "run_log", RUN_LOG_COLUMNS, [(run_id, at, ln.path, ln.doc, ln.status, ln.message, ln.n_events) for ln in lines])


def read_events(con: duckdb.DuckDBPyConnection, where: str = "", params=(),
                order: str = "date_start NULLS LAST, event_id", limit: int | None = None) -> list[Event]:
    """The merged events with all their sources, ordered by date then id (for export).

    `where` ("WHERE ..." over `events e`, with `params`), `order` and `limit` select a subset (the dashboard's
    exports); then only the selected events' sources are read."""
    args = list(params)
    tail = ""
    if limit is not None:
        tail = " LIMIT ?"
        args.append(limit)
    rows = con.execute(
        "SELECT event_id, type, date_start, date_end, precision, date_basis, date_text, date_value, actors, targets, "
        f"location, quantity, modality, confidence, trigger FROM events e {where} ORDER BY {order}{tail}", args
    ).fetchall()
    if where or limit is not None:
        src_sql = ("SELECT event_id, article_id, doc, sentence, char_start, char_end, published, quantity "
                   "FROM event_sources WHERE list_contains(?::VARCHAR[], event_id) "
                   "ORDER BY event_id, published NULLS LAST, doc, char_start")
        src_args = [[r[0] for r in rows]]
    else:
        src_sql = ("SELECT event_id, article_id, doc, sentence, char_start, char_end, published, quantity "
                   "FROM event_sources ORDER BY event_id, published NULLS LAST, doc, char_start")
        src_args = []
    sources: dict[str, list[Source]] = {}
    for r in con.execute(src_sql, src_args).fetchall():
        sources.setdefault(r[0], []).append(
            Source(article_id=r[1], doc=r[2], sentence=r[3], char_start=r[4], char_end=r[5], published=r[6],
                   quantity=json.loads(r[7]) if r[7] else {}))
    return [Event(event_id=r[0], type=r[1], date_start=r[2], date_end=r[3], precision=r[4], date_basis=r[5],
                  date_text=r[6], date_value=r[7], actors=tuple(r[8]), targets=tuple(r[9]), location=r[10],
                  quantity=json.loads(r[11]) if r[11] else {}, modality=r[12], confidence=r[13],
                  trigger=r[14] or "", sources=tuple(sources.get(r[0], ()))) for r in rows]
