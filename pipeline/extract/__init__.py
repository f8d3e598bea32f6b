"""Extractors: turn the annotations of `pipeline.nlp` into events (type, date, actors, place, quantity...)."""

from pipeline.extract.events import extract_mentions
from pipeline.extract.vocab import load_actors, load_places
from pipeline.nlp import load_nlp

__all__ = ["extract_mentions", "load_actors", "load_nlp", "load_places"]
