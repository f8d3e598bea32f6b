"""What the first characters of a match of a regular expression can be, as a regex for a lookahead guard.

`MASTER` (patterns.py) tries all of its rules at every word start, yet at most word starts no rule can match
("Präsident", "sagte"). A lookahead on the first few characters every match must begin with lets the engine give
up on a position, or on one rule, after a few character tests instead of walking into the groups and tries of
every rule. The guard is computed from the parsed pattern and always accepts a superset of the real prefixes, so
it never changes what matches.
"""

from __future__ import annotations

try:
    from re import _constants as c
    from re import _parser as sre_parse
except ImportError:  # Python 3.10: the same parser under its old names
    import sre_constants as c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_CATEGORY = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s"}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}
MAX_PREFIXES = 20_000
"""Beyond this many distinct prefixes a guard costs more than it saves: none is made."""

Atom = frozenset  # the items of one character class: "a", "0-9", r"\d", r"\s"
Prefix = tuple  # of Atoms; shorter than the requested length when a match can end there


class _Unbounded(Exception):
    """A match can start with (nearly) any character (\\w, ., a negated class...) or be empty: no useful guard."""


def prefix_guard(patterns: str | list[str], flags: int = 0, length: int = 1) -> str | None:
    """A regex matching the first `length` characters of every match of any of `patterns` (compiled with
    `flags`), for use in a lookahead; None when some match can be empty or start with nearly any character."""
    prefixes: set[Prefix] = set()
    try:
        for pattern in [patterns] if isinstance(patterns, str) else patterns:
            prefixes |= _seq(sre_parse.parse(pattern, flags), length)
    except _Unbounded:
        return None
    if not prefixes or () in prefixes:
        return None
    return _trie(prefixes)


def _trie(prefixes: set[Prefix]) -> str:
    """Alternation over the first atoms, each followed by the trie of what may follow it; atoms that are
    followed by the same trie share one character class."""
    if () in prefixes:
        return ""  # a match may end here (or the prefix is long enough): anything may follow
    rests: dict[Atom, set[Prefix]] = {}
    for p in prefixes:
        rests.setdefault(p[0], set()).add(p[1:])
    classes: dict[str, set[str]] = {}
    for atom, rest in rests.items():
        classes.setdefault(_trie(rest), set()).update(atom)
    parts = []
    for follow, items in sorted(classes.items()):
        cls = "[" + "".join(sorted(items)) + "]"
        parts.append(cls + (f"(?:{follow})" if "|" in follow else follow))
    return "|".join(parts)


def _concat(heads: set[Prefix], tails: set[Prefix], length: int) -> set[Prefix]:
    out: set[Prefix] = set()
    for h in heads:
        if len(h) >= length:
            out.add(h)
            continue
        out.update((h + t)[:length] for t in tails)
        if len(out) > MAX_PREFIXES:
            raise _Unbounded("too many prefixes")
    return out


def _seq(seq, length: int) -> set[Prefix]:
    out: set[Prefix] = {()}
    for op, av in seq:
        if all(len(p) >= length for p in out):
            break
        out = _concat(out, _item(op, av, length), length)
    return out


def _item(op, av, length: int) -> set[Prefix]:
    if op in (c.LITERAL, c.IN):
        return {(_atom(op, av),)}
    if op in _ZERO_WIDTH:
        return {()}  # a lookaround only narrows what follows; ignoring it keeps a superset
    if op == c.SUBPATTERN:
        return _seq(av[3], length)
    if op == getattr(c, "ATOMIC_GROUP", None):
        return _seq(av, length)
    if op in _REPEATS:
        low, high, body = av
        once = _seq(body, length)
        out: set[Prefix] = set()
        reps: set[Prefix] = {()}
        for n in range(length + 1):
            if n >= low:
                out |= reps
            if n >= high:
                break
            reps = _concat(reps, once, length)
        if low > length:
            out |= reps
        return out
    if op == c.BRANCH:
        return set().union(*(_seq(branch, length) for branch in av[1]))
    raise _Unbounded(op)


def _atom(op, av) -> Atom:
    if op == c.LITERAL:
        return Atom({_escape(av)})
    out = set()
    for item_op, item in av:
        if item_op == c.LITERAL:
            out.add(_escape(item))
        elif item_op == c.RANGE:
            out.add(_escape(item[0]) + "-" + _escape(item[1]))
        elif item_op == c.CATEGORY and item in _CATEGORY:
            out.add(_CATEGORY[item])
        else:
            raise _Unbounded(item_op)
    return Atom(out)


def _escape(code: int) -> str:
    char = chr(code)
    return char if char.isalnum() else "\\" + char
