"""The dashboard's read-only view of the event store, reopened when ingest swaps the file.

Ingest writes a copy and `os.replace`s it over the live file. DuckDB keeps one database instance per path per
process, so `duckdb.connect(path)` after a swap would hand back the *old* file while any old connection lives.
Each file version therefore gets its own in-memory instance with the store ATTACHed read-only, cached with
`st.cache_resource` on the file's (inode, mtime_ns, size); query results are cached with `st.cache_data` on that
same key and the `Filters` value, so a new file version never serves stale results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import streamlit as st

from dashboard import queries
from pipeline import settings
from pipeline.schema import SCHEMA_VERSION

BUILD_HINT = "Build it with `make run` (or `make data`), or `conflict-timeline ingest seeds --db {db}`."


@dataclass(frozen=True)
class StoreState:
    """Whether there is something to show, and if not, why (one clear sentence)."""

    path: Path
    version: tuple[int, int, int] | None
    problem: str | None = None
    readable: bool = False
    """The file exists and is a store of this schema (it may still hold no events)."""

    @property
    def ok(self) -> bool:
        return self.problem is None


def db_path() -> Path:
    return Path(settings.get("db"))


def file_version(path: Path) -> tuple[int, int, int] | None:
    """(inode, mtime_ns, size) of the store file, or None when it does not exist."""
    try:
        st_ = path.stat()
    except FileNotFoundError:
        return None
    return st_.st_ino, st_.st_mtime_ns, st_.st_size


def open_store(path: str) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB with the store at `path` attached read-only as `store`."""
    con = duckdb.connect(":memory:", config={"memory_limit": "768MB", "threads": 2})
    con.execute("ATTACH ? AS store (READ_ONLY)", [path])
    con.execute("USE store")
    return con


@st.cache_resource(max_entries=2, show_spinner=False)
def _instance(path: str, version: tuple[int, int, int]) -> duckdb.DuckDBPyConnection:
    """`open_store(path)`, one per file version."""
    del version  # only part of the cache key
    return open_store(path)


def cursor(path: Path, version: tuple[int, int, int]) -> duckdb.DuckDBPyConnection:
    """A connection for one thread (DuckDB connections must not be shared between threads)."""
    cur = _instance(str(path), version).cursor()
    cur.execute("USE store")
    return cur


def check_store() -> StoreState:
    """Is there an event store at the configured path, of this schema, with events?"""
    path = db_path()
    version = file_version(path)
    hint = BUILD_HINT.format(db=path)
    if version is None:
        return StoreState(path, None, f"There is no event database at `{path}` yet. {hint}")
    try:
        summary = _summary(str(path), version)
    except duckdb.Error as exc:
        return StoreState(path, version, f"`{path}` is not a readable event database ({type(exc).__name__}). {hint}")
    if summary["schema_version"] != str(SCHEMA_VERSION):
        return StoreState(path, version, f"`{path}` was built by another version of the pipeline "
                                         f"(schema {summary['schema_version']}, needed {SCHEMA_VERSION}). {hint}")
    if summary["n_events"] == 0:
        return StoreState(path, version, f"The event database `{path}` holds no events yet "
                                         f"({summary['n_articles']} article(s) read). {hint} "
                                         "Or add articles on the *Add articles* page.", readable=True)
    return StoreState(path, version, readable=True)


@st.cache_data(max_entries=4, show_spinner=False)
def _summary(path: str, version: tuple[int, int, int]) -> dict:
    with cursor(Path(path), version) as cur:
        try:
            return queries.store_summary(cur)
        except duckdb.CatalogException:
            return {"n_events": 0, "n_articles": 0, "schema_version": None, "first": None, "last": None,
                    "data_version": "", "built_at": ""}


def summary() -> dict:
    path = db_path()
    return _summary(str(path), file_version(path))


@st.cache_data(max_entries=256, show_spinner=False)
def _run(name: str, path: str, version: tuple[int, int, int], args: tuple, kwargs: tuple) -> Any:
    with cursor(Path(path), version) as cur:
        return getattr(queries, name)(cur, *args, **dict(kwargs))


def run(name: str, *args: Any, **kwargs: Any) -> Any:
    """`queries.<name>(con, *args, **kwargs)` against the current store file, cached on (file version, args)."""
    path = db_path()
    version = file_version(path)
    if version is None:
        raise FileNotFoundError(f"no event database at {path}")
    return _run(name, str(path), version, args, tuple(sorted(kwargs.items())))


def clear_caches() -> None:
    """After an upload: the file version changes anyway, this only frees memory held for the old one."""
    _run.clear()
    _summary.clear()


def data_version() -> str:
    s = summary()
    built = f", built {s['built_at']}" if s.get("built_at") else ""
    return f"data version {s['data_version']}{built}"
