"""The upload page's work, away from the widgets: save each file safely, run the pipeline, tabulate its report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.uploads import UploadError, check_size, save

log = logging.getLogger("dashboard")


@dataclass(frozen=True)
class Outcome:
    headline: str
    ok: bool
    refused: tuple[str, ...] = ()
    """One clear line per file that was not accepted."""
    report: pd.DataFrame | None = None
    """The pipeline's report, one row per input (path, doc, status, message, events)."""
    paths: tuple[Path, ...] = field(default_factory=tuple)


def uploads_dir(db_path: Path) -> Path:
    return db_path.parent / "uploads"


def add_files(files: list[tuple[str, bytes]], db_path: Path, published: date | None, max_mb: int) -> Outcome:
    """Save the accepted files under `<db folder>/uploads/` and ingest them into `db_path`."""
    refused: list[str] = []
    paths: list[Path] = []
    for name, data in files:
        try:
            check_size(name, len(data), max_mb)
            paths.append(save(data, name, uploads_dir(db_path)))
        except UploadError as exc:
            refused.append(str(exc))
    if not paths:
        return Outcome(f"Nothing was added; refused {len(refused)} file(s).", False, tuple(refused))
    try:
        from pipeline.run import ingest  # late: loading the NLP pipeline is only needed here

        report = ingest([str(p) for p in paths], str(db_path), default_published=published)
    except Exception as exc:  # a pipeline error must reach the user as a line, not a traceback
        log.exception("ingest of uploads failed")
        return Outcome(f"The pipeline failed: {type(exc).__name__}: {exc}", False, tuple(refused), None, tuple(paths))
    frame = pd.DataFrame([{"file": Path(ln.path).name, "doc": ln.doc, "status": ln.status, "message": ln.message,
                           "events": ln.n_events} for ln in report.lines],
                         columns=["file", "doc", "status", "message", "events"])
    removed = discard_skipped(paths, report.lines)
    kept = tuple(p for p in paths if p not in removed)
    ok = report.ok and not refused
    return Outcome(headline(report.lines, len(refused), report.n_events), ok, tuple(refused), frame, kept)


def headline(lines, n_refused: int, n_events: int) -> str:
    """What happened, counted from the run report: only articles actually read are "added"."""
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.status] = counts.get(ln.status, 0) + 1
    added = counts.get("ingested", 0) + counts.get("replaced", 0)
    found = sum(ln.n_events for ln in lines if ln.status in ("ingested", "replaced"))
    parts = [f"Added {added} article(s) ({found} event mention(s) found)"] if added else ["Nothing was added"]
    if counts.get("unchanged"):
        parts.append(f"{counts['unchanged']} already in the database, unchanged")
    if counts.get("skipped"):
        parts.append(f"skipped {counts['skipped']}")
    if n_refused:
        parts.append(f"refused {n_refused}")
    if counts.get("warning"):
        parts.append(f"{counts['warning']} warning(s)")
    return "; ".join(parts) + f". {n_events:,} event(s) in the database now."


def discard_skipped(paths: list[Path], lines) -> set[Path]:
    """Delete the uploaded files the pipeline skipped entirely (every line for them is "skipped"), so a rejected
    upload is not kept in the uploads folder. Returns the paths removed."""
    statuses: dict[Path, set[str]] = {}
    for ln in lines:
        statuses.setdefault(Path(ln.path).resolve(), set()).add(ln.status)
    removed: set[Path] = set()
    for path in paths:
        if statuses.get(path.resolve(), set()) - {"warning"} == {"skipped"}:
            path.unlink(missing_ok=True)
            removed.add(path)
    return removed
