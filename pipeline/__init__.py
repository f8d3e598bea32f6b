"""conflict-timeline pipeline: German news articles into a dated, sourced event table."""

__version__ = "0.1.0"
