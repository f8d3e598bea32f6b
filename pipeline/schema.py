"""DuckDB schema of the event store, mirroring `pipeline/model.py`.

Tables
- `articles`: every input seen, ingested or skipped (with the reason), with its text and publication date.
- `run_log`: one line per input per run: what happened to it (the run report, kept for the dashboard).
- `mentions`: events as extracted from one sentence of one article, before merging (one source each).
- `events`: merged events, one row each (the exported table).
- `event_sources`: event <-> mention (article sentence with character offsets); every event has at least one.
- `actors`: the actor vocabulary (canonical name, kind, affiliation, Wikidata id).
- `places`: the place vocabulary with coordinates.
- `meta`: key/value (schema version, data version, build time).
"""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY,
        doc VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        title VARCHAR,
        source VARCHAR,
        url VARCHAR,
        published DATE,
        published_precision VARCHAR NOT NULL,
        published_basis VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        encoding VARCHAR,
        status VARCHAR NOT NULL,          -- 'ingested' | 'skipped'
        skip_reason VARCHAR,
        text VARCHAR,
        body_start INTEGER NOT NULL DEFAULT 0,
        furniture JSON,                   -- [[start, end], ...] page furniture that yields no events
        n_events INTEGER NOT NULL DEFAULT 0,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS run_log (
        run_id VARCHAR NOT NULL,
        logged_at TIMESTAMP NOT NULL,
        path VARCHAR NOT NULL,
        doc VARCHAR,
        status VARCHAR NOT NULL,          -- 'ingested' | 'unchanged' | 'replaced' | 'skipped' | 'warning'
        message VARCHAR NOT NULL,
        n_events INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE IF NOT EXISTS mentions (
        mention_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        doc VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        date_start DATE,
        date_end DATE,
        precision VARCHAR NOT NULL,
        date_basis VARCHAR NOT NULL,
        date_text VARCHAR,
        date_value VARCHAR,
        actors VARCHAR[] NOT NULL,
        targets VARCHAR[] NOT NULL,
        location VARCHAR,
        quantity JSON NOT NULL,
        modality VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL,
        trigger VARCHAR,
        sentence VARCHAR NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        published DATE
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        type VARCHAR NOT NULL,
        date_start DATE,
        date_end DATE,
        precision VARCHAR NOT NULL,
        date_basis VARCHAR NOT NULL,
        date_text VARCHAR,
        date_value VARCHAR,
        actors VARCHAR[] NOT NULL,
        targets VARCHAR[] NOT NULL,
        location VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        quantity JSON NOT NULL,
        troops DOUBLE,                    -- flattened from quantity for charts (first value when sources disagree)
        amount DOUBLE,
        currency VARCHAR,
        killed DOUBLE,
        wounded DOUBLE,
        modality VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL,
        trigger VARCHAR,
        n_sources INTEGER NOT NULL,
        evidence VARCHAR NOT NULL,        -- the first source sentence, for search and hover
        first_doc VARCHAR NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS event_sources (
        event_id VARCHAR NOT NULL,
        mention_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        doc VARCHAR NOT NULL,
        sentence VARCHAR NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        published DATE,
        quantity JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        name VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,            -- 'state' | 'person' | 'organisation' | 'group' | 'media'
        affiliation VARCHAR,              -- canonical state name (Putin -> Russia), or NULL
        wikidata VARCHAR,
        in_vocabulary BOOLEAN NOT NULL    -- False for persons/organisations found in text only
    )""",
    """CREATE TABLE IF NOT EXISTS places (
        name VARCHAR PRIMARY KEY,
        kind VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE
    )""",
)
