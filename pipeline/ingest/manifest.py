"""`manifest.csv`: per-file metadata for the articles in one folder (publication date, precision, source...).

Columns: file (required), published, published_precision, source, language, note, title, url. Comma,
semicolon (German Excel) and tab separated files are accepted. Rows are numbered as a spreadsheet shows them:
the header is row 1, the first data row is row 2.

`parse_manifest` is pure: it takes the decoded text and returns the rows by file name plus the problems
found, each a one-line message; the caller turns them into Notices/Skipped with the right paths.
"""

from __future__ import annotations

import csv
import io
import posixpath
from dataclasses import dataclass, field

from pipeline.errors import DateError, ManifestError
from pipeline.ingest.metadata import DATE_FORMS, Meta, apply_precision, parse_date, parse_precision

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("file", "published", "published_precision", "source", "language", "note", "title", "url")


@dataclass(frozen=True)
class ManifestRow:
    """One manifest row: what it says about its file, and the problem with its date if there is one."""

    row: int
    file: str
    meta: Meta
    language: str | None = None
    date_problem: str | None = None
    """Set when `published` was given but unusable: the article falls back to other dates (a Notice)."""
    precision_notice: str | None = None
    """Set when `published_precision` was unusable or finer than the date: the date is kept (a Notice)."""


@dataclass(frozen=True)
class Manifest:
    rows: dict[str, ManifestRow] = field(default_factory=dict)
    """By file name as written in the `file` column (a path relative to the manifest's folder)."""
    notices: tuple[str, ...] = ()
    """Problems that leave the manifest usable (duplicate rows, rows without a file name, unknown columns)."""


def parse_manifest(text: str) -> Manifest:
    """Rows of a manifest by file name, and the problems found.

    Raises:
        ManifestError: the text is not a CSV table with a `file` column (the whole manifest is unusable).
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ManifestError("manifest.csv is empty; give it a header line `file,published,...` or remove it")
    delimiter = _delimiter(lines[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        table = list(reader)
    except csv.Error as exc:
        raise ManifestError(
            f"manifest.csv is not valid CSV (line {reader.line_num}: {exc}); fix it (quotes must be closed)"
        ) from None
    first = next(i for i, cells in enumerate(table) if any(cell.strip() for cell in cells))
    header = [cell.strip().lstrip("\ufeff").lower() for cell in table[first]]
    if "file" not in header:
        raise ManifestError(
            f"manifest.csv has no 'file' column (header: {','.join(header)[:80]}); the first line must "
            "name the columns, e.g. file,published,published_precision,source"
        )
    notices: list[str] = []
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        notices.append(f"manifest.csv: unknown column(s) {', '.join(unknown)} ignored; known: {', '.join(COLUMNS)}")
    rows: dict[str, ManifestRow] = {}
    for number, cells in enumerate(table[first + 1 :], start=first + 2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            notices.append(f"manifest.csv row {number} has more cells than the header; the extra ones are ignored")
        name = _normalise_name(values.get("file", ""))
        if not name:
            notices.append(f"manifest.csv row {number} has no file name; row ignored")
            continue
        if name in rows:
            notices.append(
                f"manifest.csv rows {rows[name].row} and {number} both describe {name}; "
                f"row {rows[name].row} is used, remove the other"
            )
            continue
        rows[name] = _row(number, name, values)
    return Manifest(rows=rows, notices=tuple(notices))


def _row(number: int, name: str, values: dict[str, str]) -> ManifestRow:
    meta = Meta(
        title=values.get("title") or None,
        source=values.get("source") or None,
        url=values.get("url") or None,
    )
    language = values.get("language") or None
    raw = values.get("published", "")
    if not raw:
        return ManifestRow(number, name, meta, language)
    try:
        day, precision = parse_date(raw)
    except DateError:
        problem = f"manifest.csv row {number}: published {raw!r} is not a date ({DATE_FORMS})"
        return ManifestRow(number, name, meta, language, date_problem=problem)
    stated = values.get("published_precision", "")
    notice = None
    if stated:
        try:
            day, precision, finer = apply_precision(day, precision, parse_precision(stated))
        except DateError as exc:
            finer = f"{exc}; used {precision!r} from the date's form"
        notice = f"manifest.csv row {number}: {finer}" if finer else None
    dated = Meta(title=meta.title, source=meta.source, url=meta.url, published=day, precision=precision,
                 basis="manifest")  # fmt: skip
    return ManifestRow(number, name, dated, language, precision_notice=notice)


def _normalise_name(name: str) -> str:
    """`./a.txt`, `sub\\a.txt` -> `a.txt`, `sub/a.txt`: the relative path as the walk spells it."""
    name = name.strip().replace("\\", "/")
    return posixpath.normpath(name) if name else ""


def _delimiter(header_line: str) -> str:
    """`,` unless the header is clearly separated by `;` or tabs (German Excel writes `;`)."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","
