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
        return Outcome("Nothing was added.", False, tuple(refused))
    try:
        from pipeline.run import ingest  # late: loading the NLP pipeline is only needed here

        report = ingest([str(p) for p in paths], str(db_path), default_published=published)
    except Exception as exc:  # a pipeline error must reach the user as a line, not a traceback
        log.exception("ingest of uploads failed")
        return Outcome(f"The pipeline failed: {type(exc).__name__}: {exc}", False, tuple(refused), None, tuple(paths))
    frame = pd.DataFrame([{"file": Path(ln.path).name, "doc": ln.doc, "status": ln.status, "message": ln.message,
                           "events": ln.n_events} for ln in report.lines])
    ok = report.ok and not refused
    headline = (f"Added {len(paths)} file(s): {sum(frame['events']) if len(frame) else 0} event(s) found; "
                f"{report.n_events:,} event(s) in the database now.")
    return Outcome(headline, ok, tuple(refused), frame, tuple(paths))
