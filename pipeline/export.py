"""Export the event table: JSONL (one object per event, the export contract), CSV, XLSX, Parquet.

`event_record()` is the contract; `flat_record()` flattens lists with "; " for CSV and XLSX, where every cell a
spreadsheet would run as a formula is escaped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.model import Event

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def event_record(e: Event) -> dict:
    """One event as the export contract's JSON object."""
    return {
        "event_id": e.event_id,
        "type": e.type,
        "date_start": _iso(e.date_start),
        "date_end": _iso(e.date_end),
        "precision": e.precision,
        "date_basis": e.date_basis,
        "date_text": e.date_text,
        "actors": list(e.actors),
        "targets": list(e.targets),
        "location": e.location,
        "quantity": e.quantity,
        "modality": e.modality,
        "confidence": e.confidence,
        "sources": [
            {"doc": s.doc, "sentence": s.sentence, "char_start": s.char_start, "char_end": s.char_end,
             "published": _iso(s.published)}
            for s in e.sources
        ],
    }


def escape_formula(value):
    """Prefix a cell that a spreadsheet would evaluate (=, +, -, @, tab, CR at the start) with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def flat_record(e: Event) -> dict:
    """One event as a flat row: lists joined with "; ", quantity as JSON, formulas escaped."""
    rec = event_record(e)
    sources = rec.pop("sources")
    flat = {
        **rec,
        "actors": "; ".join(rec["actors"]),
        "targets": "; ".join(rec["targets"]),
        "quantity": json.dumps(rec["quantity"], ensure_ascii=False, sort_keys=True) if rec["quantity"] else "",
        "docs": "; ".join(s["doc"] for s in sources),
        "sentences": "; ".join(s["sentence"] for s in sources),
        "char_starts": "; ".join(str(s["char_start"]) for s in sources),
        "char_ends": "; ".join(str(s["char_end"]) for s in sources),
        "published": "; ".join(s["published"] or "" for s in sources),
    }
    return {k: escape_formula(v) for k, v in flat.items()}


def write_export(events: Iterable[Event], fmt: str, out: str | os.PathLike | None) -> str:
    """Write the events in `fmt` to `out` (None: JSONL/CSV to standard output). Returns where it went.

    Raises:
        PipelineError: unknown format, or a binary format without --out.
    """
    import sys

    if fmt not in FORMATS:
        raise PipelineError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    events = list(events)
    if fmt == "jsonl":
        text = "".join(json.dumps(event_record(e), ensure_ascii=False) + "\n" for e in events)
        return _write_text(text, out, sys.stdout)
    import pandas as pd

    frame = pd.DataFrame([flat_record(e) for e in events], columns=FLAT_COLUMNS)
    if fmt == "csv":
        return _write_text(frame.to_csv(index=False), out, sys.stdout)
    if out is None:
        raise PipelineError(f"{fmt} is a binary format; give a file with --out, e.g. --out events.{fmt}")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        frame.to_excel(out, index=False, sheet_name="events")
    else:
        records = [dict(event_record(e), quantity=json.dumps(e.quantity, sort_keys=True)) for e in events]
        pd.DataFrame(records).to_parquet(out, index=False)
    return str(out)


FLAT_COLUMNS = [
    "event_id", "type", "date_start", "date_end", "precision", "date_basis", "date_text", "actors", "targets",
    "location", "quantity", "modality", "confidence", "docs", "sentences", "char_starts", "char_ends", "published",
]


def _write_text(text: str, out, stdout) -> str:
    if out is None:
        stdout.write(text)
        return "standard output"
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(text, encoding="utf-8")
    return str(out)
