"""JSON Lines: one article per line, `{"text": ..., "title": ..., "published": ..., "source": ..., "url": ...,
"id": ..., "language": ...}`; only `text` is required.

Pure: `parse_jsonl` takes the decoded file and yields one `Line` per non-blank line, either a usable record or
the one-line reason it is not. A broken line never hides the good lines around it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.errors import DateError
from pipeline.ingest.metadata import DATE_FORMS, Meta, date_from_value, language_problem

_TEXT_FIELDS = ("title", "source", "url", "language")
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number",
               bool: "true/false", type(None): "null"}  # fmt: skip


@dataclass(frozen=True)
class Line:
    number: int
    """1-based line number in the file."""
    record_id: str | None = None
    text: str | None = None
    meta: Meta = Meta()
    problem: str | None = None
    """Why the line is skipped (then `text` is None)."""
    notices: tuple[str, ...] = ()
    """Problems that leave the line usable (a malformed date: the date is left unknown)."""


def parse_jsonl(content: str) -> Iterator[Line]:
    """Every non-blank line of a JSON Lines file, as a record or a problem."""
    # Split on \n only: JSON strings may hold U+2028 and other characters str.splitlines() breaks on.
    for number, raw in enumerate(content.split("\n"), start=1):
        if raw.strip():
            yield parse_line(number, raw.rstrip("\r"))


def parse_line(number: int, raw: str) -> Line:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Line(number, problem=f"line {number} is not valid JSON ({exc.msg} at column {exc.colno}); "
                    "each line must be one complete JSON object")  # fmt: skip
    except RecursionError:
        return Line(number, problem=f"line {number} is nested too deeply to read; give a flat JSON object")
    if not isinstance(record, dict):
        return Line(number, problem=f"line {number} is {_kind(record)}, not a JSON object; "
                    'write {"text": "..."} on each line')  # fmt: skip
    text = record.get("text")
    if text is None:
        return Line(number, problem=f'line {number} has no "text" field; every line needs the article text')
    if not isinstance(text, str):
        return Line(number, problem=f'line {number}: "text" is {_kind(text)}, not a string; give the article text')
    if not text.strip():
        return Line(number, problem=f'line {number}: "text" is empty; remove the line or give the article text')
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return Line(number, problem=f'line {number}: "{name}" is {_kind(value)}, not a string; fix or drop it')
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, str | int)):
        return Line(number, problem=f'line {number}: "id" is {_kind(record_id)}, not a string; fix or drop it')
    notices: list[str] = []
    language = language_problem(record.get("language"), f"line {number}")
    if language:
        notices.append(language)
    published = precision = None
    raw_date = record.get("published")
    if raw_date is not None:
        if not isinstance(raw_date, str | int) or isinstance(raw_date, bool):
            return Line(number, problem=f'line {number}: "published" is {_kind(raw_date)}, not a date string '
                        f"({DATE_FORMS}); fix or drop it")  # fmt: skip
        try:
            published, precision = date_from_value(raw_date)
        except DateError as exc:
            notices.append(f'line {number}: "published" {exc}; date left unknown')
    meta = Meta(
        title=_text(record.get("title")),
        published=published,
        precision=precision,
        basis="jsonl" if published else None,
        source=_text(record.get("source")),
        url=_text(record.get("url")),
    )
    rid = str(record_id).strip() if record_id is not None else None
    return Line(number, record_id=rid or None, text=text, meta=meta, notices=tuple(notices))


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _kind(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
