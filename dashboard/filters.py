"""The filter state every page shares: one small frozen value, its sentence, and its URL form.

`Filters` is what queries take and what `st.cache_data` keys on; `describe()` is the sentence shown above every
chart and written into every export; `to_query_params`/`from_query_params` make a copied link reproduce the view.
All pure: no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from pipeline.model import EVENT_TYPES, MODALITIES

TYPE_LABELS: dict[str, tuple[str, str]] = {
    "troop_deployment": ("Troop deployment", "Troop deployments"),
    "aid_package": ("Aid package", "Aid packages"),
    "statement": ("Statement", "Statements"),
    "attack": ("Attack", "Attacks"),
    "diplomacy": ("Diplomacy", "Diplomatic events"),
    "sanction": ("Sanction", "Sanctions"),
    "policy_decision": ("Policy decision", "Policy decisions"),
    "territorial_change": ("Territorial change", "Territorial changes"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_TEXT = 200
"""Longest free-text search kept from a URL: a link cannot smuggle a huge string into every query."""


def type_label(event_type: str, plural: bool = False) -> str:
    """Human label of an event type; unknown types are shown as written."""
    labels = TYPE_LABELS.get(event_type)
    if labels is None:
        return event_type.replace("_", " ").capitalize()
    return labels[1] if plural else labels[0]


def format_day(d: date) -> str:
    """`1 Oct 2024`: unambiguous for English and German readers, independent of the server's locale."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _join(items: list[str], word: str) -> str:
    """`a`, `a or b`, `a, b or c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty tuples and None mean "no restriction"."""

    actors: tuple[str, ...] = ()
    """Canonical actor names; an event matches when any of its actors is one of them."""
    include_affiliated: bool = False
    """Also match persons and institutions whose `actors.affiliation` is one of `actors` (Putin for Russia)."""
    date_from: date | None = None
    """Inclusive; an event matches when its date interval overlaps [date_from, date_to]."""
    date_to: date | None = None
    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    """Outlets (`articles.source`): events reported by any article of these outlets."""
    docs: tuple[str, ...] = ()
    """Source articles (`articles.doc`): events reported by any of them."""
    text: str = ""
    """Case-insensitive substring of the evidence sentence."""

    def __post_init__(self) -> None:
        # Normalise so that equal views have equal values (and share one cache entry).
        for name in ("actors", "types", "modalities", "outlets", "docs"):
            object.__setattr__(self, name, tuple(sorted(set(getattr(self, name)))))
        object.__setattr__(self, "text", " ".join(self.text.split())[:MAX_TEXT])
        if self.date_from and self.date_to and self.date_from > self.date_to:
            lo, hi = self.date_to, self.date_from
            object.__setattr__(self, "date_from", lo)
            object.__setattr__(self, "date_to", hi)

    @property
    def is_default(self) -> bool:
        return self == Filters()

    def with_(self, **changes) -> Filters:
        return replace(self, **changes)

    def describe(self) -> str:
        """One sentence saying what is shown, e.g. `Troop deployments and attacks by Russia or North Korea,
        1 Oct 2024 – 31 Dec 2024`."""
        ordered = [t for t in EVENT_TYPES if t in self.types] + [t for t in self.types if t not in EVENT_TYPES]
        labels = [type_label(t, plural=True) for t in ordered]
        head = _join([labels[0]] + [x[0].lower() + x[1:] for x in labels[1:]], "and") if labels else "All events"
        if self.modalities:
            head += f" ({_join(list(self.modalities), 'or')})"
        if self.actors:
            head += " by " + _join(list(self.actors), "or")
            if self.include_affiliated:
                head += " (with affiliated persons and institutions)"
        parts = [head]
        if self.date_from and self.date_to:
            parts.append(f"{format_day(self.date_from)} – {format_day(self.date_to)}")
        elif self.date_from:
            parts.append(f"from {format_day(self.date_from)}")
        elif self.date_to:
            parts.append(f"until {format_day(self.date_to)}")
        else:
            parts.append("all dates")
        if self.outlets:
            parts.append("reported by " + _join(list(self.outlets), "or"))
        if self.docs:
            parts.append(("from article " if len(self.docs) == 1 else "from articles ") + _join(list(self.docs), "or"))
        if self.text:
            parts.append(f"evidence containing “{self.text}”")
        return ", ".join(parts)


# URL form: one short key per field; lists as repeated keys (?actor=Russia&actor=North+Korea).
_LIST_KEYS = {"actor": "actors", "type": "types", "modality": "modalities", "outlet": "outlets", "doc": "docs"}


def to_query_params(f: Filters) -> dict[str, str | list[str]]:
    """The URL query parameters of `f`; default fields are left out so a plain link stays plain."""
    out: dict[str, str | list[str]] = {}
    for key, name in _LIST_KEYS.items():
        values = getattr(f, name)
        if values:
            out[key] = list(values)
    if f.include_affiliated:
        out["affiliated"] = "1"
    if f.date_from:
        out["from"] = f.date_from.isoformat()
    if f.date_to:
        out["to"] = f.date_to.isoformat()
    if f.text:
        out["q"] = f.text
    return out


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)]


def _as_date(value: str | list[str] | None) -> date | None:
    values = _as_list(value)
    if not values:
        return None
    try:
        return date.fromisoformat(values[-1])
    except ValueError:
        return None  # a hand-edited link with a bad date means "no bound", not a crash


def from_query_params(params: Mapping[str, str | list[str]]) -> Filters:
    """Filters from URL query parameters (values as str or list of str). Unknown keys, unknown event types or
    modalities and malformed dates are ignored: a link never breaks the page."""
    lists = {name: tuple(v for v in _as_list(params.get(key)) if v) for key, name in _LIST_KEYS.items()}
    lists["types"] = tuple(t for t in lists["types"] if t in EVENT_TYPES)
    lists["modalities"] = tuple(m for m in lists["modalities"] if m in MODALITIES)
    text = _as_list(params.get("q"))
    return Filters(
        **lists,
        include_affiliated=_as_list(params.get("affiliated"))[-1:] == ["1"],
        date_from=_as_date(params.get("from")),
        date_to=_as_date(params.get("to")),
        text=text[-1] if text else "",
    )
