"""Typed errors. Every message says what was wrong and how to fix it; the CLI prints it as one line."""

from __future__ import annotations


class PipelineError(Exception):
    """Base class for every error the pipeline raises on purpose."""


class InputError(PipelineError):
    """An input file or folder cannot be read as an article (missing, binary, undecodable, too large...)."""


class ManifestError(PipelineError):
    """A manifest row is malformed (bad date, unknown file, duplicate)."""


class StoreError(PipelineError):
    """The DuckDB event store is missing, locked, corrupt or of an unknown schema version."""


class DateError(PipelineError):
    """A date given by the user (--dct, a manifest date) cannot be understood."""


class VocabularyError(PipelineError):
    """A vocabulary data file (actors, places, triggers) is malformed."""
