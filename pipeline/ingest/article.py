"""From decoded text and gathered metadata to an `Article`: ids, hash, body start, title, furniture. Pure."""

from __future__ import annotations

import hashlib

from pipeline.errors import InputError
from pipeline.ingest.furniture import find_furniture
from pipeline.ingest.metadata import Meta, guess_title, merge, read_date_line, read_front_matter
from pipeline.model import Article


def text_metadata(text: str) -> tuple[Meta, int, list[str]]:
    """What the text itself says: YAML front matter, else a `date ...` first line -> (meta, body start, problems)."""
    front = read_front_matter(text)
    if front is not None:
        return front
    line = read_date_line(text)
    if line is not None:
        return line[0], line[1], []
    return Meta(), 0, []


def make_article(text: str, doc: str, path: str, encoding: str, meta: Meta, body_start: int) -> Article:
    """The Article for `text` (kept exactly as given: offsets point into it).

    Raises:
        InputError: nothing but whitespace after the metadata.
    """
    if not text[body_start:].strip():
        raise InputError("has a date line or front matter but no article text after it; add the text")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    meta = merge(meta, Meta(title=guess_title(text, body_start)))
    return Article(
        article_id=digest[:16],
        doc=doc,
        path=path,
        text=text,
        content_hash=digest,
        title=meta.title,
        published=meta.published,
        published_precision=meta.precision or "unknown" if meta.published else "unknown",
        published_basis=meta.basis or "unknown" if meta.published else "unknown",
        source=meta.source,
        url=meta.url,
        encoding=encoding,
        body_start=body_start,
        furniture=find_furniture(text, body_start),
    )


def blank_reason(text: str) -> str | None:
    """Why a decoded text holds no article (empty, whitespace only, no letters), or None."""
    if not text:
        return "file is empty (0 bytes); remove it or put the article text in it"
    if not text.strip():
        return "file holds only whitespace; remove it or put the article text in it"
    if not any(ch.isalpha() for ch in text):
        return "file holds no letters (only digits, punctuation or symbols); is it really an article?"
    return None
