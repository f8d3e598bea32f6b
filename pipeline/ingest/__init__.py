"""Reading whatever users feed the tool: files and folders of .txt/.md, .html/.htm, .jsonl, with manifests.

Public API (the contract the rest of the pipeline relies on):

    iter_inputs(paths: Sequence[str | Path]) -> Iterator[Article | Skipped | Notice]

yields, for every file found in the given files and folders (folders recursively, sorted by name), an
`Article` (decoded, metadata filled, page furniture marked) or a `Skipped` whose one-line reason says what was
wrong and how to fix it, plus `Notice`s for problems that did not stop an article (they come before it).
Nothing is ever fetched or executed. `Article.text` is the text as decoded, line endings included: every
offset (body_start, furniture, later event sources) points into it. For HTML it is the visible text.

Raises `InputError` (before yielding anything) only when a given path does not exist at all.

Modules: files (disk: walking, symlinks, sizes, permissions), decode (bytes -> text), metadata (dates, date
line, front matter), manifest, html, jsonl, furniture (+ pipeline/data/furniture.yaml), article (ids, hash),
reader (one run: ties them together).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.ingest.reader import read_inputs
from pipeline.model import Article, Notice, Skipped

__all__ = ["iter_inputs"]


def iter_inputs(paths: Sequence[str | Path]) -> Iterator[Article | Skipped | Notice]:
    """Every article, skipped input and notice for the files and folders in `paths` (see the module docstring).

    Raises:
        InputError: a path in `paths` does not exist (raised on the first `next()`, before anything is yielded).
    """
    return read_inputs(paths)
