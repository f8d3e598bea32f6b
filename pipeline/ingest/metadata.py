"""Metadata that travels with an article: publication dates, a `date ...` first line, YAML front matter.

Pure functions over values. A `Meta` is one layer of what one place (manifest, front matter, date line, HTML
head, JSONL fields) says about an article; `merge` stacks layers, the first layer that knows a field wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime

import yaml

from pipeline.errors import DateError
from pipeline.yaml_loader import YAML_LOADER

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_PRECISION_WORDS = {
    "day": "day", "tag": "day", "d": "day",
    "month": "month", "monat": "month", "m": "month",
    "year": "year", "jahr": "year", "y": "year",
}  # fmt: skip

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
_GERMAN = re.compile(r"(?:(?P<d>\d{1,2})\.\s*)?(?P<m>\d{1,2})\.\s*(?P<y>\d{4})")
_SLASHED = re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})(?:/(?P<d>\d{1,2}))?")
DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"

# `date 2024-11 ...` / `Datum: 03.12.2024` as the first line; more text may follow on the same line.
_DATE_LINE = re.compile(
    r"[ \t\ufeff]*(?:date|datum)\s*:?[ \t]+(?P<value>\d{4}(?:-\d{1,2}){0,2}|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?=[\s,;|]|$)[ \t,;|]*",
    re.IGNORECASE,
)
_FRONT_OPEN = re.compile(r"\A(?:[ \t]*\r?\n)*---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_FRONT_MAX_CHARS = 20_000
_FRONT_KEYS = {
    "title": "title", "titel": "title", "headline": "title",
    "date": "published", "published": "published", "datum": "published", "pubdate": "published",
    "source": "source", "quelle": "source", "outlet": "source", "publisher": "source",
    "url": "url", "link": "url",
    "published_precision": "precision", "precision": "precision",
}  # fmt: skip


@dataclass(frozen=True)
class Meta:
    """What one place says about an article; None where it says nothing."""

    title: str | None = None
    published: date | None = None
    precision: str | None = None
    basis: str | None = None
    source: str | None = None
    url: str | None = None


def merge(*layers: Meta) -> Meta:
    """One Meta from several, most trusted first: for each field the first layer that knows it wins.

    `published`, `precision` and `basis` travel together: they come from the same layer.
    """
    out: dict[str, object] = {}
    for layer in layers:
        for f in fields(Meta):
            if f.name in ("precision", "basis"):
                continue
            value = getattr(layer, f.name)
            if value is not None and f.name not in out:
                out[f.name] = value
                if f.name == "published":
                    out["precision"], out["basis"] = layer.precision, layer.basis
    return Meta(**out)


_GERMAN_CODES = frozenset({"de", "deu", "ger", "german", "deutsch", "de-de", "de-at", "de-ch", "de_de", "de_at", "de_ch"})


def language_problem(language: str | None, where: str) -> str | None:
    """A notice when `where` says the article is not German (the pipeline's rules are German), else None."""
    if not language or language.strip().lower() in _GERMAN_CODES:
        return None
    return f"{where} says the language is {language.strip()!r}; the extractors read German, so events may be missed"


def parse_date(value: str) -> tuple[date, str]:
    """A date as users write it -> (first day of the interval, precision `day`/`month`/`year`).

    ISO date-times keep the calendar date as written (no time-zone conversion): a text published at
    00:30+02:00 was published that day where it appeared.

    Raises:
        DateError: `value` is not one of the accepted forms or not a real calendar date.
    """
    text = str(value).strip()
    for pattern in (_ISO, _GERMAN, _SLASHED):
        m = pattern.fullmatch(text)
        if m:
            return _build(text, m.group("y"), m.group("m"), m.group("d"))
    raise DateError(f"{text!r} is not a date; write {DATE_FORMS}")


def date_from_value(value: object) -> tuple[date, str]:
    """Like `parse_date` but also takes what YAML/JSON give: date, datetime, a bare year as int.

    Raises:
        DateError: the value is not a date.
    """
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if isinstance(value, int) and not isinstance(value, bool):
        return parse_date(str(value))
    if isinstance(value, str):
        return parse_date(value)
    raise DateError(f"{value!r} is a {type(value).__name__}, not a date; write {DATE_FORMS}")


def parse_precision(value: str) -> str:
    """`day`/`month`/`year` from what a manifest says (also German Tag/Monat/Jahr).

    Raises:
        DateError: an unknown precision word.
    """
    word = value.strip().lower()
    if word not in _PRECISION_WORDS:
        raise DateError(f"precision {value!r} is not one of day, month, year")
    return _PRECISION_WORDS[word]


def apply_precision(day: date, form_precision: str, wanted: str) -> tuple[date, str, str | None]:
    """Combine a date's own precision with a stated one -> (date, precision, problem or None).

    A coarser stated precision widens the interval (2024-11-15 + month -> 2024-11-01, month); a finer one
    than the date can carry keeps the date's own and reports it.
    """
    if _PRECISION_RANK[wanted] >= _PRECISION_RANK[form_precision]:
        return _truncate(day, wanted), wanted, None
    return day, form_precision, f"precision {wanted!r} is finer than the date, kept {form_precision!r}"


def read_date_line(text: str) -> tuple[Meta, int] | None:
    """A first line `date YYYY-MM[-DD] ...` -> (Meta with basis `date_line`, offset where the body starts).

    The body starts right after the date (and separators) on the same line when more text follows,
    otherwise on the next line. None when there is no such line or its date is not a real date.
    """
    m = _DATE_LINE.match(text)
    if not m:
        return None
    try:
        day, precision = parse_date(m.group("value"))
    except DateError:
        return None
    start = m.end()
    rest = text[start:]
    line_end = len(rest) - len(rest.lstrip(" \t"))
    if rest[line_end : line_end + 1] in ("\n", "\r"):
        start = _skip_blank_lines(text, start)
    return Meta(published=day, precision=precision, basis="date_line"), start


def read_front_matter(text: str) -> tuple[Meta, int, list[str]] | None:
    """YAML front matter (`---` ... `---`) -> (Meta with basis `front_matter`, body start, problems).

    Problems (not YAML, not a mapping, a bad date) are one-line messages; what could be read is kept. None
    when the text does not open with front matter.
    """
    opened = _FRONT_OPEN.match(text)
    if not opened:
        return None
    closed = _FRONT_CLOSE.search(text, opened.end(), opened.end() + _FRONT_MAX_CHARS)
    if not closed:
        return None
    body_start = _skip_blank_lines(text, closed.end())
    try:
        data = yaml.load(text[opened.end() : closed.start()], Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        return Meta(), body_start, [f"front matter is not valid YAML{line}; fix it (its metadata is ignored)"]
    if data is None:
        return Meta(), body_start, []
    if not isinstance(data, dict):
        return Meta(), body_start, ["front matter is not a list of `key: value` lines; its metadata is ignored"]
    meta, problems = meta_from_mapping(data, "front matter", "front_matter")
    return meta, body_start, problems


def guess_title(text: str, body_start: int) -> str | None:
    """The first line of the body when it reads like a headline: short, followed by more text, no full stop."""
    body = text[body_start:]
    first, sep, rest = body.lstrip().partition("\n")
    first = first.strip().lstrip("#").strip()
    if not sep or not rest.strip() or not first or len(first) > 160:
        return None
    if first[-1] in ".,;" or first.count(". ") > 0:
        return None
    return first


def meta_from_mapping(data: dict, where: str, basis: str) -> tuple[Meta, list[str]]:
    """Read title/date/source/url (and a stated precision) from a mapping; problems as one-line messages.

    `where` names the place in messages ("front matter"); `basis` is recorded when a date is found.
    """
    problems: list[str] = []
    values: dict[str, object] = {}
    stated_precision: object = None
    for key, value in data.items():
        field = _FRONT_KEYS.get(str(key).strip().lower())
        if field is None or value is None:
            continue
        if field == "precision":
            stated_precision = stated_precision if stated_precision is not None else value
        elif field in values:
            continue
        elif field == "published":
            try:
                values["published"], values["precision"] = date_from_value(value)
                values["basis"] = basis
            except DateError as exc:
                problems.append(f"{where} {key}: {exc} (date left unknown)")
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            values[field] = str(value).strip() or None
        else:
            problems.append(f"{where} {key} should be text, not a {type(value).__name__}; ignored")
    if "published" in values and isinstance(stated_precision, str) and stated_precision.strip():
        try:
            day, precision, problem = apply_precision(
                values["published"], values["precision"], parse_precision(stated_precision)  # type: ignore[arg-type]
            )
        except DateError as exc:
            problems.append(f"{where}: {exc}; ignored")
        else:
            values["published"], values["precision"] = day, precision
            if problem:
                problems.append(f"{where}: {problem}")
    return Meta(**values), problems  # type: ignore[arg-type]


def _build(text: str, y: str, m: str | None, d: str | None) -> tuple[date, str]:
    year = int(y)
    if not 1800 <= year <= 2200:
        raise DateError(f"{text!r}: year {year} is out of range; write {DATE_FORMS}")
    try:
        day = date(year, int(m) if m else 1, int(d) if d else 1)
    except ValueError:
        raise DateError(f"{text!r} is not a real calendar date; write {DATE_FORMS}") from None
    return day, "day" if d else "month" if m else "year"


def _truncate(day: date, precision: str) -> date:
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "month":
        return day.replace(day=1)
    return day


_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")


def _skip_blank_lines(text: str, pos: int) -> int:
    """`pos` moved past the rest of its line (if blank) and any blank lines after it."""
    m = _BLANK_LINES.match(text, pos)
    return m.end() if m else pos
