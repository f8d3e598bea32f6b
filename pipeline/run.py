"""Orchestration of one ingest run: read inputs, extract what changed, merge, store, report.

`ingest()` is what the CLI and the dashboard's upload page call. Reading, extraction (overlapping: an article
goes to a worker as soon as it has been read and planned) and writing the store's copy (overlapping the last
extractions) are pipelined for throughput on several cores. Reading and extraction are pure; the store is
written in one transaction-like swap (see `pipeline/store.py`), so a run killed at any point leaves the previous
table intact and the next run completes the work.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline import store
from pipeline.export import event_record
from pipeline.extract import extract_mentions, load_actors, load_nlp, load_places
from pipeline.ingest import iter_inputs
from pipeline.merge import merge_mentions
from pipeline.model import Article, Event, Notice, Skipped
from pipeline.published import infer_published
from pipeline.settings import get_int

PARALLEL_MIN_ARTICLES = 8
"""Below this many articles to extract, worker processes cost more than they save."""


@dataclass(frozen=True)
class ReportLine:
    """What happened to one input in one run."""

    path: str
    doc: str
    status: str
    """ingested | replaced | unchanged | skipped | warning"""
    message: str
    n_events: int = 0


@dataclass(frozen=True)
class RunReport:
    run_id: str
    lines: tuple[ReportLine, ...]
    n_events: int
    """Events in the table after the run (merged)."""
    n_mentions: int
    """Event mentions extracted in this run from new or changed articles."""

    @property
    def ok(self) -> bool:
        """True when every input was ingested (or was already, unchanged)."""
        return not any(ln.status == "skipped" for ln in self.lines)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for ln in self.lines:
            out[ln.status] = out.get(ln.status, 0) + 1
        return out

    def summary(self) -> str:
        c = self.counts()
        read = c.get("ingested", 0) + c.get("replaced", 0) + c.get("unchanged", 0)
        return (f"read {read} article(s) ({c.get('ingested', 0)} new, {c.get('replaced', 0)} changed, "
                f"{c.get('unchanged', 0)} unchanged), skipped {c.get('skipped', 0)}, "
                f"{c.get('warning', 0)} warning(s); {self.n_mentions} event mention(s) extracted, "
                f"{self.n_events} event(s) in the table")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Hash of the pipeline's code and vocabularies: when it changes, every stored article is extracted again."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".csv", ".json", ".txt"):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _input_key(article_or_skip: Article | Skipped | Notice) -> tuple[str, str]:
    return (str(Path(article_or_skip.path).resolve()) if article_or_skip.path else "", article_or_skip.doc)


def _with_published(article: Article, default_published: date | None) -> tuple[Article, str | None]:
    """Fill in a missing publication date: the user's default, else inferred from the text, else none."""
    if article.published is not None:
        return article, None
    if default_published is not None:
        return replace(article, published=default_published, published_precision="day", published_basis="user"), None
    inferred = infer_published(article.text)
    if inferred is not None:
        when, precision = inferred
        return (replace(article, published=when, published_precision=precision, published_basis="inferred"),
                f"no publication date given; inferred {when.isoformat()} ({precision}) from the latest date in the text")
    return article, "no publication date given or found in the text; its events are kept undated"


def _extract_chunk(articles: Sequence[Article]) -> list[list[Event]]:
    nlp = load_nlp()
    return [extract_mentions(a, nlp) for a in articles]


def _pool_context():
    """Fork when this process runs no other threads (cheap: a pipeline loaded here is shared copy-on-write);
    spawn otherwise (forking a threaded process, such as the dashboard's server, is unsafe)."""
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


CHUNK = 4
"""Articles per task sent to a worker: small, so that both workers finish at nearly the same time."""
PROGRESS_STEP = 64
"""Articles between two calls of the progress callback."""


class _Extractor:
    """Extracts articles as the run plans them, so reading the inputs overlaps extraction on the workers.

    Articles are buffered until there are `PARALLEL_MIN_ARTICLES` of them; only then is the pool started (its
    workers load the pipeline themselves while this process reads on). With fewer articles, or one worker,
    everything is extracted here at the end. Results come back in submission order either way, so the outcome
    does not depend on the number of workers.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pending: list[Article] = []
        self.futures: list = []
        self.pool: ProcessPoolExecutor | None = None
        self.total = 0

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, article: Article) -> None:
        self.pending.append(article)
        self.total += 1
        if self.pool is None and self.workers > 1 and len(self.pending) >= PARALLEL_MIN_ARTICLES:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_pool_context(),
                                            initializer=load_nlp)
        if self.pool is not None:
            while len(self.pending) >= CHUNK:
                self._send(self.pending[:CHUNK])
                del self.pending[:CHUNK]

    def _send(self, chunk: list[Article]) -> None:
        self.futures.append((len(chunk), self.pool.submit(_extract_chunk, chunk)))

    def results(self, progress: Callable[[int, int], None] | None) -> Iterator[list[Event]]:
        """Mentions per submitted article, in order, as they come; `progress(done, total)` every 64 or so."""
        if self.pool is None:
            yield from _extract_serial(self.pending, progress)
            return
        if self.pending:
            self._send(self.pending)
            self.pending = []
        done = reported = 0
        for n, future in self.futures:
            yield from future.result()
            done += n
            if progress is not None and (done - reported >= PROGRESS_STEP or done == self.total):
                reported = done
                progress(done, self.total)

    def release(self) -> None:
        """Let the workers exit in the background (they are joined when the `with` block ends)."""
        if self.pool is not None:
            self.pool.shutdown(wait=False)


def _extract_serial(articles: list[Article], progress) -> Iterator[list[Event]]:
    nlp = load_nlp() if articles else None
    for i, article in enumerate(articles, 1):
        yield extract_mentions(article, nlp)
        if progress is not None and (i % PROGRESS_STEP == 0 or i == len(articles)):
            progress(i, len(articles))


def default_workers() -> int:
    n = get_int("workers")
    return n if n > 0 else (os.cpu_count() or 1)


def _read_state(db: Path) -> tuple[dict, str | None]:
    if not db.exists():
        return {}, None
    con = store.connect_read(db)
    try:
        return store.input_state(con), store.get_meta(con, "pipeline_fingerprint")
    finally:
        con.close()


class _Planner:
    """Decides, input by input, what the run does with it; decided from the inputs and the store's state
    before the run's own results are written."""

    def __init__(self, state: dict, stale: bool, default_published: date | None) -> None:
        self.state = state
        self.stale = stale
        self.default_published = default_published
        self.lines: list[ReportLine] = []
        self.todo: list[tuple[Article, str]] = []
        self.skipped: list[tuple[Skipped, str]] = []
        self.by_id = {row["article_id"]: key for key, row in state.items() if row["status"] == "ingested"}
        self.seen: dict[str, str] = {}

    def add(self, item: Article | Skipped | Notice) -> Article | None:
        """Record one input; the article when it is to be extracted."""
        key = _input_key(item)
        if isinstance(item, Notice):
            self.lines.append(ReportLine(item.path, item.doc, "warning", item.message))
            return None
        if isinstance(item, Skipped):
            skip_id = "skip-" + hashlib.sha1("\0".join(key).encode()).hexdigest()[:16]
            self.skipped.append((replace(item, path=key[0]), skip_id))
            self.lines.append(ReportLine(item.path, item.doc, "skipped", item.reason))
            return None
        article, note = _with_published(replace(item, path=key[0]), self.default_published)
        if note:
            self.lines.append(ReportLine(item.path, item.doc, "warning", note))
        stored_as = self.by_id.get(article.article_id)
        other = self.seen.get(article.article_id) or (stored_as[1] if stored_as and stored_as != key else None)
        if other:
            self.lines.append(ReportLine(item.path, item.doc, "skipped",
                                         f"same text as {other}, already ingested; nothing to add"))
            return None
        self.seen[article.article_id] = article.doc
        old = self.state.get(key)
        if old and not self.stale and old["status"] == "ingested" and _same_metadata(old, article):
            self.lines.append(ReportLine(item.path, item.doc, "unchanged", "unchanged since the last run"))
            return None
        self.todo.append((article, "replaced" if old and old["status"] == "ingested" else "ingested"))
        return article

    def stale_articles(self, db: Path) -> list[Article]:
        """After the inputs, when the pipeline changed: every other stored article, to extract again."""
        if not (self.stale and self.state):
            return []
        known = {_input_key(a) for a, _ in self.todo}
        con = store.connect_read(db)
        try:
            again = [a for a in store.ingested_articles(con)
                     if (a.path, a.doc) not in known and a.article_id not in self.seen]
        finally:
            con.close()
        self.todo.extend((a, "re-extracted") for a in again)
        return again


def ingest(paths: Sequence[str | os.PathLike], db_path: str | os.PathLike, *, default_published: date | None = None,
           workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> RunReport:
    """Ingest files and folders into the store at `db_path`; return the run report.

    Unchanged inputs are not extracted again; a changed input replaces its old events; a pipeline change
    (code or vocabulary) re-extracts every stored article. Inputs that cannot be read are reported, never fatal.
    Inputs are extracted as they are read (on worker processes when there are enough of them); the workers are
    all started before the store's copy is opened, so they never inherit a database handle, and the copy is
    written while they finish.

    Raises:
        InputError: a given path does not exist.
        StoreError: the database cannot be written.
    """
    run_id = uuid.uuid4().hex[:12]
    inputs = iter_inputs(paths)
    first = next(inputs, None)  # raises InputError for a missing path before the store is touched
    items = inputs if first is None else itertools.chain((first,), inputs)
    fingerprint = pipeline_fingerprint()
    workers = workers or default_workers()
    with store.exclusive(db_path) as db:
        state, stored_fingerprint = _read_state(db)
        plan = _Planner(state, stored_fingerprint != fingerprint, default_published)
        with _Extractor(workers) as extractor:
            for item in items:
                article = plan.add(item)
                if article is not None:
                    extractor.submit(article)
            for article in plan.stale_articles(db):
                extractor.submit(article)
            # Every worker has been started by now; the copy of the store is opened (and written) while they
            # extract the last articles.
            results: list[list[Event]] = []

            def extracted() -> Iterator[tuple[Article, list[Event]]]:
                for (article, _), mentions in zip(plan.todo, extractor.results(progress), strict=True):
                    results.append(mentions)
                    yield article, mentions

            with store.write_copy(db) as con:
                store.delete_inputs(con, [(a.path, a.doc) for a, _ in plan.todo] + [(s.path, s.doc) for s, _ in plan.skipped])
                store.insert_skipped(con, plan.skipped)
                store.insert_articles(con, extracted())
                extractor.release()
                lines = plan.lines
                for (article, status), mentions in zip(plan.todo, results, strict=True):
                    if status != "re-extracted":
                        lines.append(ReportLine(article.path, article.doc, status, f"{len(mentions)} event mention(s)",
                                                len(mentions)))
                n_events = _rebuild_events(con)
                store.set_meta(con, "pipeline_fingerprint", fingerprint)
                store.log_run(con, run_id, lines)
    return RunReport(run_id=run_id, lines=tuple(lines), n_events=n_events, n_mentions=sum(map(len, results)))


def _same_metadata(old: dict, article: Article) -> bool:
    return (old["content_hash"] == article.content_hash and old["published"] == article.published
            and old["published_precision"] == article.published_precision and old["source"] == article.source)


def _rebuild_events(con) -> int:
    mentions = store.read_mentions(con)
    events = merge_mentions(mentions)
    places = {p["name"]: (p.get("lat"), p.get("lon")) for p in load_places()}
    mention_ids = {(m.sources[0].article_id, m.sources[0].char_start, m.sources[0].char_end, m.type): m.event_id
                   for m in mentions}
    n = store.replace_events(con, events, places, mention_ids)
    store.replace_vocabulary(con, _actor_rows(events), load_places())
    store.set_meta(con, "data_version", data_version(events))
    store.set_meta(con, "built_at", store.now().isoformat(timespec="seconds"))
    return n


def data_version(events: Sequence[Event]) -> str:
    """A short hash of the table's content (not only its ids: a date or a source changes it too), written into
    exports so that two exports can be told apart."""
    lines = sorted(json.dumps(event_record(e), sort_keys=True, ensure_ascii=False) for e in events)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]


def _actor_rows(events: list[Event]) -> list[dict]:
    """The vocabulary's actors, plus persons and organisations found only in the text."""
    rows = {a["name"]: dict(a, in_vocabulary=True) for a in load_actors()}
    for e in events:
        for name in (*e.actors, *e.targets):
            rows.setdefault(name, {"name": name, "kind": "person" if " " in name else "organisation",
                                   "affiliation": None, "wikidata": None, "in_vocabulary": False})
    return list(rows.values())
