"""The characters a regular expression can start a match with, as a character class.

`MASTER` (patterns.py) tries all of its rules at every word start; most rules cannot start with the character
found there. Guarding each rule with a lookahead on its possible first characters, `(?=[...])`, makes the engine
skip a rule after one class test instead of walking into its groups and tries. The class is computed from the
parsed pattern and is always a superset of the true first characters, so a guard never changes what matches.
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


class _Unbounded(Exception):
    """The pattern can start with any character (\\w, ., a negated class...): no useful guard."""


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class `[...]` matching every character a match of `pattern` can start with; None when a
    match can be empty or start with (nearly) any character."""
    try:
        items, nullable = _first(sre_parse.parse(pattern, flags))
    except _Unbounded:
        return None
    if nullable or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


def _first(seq) -> tuple[set[str], bool]:
    """(class items a match of the sequence can start with, whether the sequence can match empty)."""
    out: set[str] = set()
    for op, av in seq:
        items, nullable = _first_item(op, av)
        out |= items
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[set[str], bool]:
    if op == c.LITERAL:
        return {_escape(av)}, False
    if op == c.IN:
        return _class_items(av), False
    if op in _ZERO_WIDTH:
        return set(), True  # a lookaround only narrows what follows; ignoring it keeps a superset
    if op == c.SUBPATTERN:
        return _first(av[3])
    if op == getattr(c, "ATOMIC_GROUP", None):
        return _first(av)
    if op in _REPEATS:
        items, nullable = _first(av[2])
        return items, nullable or av[0] == 0
    if op == c.BRANCH:
        out: set[str] = set()
        any_nullable = False
        for branch in av[1]:
            items, nullable = _first(branch)
            out |= items
            any_nullable = any_nullable or nullable
        return out, any_nullable
    raise _Unbounded(op)


def _class_items(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op == c.LITERAL:
            out.add(_escape(av))
        elif op == c.RANGE:
            out.add(_escape(av[0]) + "-" + _escape(av[1]))
        elif op == c.CATEGORY and av in _CATEGORY:
            out.add(_CATEGORY[av])
        else:
            raise _Unbounded(op)
    return out


def _escape(code: int) -> str:
    char = chr(code)
    return char if char.isalnum() else "\\" + char
