"""The `dates` subcommand: print the temporal expressions of a text (or of JSONL records) as JSON lines.

conflict-timeline dates --dct 2024-11-11 article.txt
conflict-timeline dates --jsonl articles.jsonl      # lines {"id", "text", "dct"} -> {"id", "timexes"}
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import IO

from pipeline.errors import DateError, InputError, PipelineError
from pipeline.temporal.tagger import tag
from pipeline.temporal.timex import Timex


def register(subparsers) -> argparse.ArgumentParser:
    """Add the `dates` subcommand to an argparse subparsers object; its handler is `run(args)`."""
    parser = subparsers.add_parser(
        "dates",
        help="find and normalize the temporal expressions of a German text",
        description="Print one JSON object per temporal expression (TIMEX3 type, value, interval).",
    )
    parser.add_argument("file", nargs="?", default="-", help="text file to tag, or - for standard input")
    parser.add_argument("--dct", help="document creation time YYYY-MM-DD that relative dates resolve against")
    parser.add_argument(
        "--jsonl", metavar="IN.jsonl", help='tag JSONL records {"id", "text", "dct"} instead of one text'
    )
    parser.set_defaults(func=run)
    return parser


def parse_dct(raw: str | None, where: str = "--dct") -> date | None:
    """A YYYY-MM-DD date, or None when absent.

    Raises:
        DateError: the value is not a valid YYYY-MM-DD date.
    """
    if raw is None or raw == "":
        return None
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise DateError(f"{where}: {raw!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-11-11") from None


def timex_json(t: Timex) -> dict:
    """The JSON object of one expression: start, end, text, type, value, and mod/interval when set."""
    out = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
    if t.mod:
        out["mod"] = t.mod
    if t.date_start:
        out["date_start"] = t.date_start.isoformat()
        out["date_end"] = t.date_end.isoformat() if t.date_end else None
    if t.precision:
        out["precision"] = t.precision
    return out


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check the path") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; convert it with iconv -t UTF-8") from None


def _jsonl(path: str, out: IO[str]) -> None:
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise PipelineError(
                f"{where}: not valid JSON ({e.msg}); each line must be one JSON object"
            ) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise PipelineError(
                f'{where}: expected an object with a "text" string, e.g. {{"id": "a1", "text": "...", "dct": "2024-11-11"}}'
            )
        dct = parse_dct(record.get("dct"), f"{where} dct")
        timexes = [timex_json(t) for t in tag(record["text"], dct)]
        out.write(json.dumps({"id": record.get("id"), "timexes": timexes}, ensure_ascii=False) + "\n")


def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    """Tag the input and print JSON lines; returns the exit code. Raises PipelineError on bad input."""
    out = out or sys.stdout
    if args.jsonl:
        _jsonl(args.jsonl, out)
        return 0
    dct = parse_dct(args.dct)
    for t in tag(_read_text(args.file), dct):
        out.write(json.dumps(timex_json(t), ensure_ascii=False) + "\n")
    return 0
