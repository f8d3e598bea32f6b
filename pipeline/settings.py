"""Every setting, declared once: name, default, help. Read from the environment (`CT_<NAME>`).

`tests/test_settings.py` fails when a setting is not documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "CT_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "data/events.duckdb", "Path of the DuckDB event store that ingest writes and the dashboard reads."),
    Setting("max_file_mb", "20", "Inputs larger than this many megabytes are skipped with a message, not read."),
    Setting("max_sentence_chars", "2000", "Longer 'sentences' (text without punctuation) are cut into pieces of this size."),
    Setting("workers", "0", "Worker processes for ingest; 0 means one per CPU core."),
    Setting("upload_max_mb", "10", "Largest file the dashboard's upload page accepts, in megabytes."),
    Setting("default_published", "", "Publication date (YYYY-MM-DD) for articles with none; empty: infer from the text."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of setting `name`: the environment variable `CT_<NAME>` if set, else its default."""
    s = _BY_NAME[name]
    return os.environ.get(s.env, s.default)


def get_int(name: str) -> int:
    from pipeline.errors import PipelineError

    raw = get(name)
    try:
        return int(raw)
    except ValueError:
        raise PipelineError(f"setting {_BY_NAME[name].env}={raw!r} is not a whole number; unset it or give one") from None
