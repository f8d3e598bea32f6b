"""Saving uploaded files safely: a clean name inside the uploads folder, a size limit, no overwrites.

A browser sends whatever file name it likes (`../../etc/passwd`, `C:\\x\\..\\y.txt`, `.bashrc`, names with
control characters); only the last path component survives, reduced to letters, digits, `.`, `-` and `_`.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_NAME = 100


class UploadError(ValueError):
    """An upload was refused; the message says why and what to do."""


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder, with an allowed suffix.

    Raises:
        UploadError: the suffix is not one of ALLOWED_SUFFIXES or nothing usable is left of the name.
    """
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._-")
    base = re.sub(r"\.{2,}", ".", base)
    stem, dot, suffix = base.rpartition(".")
    suffix = "." + suffix.lower() if dot else ""
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadError(f"{name!r}: only {', '.join(ALLOWED_SUFFIXES)} files can be added; save it as one of these")
    stem = stem[: MAX_NAME - len(suffix)].strip("._-")
    if not stem:
        raise UploadError(f"{name!r}: the file name has no usable characters; rename it (letters, digits, - or _)")
    return stem + suffix


def check_size(name: str, n_bytes: int, max_mb: int) -> None:
    """Raises:
        UploadError: the file is empty or larger than `max_mb` megabytes."""
    if n_bytes == 0:
        raise UploadError(f"{name!r} is empty; choose the file with the article text")
    if n_bytes > max_mb * 1024 * 1024:
        raise UploadError(f"{name!r} is {n_bytes / 1024 / 1024:.1f} MB, more than the limit of {max_mb} MB "
                          "(setting CT_UPLOAD_MAX_MB); split it or raise the limit")


def save(data: bytes, name: str, folder: Path) -> Path:
    """Write `data` as `folder/<safe name>`; the same name with other content gets a `-<hash>` suffix instead
    of overwriting. Returns the path written (or the existing identical file).

    Raises:
        UploadError: the name is refused (see `safe_name`).
    """
    folder.mkdir(parents=True, exist_ok=True)
    clean = safe_name(name)
    target = folder / clean
    if target.exists() and target.read_bytes() != data:
        stem, suffix = os.path.splitext(clean)
        target = folder / f"{stem}-{hashlib.sha256(data).hexdigest()[:8]}{suffix}"
    if target.resolve().parent != folder.resolve():  # defence in depth: safe_name already forbids this
        raise UploadError(f"{name!r} would be written outside {folder}; rename it")
    if not target.exists():
        tmp = target.with_name(f".{target.name}.part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    return target
