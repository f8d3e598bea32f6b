"""One ingest run: walks the inputs, applies manifests, reads each file by kind, drops repeated texts.

`Reader.run` is what `pipeline.ingest.iter_inputs` returns. A bad input becomes a `Skipped` with a one-line
reason (what is wrong, how to fix it); a problem that leaves the article usable becomes a `Notice`.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline import settings
from pipeline.errors import InputError, ManifestError
from pipeline.ingest.article import blank_reason, make_article, text_metadata
from pipeline.ingest.decode import decode
from pipeline.ingest.files import Folder, Found, check_exists, read_bytes, walk
from pipeline.ingest.html import declared_charset, parse_html
from pipeline.ingest.jsonl import parse_jsonl
from pipeline.ingest.manifest import MANIFEST_NAME, Manifest, ManifestRow, parse_manifest
from pipeline.ingest.metadata import Meta, language_problem, merge
from pipeline.model import Article, Notice, Skipped

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
SUPPORTED = ", ".join(sorted(ALL_SUFFIXES))

Item = Article | Skipped | Notice


class Reader:
    """State of one run: manifests read so far, the first article seen for every content hash."""

    def __init__(self, max_mb: int) -> None:
        self.max_mb = max_mb
        self.manifests: dict[Path, Manifest | None] = {}
        self.first_seen: dict[str, tuple[str, str]] = {}
        """content hash -> (doc, path) of the first article with that text."""
        self.yielded: set[str] = set()
        self.resolved: dict[Path, Path] = {}
        """folder -> folder.resolve(), looked up once per folder rather than once per file."""

    def run(self, paths: Sequence[str | Path]) -> Iterator[Item]:
        given = [Path(p) for p in paths]
        check_exists(given)
        for path in given:
            for found in walk(path):
                if isinstance(found, Folder):
                    yield from self._enter_folder(found)
                elif isinstance(found, Skipped):
                    yield found
                else:
                    yield from self._read(found)

    # -- manifests ------------------------------------------------------------------------------------------

    def _enter_folder(self, folder: Folder) -> Iterator[Item]:
        """Read the folder's manifest: its own problems, and rows that name files that are not there."""
        manifest_path = folder.path / MANIFEST_NAME
        yield from self._load_manifest(folder.path)
        manifest = self.manifests.get(folder.path)
        if manifest is None:
            return
        names = {e.name.lower(): e.name for e in os.scandir(folder.path) if not e.name.startswith(".")}
        for name, row in manifest.rows.items():
            if not (folder.path / name).is_file():
                close = difflib.get_close_matches(name.lower(), sorted(names), n=1, cutoff=0.8)
                hint = f" (did you mean {names[close[0]]}?)" if close else ""
                yield Skipped(
                    path=str(manifest_path),
                    doc=f"{MANIFEST_NAME}#{row.row}",
                    reason=f"{MANIFEST_NAME} row {row.row} names missing file {name}{hint}; "
                    "fix the name or remove the row",
                )

    def _load_manifest(self, folder: Path) -> Iterator[Item]:
        if folder in self.manifests:
            return
        self.manifests[folder] = None
        path = folder / MANIFEST_NAME
        if not path.is_file():
            return
        try:
            text, _ = decode(read_bytes(path, self.max_mb))
            manifest = parse_manifest(text)
        except (InputError, ManifestError) as exc:
            yield Skipped(path=str(path), doc=MANIFEST_NAME, reason=f"{exc}; its rows are not used")
            return
        self.manifests[folder] = manifest
        for message in manifest.notices:
            yield Notice(path=str(path), doc=MANIFEST_NAME, message=message)

    def _manifest_row(self, found: Found) -> tuple[ManifestRow | None, list[Item]]:
        """The manifest row for a file: the nearest folder's manifest that names it (by relative path)."""
        problems: list[Item] = []
        folder = found.folder
        while True:
            if folder not in self.manifests:
                problems.extend(self._load_manifest(folder))
            manifest = self.manifests.get(folder)
            if manifest is not None:
                key = found.path.relative_to(folder).as_posix()
                if key in manifest.rows:
                    return manifest.rows[key], problems
            if found.root is None or self._resolve(folder) == found.root or folder.parent == folder:
                return None, problems
            folder = folder.parent

    def _resolve(self, folder: Path) -> Path:
        real = self.resolved.get(folder)
        if real is None:
            real = self.resolved[folder] = folder.resolve()
        return real

    # -- files ----------------------------------------------------------------------------------------------

    def _read(self, found: Found) -> Iterator[Item]:
        suffix = found.path.suffix.lower()
        if found.doc == MANIFEST_NAME:
            if found.root is None:
                yield self._skip(found, f"{MANIFEST_NAME} is metadata, not an article; give the folder that holds it")
            return
        if suffix not in ALL_SUFFIXES:
            yield self._skip(found, _unsupported(found.path))
            return
        try:
            data = read_bytes(found.path, self.max_mb)
        except InputError as exc:
            yield self._skip(found, str(exc))
            return
        if suffix in JSONL_SUFFIXES:
            yield from self._read_jsonl(found, data)
            return
        row, problems = self._manifest_row(found)
        yield from problems
        try:
            if suffix in HTML_SUFFIXES:
                text, encoding = decode(data, declared=declared_charset(data))
                text, own = _html(text)
                body_start, notes = 0, []
            else:
                text, encoding = decode(data)
                reason = blank_reason(text)
                if reason:
                    raise InputError(reason)
                own, body_start, notes = text_metadata(text)
        except InputError as exc:
            yield self._skip(found, str(exc))
            return
        meta, more = _with_manifest(row, own)
        for message in [*notes, *more]:
            yield Notice(path=str(found.path), doc=found.doc, message=message)
        yield from self._article(found, found.doc, text, encoding, meta, body_start)

    def _read_jsonl(self, found: Found, data: bytes) -> Iterator[Item]:
        try:
            content, encoding = decode(data)
        except InputError as exc:
            yield self._skip(found, str(exc))
            return
        reason = blank_reason(content)
        if reason:
            yield self._skip(found, reason)
            return
        ids: dict[str, int] = {}
        for line in parse_jsonl(content):
            doc = f"{found.doc}#{line.number}"
            if line.problem or line.text is None:
                yield Skipped(path=str(found.path), doc=doc, reason=line.problem or "no text")
                continue
            notices = list(line.notices)
            if line.record_id and line.record_id in ids:
                notices.append(
                    f'line {line.number} repeats id "{line.record_id}" of line {ids[line.record_id]}; '
                    f"named {doc} instead, give each line its own id"
                )
            elif line.record_id:
                ids[line.record_id] = line.number
                doc = line.record_id
            own, body_start, notes = text_metadata(line.text)
            meta = merge(line.meta, own)
            for message in [*notices, *notes]:
                yield Notice(path=str(found.path), doc=doc, message=message)
            yield from self._article(found, doc, line.text, encoding, meta, body_start)

    def _article(self, found: Found, doc: str, text: str, encoding: str, meta: Meta, body_start: int):
        try:
            article = make_article(text, doc, str(found.path), encoding, meta, body_start)
        except InputError as exc:
            yield Skipped(path=str(found.path), doc=doc, reason=str(exc))
            return
        first = self.first_seen.setdefault(article.content_hash, (doc, str(found.path)))
        if first != (doc, str(found.path)):
            other = first[0] if first[0] != doc else first[1]  # same name in another folder: say where
            yield Skipped(path=str(found.path), doc=doc, reason=f"same text as {other}; remove one of the copies")
        elif article.content_hash in self.yielded:
            yield Skipped(path=str(found.path), doc=doc, reason="already read (the same file was given twice)")
        else:
            self.yielded.add(article.content_hash)
            yield article

    def _skip(self, found: Found, reason: str) -> Skipped:
        return Skipped(path=str(found.path), doc=found.doc, reason=reason)


def _html(text: str) -> tuple[str, Meta]:
    page = parse_html(text)
    reason = blank_reason(page.text)
    if reason:
        raise InputError("HTML page has no visible article text; save the article's page, not an empty frame")
    return page.text, page.meta


def _with_manifest(row: ManifestRow | None, own: Meta) -> tuple[Meta, list[str]]:
    """The manifest row on top of the file's own metadata; Notices for the row's date problems."""
    if row is None:
        return own, []
    meta = merge(row.meta, own)
    language = language_problem(row.language, f"{MANIFEST_NAME} row {row.row}")
    notes = [note for note in (row.precision_notice, language) if note]
    if row.date_problem:
        if meta.published is not None:
            fallback = f"used the {meta.basis.replace('_', ' ')} date {meta.published.isoformat()} instead"
        else:
            fallback = "date left unknown (it is inferred from the text later)"
        notes.append(f"{row.date_problem}; {fallback}")
    return meta, notes


def _unsupported(path: Path) -> str:
    suffix = path.suffix.lower()
    if not suffix:
        return f"no file extension; rename it to .txt if it is plain text (supported: {SUPPORTED})"
    return f"unsupported file type {suffix}; convert it to .txt (supported: {SUPPORTED})"


def read_inputs(paths: Sequence[str | Path]) -> Iterator[Item]:
    """See `pipeline.ingest.iter_inputs`."""
    return Reader(settings.get_int("max_file_mb")).run(paths)
