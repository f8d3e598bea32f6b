"""The record types of the pipeline: one article, one source sentence, one event.

The DuckDB tables in `pipeline/schema.py` mirror these types field by field; `pipeline/store.py` is the only
place that converts between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

EVENT_TYPES: tuple[str, ...] = (
    "troop_deployment",
    "aid_package",
    "statement",
    "attack",
    "diplomacy",
    "sanction",
    "policy_decision",
    "territorial_change",
)
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "season", "quarter", "year", "multi_year", "unknown")
MODALITIES: tuple[str, ...] = ("asserted", "planned", "claimed", "denied", "speculative", "hypothetical")
DATE_BASES: tuple[str, ...] = ("text", "publication", "inferred")
PUBLISHED_BASES: tuple[str, ...] = (
    "manifest", "jsonl", "front_matter", "html_meta", "date_line", "user", "inferred", "unknown"
)


@dataclass(frozen=True)
class Article:
    """One input document, decoded and cleaned, with what is known about its publication."""

    article_id: str
    """Stable id: the first 16 hex digits of the SHA-256 of the text as read."""
    doc: str
    """File name (or `file.jsonl#N` for a JSONL line, or the line's own id): what the export calls `doc`."""
    path: str
    """Where it was read from, as given by the user."""
    text: str
    """The article text as read: every character offset in the table points into this string."""
    content_hash: str
    """SHA-256 (hex) of `text`: re-ingesting an unchanged document is a no-op."""
    title: str | None = None
    published: date | None = None
    """Publication date; the start of the interval when `published_precision` is coarser than a day."""
    published_precision: str = "unknown"
    """`day`, `month`, `year` or `unknown`."""
    published_basis: str = "unknown"
    """Where `published` came from: one of PUBLISHED_BASES (`inferred` = guessed from the text)."""
    source: str | None = None
    """Outlet (taz, CNN, ...) when known."""
    url: str | None = None
    encoding: str = "utf-8"
    """The encoding the bytes were decoded from."""
    body_start: int = 0
    """Offset where the article body starts in `text` (after a `date ...` line or front matter)."""
    furniture: tuple[tuple[int, int], ...] = ()
    """Character ranges of page furniture (consent banners, bylines, credits) that yield no events."""


@dataclass(frozen=True)
class Source:
    """Where an event is reported: one sentence of one article."""

    article_id: str
    doc: str
    """The article's file name, as in `Article.doc`."""
    sentence: str
    """The exact sentence text: `article.text[char_start:char_end]`."""
    char_start: int
    char_end: int
    published: date | None
    quantity: dict = field(default_factory=dict)
    """What this source says about numbers ({"troops": 11000}); sources may disagree."""


@dataclass(frozen=True)
class Event:
    """One event: what happened, when, who did it, where, how many, how sure, and who says so."""

    event_id: str
    """Stable across runs: derived from the first source (article content hash, offsets) and the type."""
    type: str
    """One of EVENT_TYPES."""
    date_start: date | None
    """Inclusive start of the date interval; None when undated."""
    date_end: date | None
    """Inclusive end of the date interval; None when undated."""
    precision: str
    """One of PRECISIONS: how wide the interval is meant to be."""
    date_basis: str
    """`text` (a temporal expression in the text), `publication` (the article's date) or `inferred`."""
    date_text: str | None
    """The temporal expression as written ("am gestrigen Sonntag"), or None."""
    actors: tuple[str, ...]
    """Canonical English names, acting side first."""
    targets: tuple[str, ...]
    """Canonical English names of those acted upon."""
    location: str | None
    """Canonical place name from the place vocabulary."""
    quantity: dict
    """{"troops": 50000}, {"amount": 725000000, "currency": "USD"}, {"killed": 12}; a list where sources disagree."""
    modality: str
    """One of MODALITIES."""
    confidence: float
    """0..1: how sure the extractor is that this is a real event of this type."""
    sources: tuple[Source, ...]
    """At least one; a merge never drops one."""
    trigger: str = ""
    """The word that signalled the event type ("schickt", "Angriff")."""
    date_value: str | None = None
    """The TIMEX3 value of the governing expression ("2024-11-10", "2024-SU"), when there is one."""


@dataclass(frozen=True)
class Skipped:
    """An input that could not be ingested, with the reason in one line (what was wrong, how to fix it)."""

    path: str
    doc: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """A warning about an input that was still ingested (e.g. a malformed manifest date: date inferred instead)."""

    path: str
    doc: str
    message: str
