"""Load and validate the vocabulary data files in `pipeline/data/` (actors, places, triggers, facts).

Each loader returns plain values (dicts, tuples) and raises `VocabularyError` naming the file, the row and the
fix when a row is malformed. Results are cached: the files are read once per process.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.errors import VocabularyError
from pipeline.model import EVENT_TYPES
from pipeline.yaml_loader import YAML_LOADER

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ACTOR_KINDS = ("state", "person", "organisation", "group", "media")
QUANTITY_CUES = ("MONEY", "TROOPS", "CASUALTIES", "SPEAKER", "SO_SPEAKER", "ACTOR", "MEETING")
"""Cue classes that are not word lists: conditions the extractor checks on the sentence itself (MEETING: a
meeting or talks were reported in the last sentences)."""


@dataclass(frozen=True)
class Rule:
    """One trigger rule of `triggers.yaml`."""

    rule_id: int
    type: str
    words: tuple[str, ...]
    heads: tuple[str, ...]
    requires: tuple[str, ...]
    particles: tuple[str, ...]
    particles_anywhere: bool
    """the particle may stand anywhere in the clause ("deutlich gemacht"), not only clause-final after it"""
    blocked_by: frozenset[str]
    confidence: float
    requires_anywhere: bool = False
    """the required cue may stand in any clause of the sentence, not only the trigger's ("drängen darauf, ...
    Sicherheitsgarantien zu geben")"""
    followed_by: tuple[str, ...] = ()
    """cue classes of which one must start within the three tokens after the trigger ("Unterstützung
    nordkoreanischer Streitkräfte")"""
    unblocked_by: tuple[str, ...] = ()
    """cue classes whose presence in the sentence lifts `blocked_by` ("Hackerangriff" blocks an attack unless
    the sentence names troops, weapons or missiles)"""
    unless_after: tuple[str, ...] = ()
    """cue classes that cancel the rule when one stands before the trigger in its clause, or in an earlier clause
    when the trigger's clause depends on it ("forderte die Verbündeten auf, Flugabwehrsysteme zu liefern": a
    request, not a delivery)"""
    sense: str | None = None
    """'meet' or 'hit' for "treffen": the rule holds only when the trigger's clause reads that way"""


@dataclass(frozen=True)
class Triggers:
    rules: tuple[Rule, ...]
    cues: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    """cue class -> (words, heads)"""
    exclude: frozenset[str]
    exclude_endings: tuple[str, ...] = ()
    """lower-case endings of compounds never taken as a compound match ("Vorwahlkampf", "Charmeoffensive")"""


def _read_yaml(name: str):
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=YAML_LOADER)
    except FileNotFoundError:
        raise VocabularyError(f"{path}: vocabulary file missing; restore it from git") from None
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({exc}); fix the syntax at the line shown") from None


def _str_list(value, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise VocabularyError(f"{where}: '{field}' must be a list of strings")
    return tuple(str(v) for v in value)


def _date(value, where: str, field: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise VocabularyError(f"{where}: '{field}' {value!r} is not a date YYYY-MM-DD") from None


@lru_cache(maxsize=1)
def actor_entries() -> tuple[dict, ...]:
    """The validated rows of `actors.yaml` (name, kind, affiliation, wikidata, aliases, prefixes, exclude).

    Raises:
        VocabularyError: a row lacks a name, has an unknown kind or a malformed alias list.
    """
    raw = _read_yaml("actors.yaml")
    if not isinstance(raw, list):
        raise VocabularyError("actors.yaml: expected a list of actor entries (- name: ...)")
    out, seen = [], set()
    for i, row in enumerate(raw, 1):
        where = f"actors.yaml entry {i}"
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise VocabularyError(f"{where}: every entry needs a 'name' (canonical English name)")
        name = row["name"].strip()
        where = f"actors.yaml entry {i} ({name})"
        if name in seen:
            raise VocabularyError(f"{where}: duplicate name; merge the two entries")
        seen.add(name)
        kind = row.get("kind")
        if kind not in ACTOR_KINDS:
            raise VocabularyError(f"{where}: kind {kind!r} must be one of {', '.join(ACTOR_KINDS)}")
        out.append({
            "name": name,
            "kind": kind,
            "affiliation": row.get("affiliation"),
            "wikidata": row.get("wikidata"),
            "aliases": _str_list(row.get("aliases"), where, "aliases"),
            "prefixes": _str_list(row.get("prefixes"), where, "prefixes"),
            "exclude": _str_list(row.get("exclude"), where, "exclude"),
        })
    names = {r["name"] for r in out}
    for r in out:
        if r["affiliation"] and r["affiliation"] not in names:
            raise VocabularyError(f"actors.yaml ({r['name']}): affiliation {r['affiliation']!r} is not an actor "
                                  "name in the file; add it or fix the spelling")
    return tuple(out)


def load_actors() -> list[dict]:
    """The actor vocabulary as rows for the store: name, kind, affiliation, wikidata, in_vocabulary."""
    return [{"name": r["name"], "kind": r["kind"], "affiliation": r["affiliation"], "wikidata": r["wikidata"],
             "in_vocabulary": True} for r in actor_entries()]


@lru_cache(maxsize=1)
def place_entries() -> tuple[dict, ...]:
    """The validated rows of `places.csv` (name, kind, country, lat, lon, aliases).

    Raises:
        VocabularyError: a row lacks a name or has coordinates that are not numbers in range.
    """
    path = DATA_DIR / "places.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        raise VocabularyError(f"{path}: vocabulary file missing; restore it from git") from None
    out, seen = [], set()
    for i, row in enumerate(rows, 2):
        where = f"places.csv line {i}"
        name = (row.get("name") or "").strip()
        if not name:
            raise VocabularyError(f"{where}: the 'name' column is empty; give the canonical place name")
        if name in seen:
            raise VocabularyError(f"{where}: duplicate place {name!r}; merge the rows")
        seen.add(name)
        try:
            lat, lon = float(row.get("lat") or ""), float(row.get("lon") or "")
        except ValueError:
            raise VocabularyError(f"{where} ({name}): lat/lon must be decimal numbers like 50.45") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise VocabularyError(f"{where} ({name}): lat/lon out of range")
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        out.append({"name": name, "kind": (row.get("kind") or "").strip() or "place",
                    "country": (row.get("country") or "").strip() or None, "lat": lat, "lon": lon,
                    "aliases": aliases or (name,)})
    return tuple(out)


def load_places() -> list[dict]:
    """The place vocabulary as rows for the store: name, kind, country, lat, lon."""
    return [{k: r[k] for k in ("name", "kind", "country", "lat", "lon")} for r in place_entries()]


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    """The validated trigger rules and cue classes of `triggers.yaml`.

    Raises:
        VocabularyError: unknown event type, unknown cue class, confidence outside 0..1.
    """
    raw = _read_yaml("triggers.yaml")
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise VocabularyError("triggers.yaml: expected top-level keys 'cues' and 'rules'")
    cues = {}
    for cls, spec in (raw.get("cues") or {}).items():
        where = f"triggers.yaml cue {cls!r}"
        if not isinstance(spec, dict):
            raise VocabularyError(f"{where}: expected 'words' and/or 'heads' lists")
        cues[str(cls)] = (_str_list(spec.get("words"), where, "words"),
                          tuple(h.lower() for h in _str_list(spec.get("heads"), where, "heads")))
    word_sets = {str(k): _str_list(v, f"triggers.yaml word_sets {k!r}", "words")
                 for k, v in (raw.get("word_sets") or {}).items()}

    def expand(words: tuple[str, ...], where: str) -> tuple[str, ...]:
        out: list[str] = []
        for w in words:
            if w.startswith("@"):
                if w[1:] not in word_sets:
                    raise VocabularyError(f"{where}: unknown word set {w!r}; define it under 'word_sets'")
                out.extend(word_sets[w[1:]])
            else:
                out.append(w)
        return tuple(out)

    rules = []
    for i, row in enumerate(raw["rules"], 1):
        where = f"triggers.yaml rule {i}"
        if not isinstance(row, dict) or row.get("type") not in EVENT_TYPES:
            raise VocabularyError(f"{where}: 'type' must be one of {', '.join(EVENT_TYPES)}")
        def cue_refs(key: str, quantity_cues_allowed: bool, row=row, where=where) -> list[str]:
            """The rule's list `key` of cue class names, each defined under 'cues' (or a built-in cue class)."""
            names = _str_list(row.get(key), where, key)
            for cls in names:
                if cls not in cues and not (quantity_cues_allowed and cls in QUANTITY_CUES):
                    raise VocabularyError(f"{where}: {key} unknown cue class {cls!r}; define it under 'cues'")
            return names

        requires = cue_refs("requires", True)
        followed_by = cue_refs("followed_by", False)
        unblocked_by = cue_refs("unblocked_by", True)
        unless_after = cue_refs("unless_after", False)
        sense = row.get("sense")
        if sense not in (None, "meet", "hit"):
            raise VocabularyError(f"{where}: sense {sense!r} must be 'meet' or 'hit'")
        conf = row.get("confidence", 0.7)
        if not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
            raise VocabularyError(f"{where}: confidence {conf!r} must be a number between 0 and 1")
        rules.append(Rule(
            rule_id=i - 1, type=row["type"], words=_str_list(row.get("words"), where, "words"),
            heads=tuple(h.lower() for h in _str_list(row.get("heads"), where, "heads")),
            requires=requires, particles=_str_list(row.get("with"), where, "with"),
            particles_anywhere=bool(row.get("with_anywhere", False)),
            blocked_by=frozenset(w.lower() for w in expand(_str_list(row.get("blocked_by"), where, "blocked_by"),
                                                           where)),
            confidence=float(conf), followed_by=followed_by, unblocked_by=unblocked_by,
            requires_anywhere=bool(row.get("requires_anywhere", False)), unless_after=unless_after, sense=sense))
    exclude = frozenset(w.lower() for w in _str_list(raw.get("exclude"), "triggers.yaml", "exclude"))
    endings = tuple(w.lower() for w in _str_list(raw.get("exclude_endings"), "triggers.yaml", "exclude_endings"))
    return Triggers(rules=tuple(rules), cues=cues, exclude=exclude, exclude_endings=endings)


@lru_cache(maxsize=1)
def facts() -> dict:
    """World knowledge of `facts.yaml`: offices (titles -> holders by date), terms, campaigns, elections.

    Raises:
        VocabularyError: a date is not YYYY-MM-DD or a holder lacks a name.
    """
    raw = _read_yaml("facts.yaml") or {}
    offices = []
    for i, off in enumerate(raw.get("offices") or [], 1):
        where = f"facts.yaml office {i}"
        holders = []
        for h in off.get("holders") or []:
            if not isinstance(h, dict) or not h.get("name"):
                raise VocabularyError(f"{where}: every holder needs a name, start and end")
            holders.append((h["name"], _date(h.get("start"), where, "start"), _date(h.get("end"), where, "end")))
        titles = _str_list(off.get("titles"), where, "titles")
        bare = _str_list(off.get("bare_titles"), where, "bare_titles")
        if set(bare) - set(titles):
            raise VocabularyError(f"{where}: bare_titles {sorted(set(bare) - set(titles))} are not in 'titles'")
        offices.append({"office": off.get("office", f"office {i}"), "titles": titles, "holders": tuple(holders),
                        "bare_titles": frozenset(bare),
                        "context": _str_list(off.get("context"), where, "context"),
                        "rival_context": _str_list(off.get("rival_context"), where, "rival_context")})

    def periods(section: str) -> dict[str, tuple[tuple[date, date | None], ...]]:
        out = {}
        for name, rows in (raw.get(section) or {}).items():
            where = f"facts.yaml {section} {name}"
            out[name] = tuple((_date(r.get("start"), where, "start"), _date(r.get("end"), where, "end"))
                              for r in rows or [])
        return out

    elections = []
    for i, e in enumerate(raw.get("elections") or [], 1):
        where = f"facts.yaml election {i}"
        elections.append({"name": e.get("name", where), "date": _date(e.get("date"), where, "date"),
                          "keywords": _str_list(e.get("keywords"), where, "keywords")})
    return {"offices": tuple(offices), "terms": periods("terms"), "campaigns": periods("campaigns"),
            "elections": tuple(elections)}
