"""The file system edge of ingest: walking folders, symlinks, special files, sizes, permissions, reading bytes.

Everything else in `pipeline.ingest` works on values; this module is the only one that touches the disk.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.model import Skipped

_MB = 1024 * 1024


@dataclass(frozen=True)
class Found:
    """A regular file to read."""

    path: Path
    """Where to read it: the user's path joined with the names found under it."""
    doc: str
    """Its file name: what the export calls `doc`."""
    folder: Path
    """The folder it lies in (its manifest applies)."""
    root: Path | None
    """The input folder it was found under; None when the user named the file itself."""


@dataclass(frozen=True)
class Folder:
    """Entering a folder (before its files): its manifest, if any, is read now."""

    path: Path
    root: Path


def check_exists(paths: list[Path]) -> None:
    """Raises InputError naming the first path that does not exist at all (not even as a broken link)."""
    for path in paths:
        if not os.path.lexists(path):
            raise InputError(f"input {str(path)!r} does not exist; check the path (no such file or folder)")


def walk(given: Path) -> Iterator[Found | Folder | Skipped]:
    """Every file under `given` (a file or a folder), sorted by name, folders recursively.

    Dotfiles and dot-folders (.DS_Store, .git) are ignored. Symlinks are followed only when they point inside
    the input folder; others, broken links and special files (pipes, devices) come back as Skipped.
    """
    if given.is_symlink() and not given.exists():
        yield _skipped(given, given.name, f"broken symlink to {os.readlink(given)}; fix the link or remove it")
    elif given.is_dir():
        root = given.resolve()
        yield from _walk_folder(given, root, {root})
    else:
        yield from _file(given, None)


def _walk_folder(folder: Path, root: Path, seen: set[Path]) -> Iterator[Found | Folder | Skipped]:
    yield Folder(folder, root)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield _skipped(folder, folder.name, _os_problem(exc, "listing this folder", "chmod +rx"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink():
            problem = _link_problem(path, root)
            if problem:
                yield _skipped(path, entry.name, problem)
                continue
        if path.is_dir():
            real = path.resolve()
            if real in seen:
                yield _skipped(path, entry.name, f"folder link to {real}, which is already being read; not followed")
                continue
            yield from _walk_folder(path, root, seen | {real})
        else:
            yield from _file(path, root)


def _file(path: Path, root: Path | None) -> Iterator[Found | Skipped]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield _skipped(path, path.name, _os_problem(exc))
        return
    if not stat.S_ISREG(mode):
        yield _skipped(path, path.name, f"not a regular file ({_kind(mode)}); remove it from the input")
        return
    yield Found(path=path, doc=path.name, folder=path.parent, root=root)


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symlink inside an input folder is not followed, or None when it may be."""
    target = os.readlink(path)
    real = path.resolve()
    if not real.exists():
        return f"broken symlink to {target}; fix the link or remove it"
    if real != root and root not in real.parents:
        return (
            f"symlink to {real} points outside the input folder {root}; not followed "
            "(copy the file into the folder to read it)"
        )
    return None


def read_bytes(path: Path, max_mb: int) -> bytes:
    """The bytes of `path`, after checking its size against the limit (before reading anything).

    Raises:
        InputError: over the size limit, permission denied, or any other OS error; the message is the skip reason.
    """
    limit = max_mb * _MB
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(_too_large(size, max_mb))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(_os_problem(exc)) from None
    if len(data) > limit:  # the file grew while we read it
        raise InputError(_too_large(len(data), max_mb))
    return data


def _os_problem(exc: OSError, doing: str = "", fix: str = "chmod +r") -> str:
    """The one-line reason for an OS error while reading (permission denied is the common one)."""
    if isinstance(exc, PermissionError):
        what = f"permission denied {doing}".strip()
        return f"{what}; make it readable ({fix}) or remove it"
    return f"cannot be read ({exc.strerror or exc}); check the file"


def _too_large(size: int, max_mb: int) -> str:
    needed = max(math.ceil(size / _MB), max_mb + 1)
    return (
        f"file is {size / _MB:.1f} MB, over the {max_mb} MB limit; split it or raise the limit, "
        f"e.g. CT_MAX_FILE_MB={needed}"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _skipped(path: Path, doc: str, reason: str) -> Skipped:
    return Skipped(path=str(path), doc=doc, reason=reason)
