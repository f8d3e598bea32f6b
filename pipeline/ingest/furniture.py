"""Page furniture: character ranges of lines that are not the article (banners, credits, bylines...).

The rules live in `pipeline/data/furniture.yaml` (a user extends them there); this module compiles them once
and applies them to a text. `find_furniture` is pure: text in, sorted non-overlapping (start, end) ranges out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.errors import VocabularyError
from pipeline.yaml_loader import YAML_LOADER

DEFAULT_RULES = Path(__file__).resolve().parent.parent / "data" / "furniture.yaml"
_LINE = re.compile(r"[^\r\n]+")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_INITIAL = re.compile(r"[^\W\d_]\.", re.UNICODE)
_NAME_BAD_CHARS = re.compile(r"[!?:;\"„“”()|]")
_ENDS_WITH_INITIAL = re.compile(r"\b[^\W\d_]\.$")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\bund\b|&)\s*")


@dataclass(frozen=True)
class Group:
    name: str
    max_chars: int
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Rules:
    groups: tuple[Group, ...]
    prefixes: tuple[re.Pattern[str], ...]
    prefix_head_lines: int
    byline_head_lines: int
    byline_tail_lines: int
    byline_prefixes: tuple[str, ...]
    particles: frozenset[str]
    not_name_words: frozenset[str]
    not_name_suffixes: tuple[str, ...]
    given_names: frozenset[str]


def find_furniture(text: str, body_start: int = 0, rules: Rules | None = None) -> tuple[tuple[int, int], ...]:
    """Ranges (start, end) into `text` of furniture lines in the body (from `body_start`), merged.

    A range covers a line without its surrounding spaces; neighbouring ranges with only whitespace between
    them become one range (a three-paragraph consent banner is one range).
    """
    rules = rules or load_rules()
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, body_start) if m.group().strip()]
    spans: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(lines):
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        line = raw.strip()
        a, b = start + lead, start + lead + len(line)
        if _whole_line(line, rules) or _is_byline(line, index, len(lines), rules):
            spans.append((a, b))
        elif index < rules.prefix_head_lines:
            for pattern in rules.prefixes:
                m = pattern.match(line)
                if m and m.end() < len(line):
                    spans.append((a, a + len(m.group().rstrip())))
                    break
    return _merge(text, spans)


def _whole_line(line: str, rules: Rules) -> bool:
    return any(
        len(line) <= group.max_chars and any(p.fullmatch(line) for p in group.patterns) for group in rules.groups
    )


def _is_byline(line: str, index: int, count: int, rules: Rules) -> bool:
    """A lone line of person names near the top (not the headline) or at the very end of the body."""
    near_top = 0 < index <= rules.byline_head_lines
    near_end = index >= count - rules.byline_tail_lines and index > 0
    if not (near_top or near_end) or len(line) > 120:
        return False
    lowered = line.lower()
    for prefix in rules.byline_prefixes:
        if lowered.startswith(prefix + " ") or lowered.startswith(prefix + ":"):
            rest = line[len(prefix) :].lstrip(": ")
            names = rest.split(",")[0] if "," in rest else rest
            if _names_only(names, rules, known_first=False):
                return True
    return _names_only(line, rules, known_first=True)


def _names_only(line: str, rules: Rules, known_first: bool) -> bool:
    """True when `line` is one to four person names ("Anna Schmidt und Max Müller", "J. D. Vance").

    With `known_first`, each name must open with a known given name or an initial.
    """
    if any(ch.isdigit() for ch in line) or _NAME_BAD_CHARS.search(line):
        return False
    if line.endswith(".") and not _ENDS_WITH_INITIAL.search(line):  # a name may end with an initial
        return False
    names = [n for n in _NAME_SEPARATORS.split(line) if n]
    if not 1 <= len(names) <= 4:
        return False
    if known_first and not all(_known_first(name, rules) for name in names):
        return False
    return all(_one_name(name, rules) for name in names)


def _known_first(name: str, rules: Rules) -> bool:
    first = name.split()[0]
    return first.lower() in rules.given_names or bool(_INITIAL.fullmatch(first))


def _one_name(name: str, rules: Rules) -> bool:
    tokens = name.split()
    capitalised = 0
    for token in tokens:
        if token.lower() in rules.particles and capitalised:
            continue
        if _INITIAL.fullmatch(token):
            capitalised += 1
            continue
        if not _NAME_TOKEN.fullmatch(token) or not token[0].isupper():
            return False
        letters = token.replace("-", "").replace("'", "").replace("’", "")
        if letters.isupper() and len(letters) > 2:
            return False
        if token in rules.not_name_words or token.lower().endswith(rules.not_name_suffixes):
            return False
        capitalised += 1
    return 2 <= capitalised <= 4 and len(tokens) <= 6


def _merge(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


@lru_cache(maxsize=4)
def load_rules(path: Path = DEFAULT_RULES) -> Rules:
    """Compile the furniture rules in `path`.

    Raises:
        VocabularyError: the file is missing, not YAML, or holds a pattern that is not a valid regex.
    """
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path}: cannot read the furniture rules ({exc}); fix or restore the file") from None
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: expected keys groups, prefixes, bylines; restore the file's layout")
    groups = tuple(
        Group(g["name"], int(g.get("max_chars", 300)), tuple(_compile(path, g["name"], p) for p in g["lines"]))
        for g in data.get("groups", [])
    )
    prefixes = data.get("prefixes", {})
    bylines = data.get("bylines", {})
    return Rules(
        groups=groups,
        prefixes=tuple(_compile(path, "prefixes", p) for p in prefixes.get("patterns", [])),
        prefix_head_lines=int(prefixes.get("head_lines", 3)),
        byline_head_lines=int(bylines.get("head_lines", 6)),
        byline_tail_lines=int(bylines.get("tail_lines", 2)),
        byline_prefixes=tuple(sorted((p.lower() for p in bylines.get("byline_prefixes", [])), key=len, reverse=True)),
        particles=frozenset(p.lower() for p in bylines.get("particles", [])),
        not_name_words=frozenset(bylines.get("not_name_words", [])),
        not_name_suffixes=tuple(s.lower() for s in bylines.get("not_name_suffixes", [])),
        given_names=frozenset(str(n).lower() for n in bylines.get("given_names", [])),
    )


def _compile(path: Path, group: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise VocabularyError(f"{path}: pattern {pattern!r} in {group} is not a valid regex ({exc}); fix it") from None
