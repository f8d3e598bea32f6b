"""The sidebar filter widgets, shared by every page, and their two-way link with the URL query string.

The widgets are created by the router (`app.py`) on every run with fixed keys, so they hold across pages. On a
session's first run their values come from the URL (`?actor=Russia&from=2024-10-01`); afterwards the widgets
own the state and every run writes it back to the URL, so a copied link reproduces the view.
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from dashboard import db
from dashboard.filters import Filters, format_day, from_query_params, to_query_params, type_label
from pipeline.model import EVENT_TYPES, MODALITIES

ALL, LAST30, LAST90, CUSTOM = "All dates", "Last 30 days of data", "Last 3 months of data", "Custom range"
KEYS = ("f_actors", "f_affiliated", "f_period", "f_dates", "f_from", "f_to", "f_types", "f_modalities", "f_outlets",
        "f_docs", "f_text")
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
"""What the typed date boxes accept (st.date_input's own default is only ten years either side of today)."""


def _bounds() -> tuple[date, date]:
    s = db.summary()
    first, last = s["first"] or date.today(), s["last"] or date.today()
    return first, max(last, first + timedelta(days=1))


def preset_range(preset: str, first: date, last: date) -> tuple[date, date]:
    """The (start, end) a period preset stands for, clipped to the data's range."""
    if preset == LAST30:
        return max(first, last - timedelta(days=29)), last
    if preset == LAST90:
        return max(first, last - timedelta(days=91)), last
    if preset.isdigit():  # the whole year, also where the data is thinner: the sentence says "2024"
        return date(int(preset), 1, 1), date(int(preset), 12, 31)
    return first, last


def _set_dates(lo: date, hi: date) -> None:
    """One place that moves the range: the slider and both typed boxes always show the same two dates."""
    st.session_state.update({"f_dates": (lo, hi), "f_from": lo, "f_to": hi})


def _on_preset() -> None:
    first, last = _bounds()
    preset = st.session_state["f_period"]
    if preset != CUSTOM:
        _set_dates(*preset_range(preset, first, last))
    st.session_state.pop("f_date_note", None)


def _on_slider() -> None:
    st.session_state["f_period"] = CUSTOM
    _set_dates(*st.session_state["f_dates"])
    st.session_state.pop("f_date_note", None)


def typed_range(typed_from: date | None, typed_to: date | None, first: date, last: date) -> tuple[date, date, str | None]:
    """The range two typed dates stand for, and a note for the reader when it is not what they typed: an empty
    box means the data's first (or last) date; From after To is swapped, and the note says so."""
    lo, hi = typed_from or first, typed_to or last
    if lo > hi:
        return hi, lo, (f"From ({format_day(lo)}) was after To ({format_day(hi)}): the two dates were swapped.")
    return lo, hi, None


def _on_typed() -> None:
    first, last = _bounds()
    lo, hi, note = typed_range(st.session_state.get("f_from"), st.session_state.get("f_to"), first, last)
    st.session_state["f_period"] = CUSTOM
    _set_dates(lo, hi)
    if note:
        st.session_state["f_date_note"] = note
    else:
        st.session_state.pop("f_date_note", None)


def reset() -> None:
    """Back to "everything" (used by the reset buttons)."""
    _apply(Filters())


def _apply(f: Filters) -> None:
    first, last = _bounds()
    if f.date_from or f.date_to:
        dates = (f.date_from or first, f.date_to or last)
        year = dates[0].year
        period = str(year) if dates == (date(year, 1, 1), date(year, 12, 31)) else CUSTOM
    else:
        dates, period = (first, last), ALL
    st.session_state.update({
        "f_actors": list(f.actors), "f_affiliated": f.include_affiliated, "f_types": list(f.types),
        "f_modalities": list(f.modalities), "f_outlets": list(f.outlets), "f_docs": list(f.docs), "f_text": f.text,
        "f_dates": dates, "f_from": dates[0], "f_to": dates[1], "f_period": period,
    })
    st.session_state.pop("f_date_note", None)


def _current_query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _same(a: dict, b: dict) -> bool:
    norm = lambda d: {k: sorted(v) if isinstance(v, list) else [v] for k, v in d.items()}  # noqa: E731
    return norm(a) == norm(b)


def render() -> Filters:
    """Draw the filter widgets and return the `Filters` they describe (also kept in session state)."""
    state = db.check_store()
    if not state.ok:
        st.sidebar.caption("Filters appear once there are events.")
        f = from_query_params(_current_query())
        st.session_state["filters"] = f
        return f
    first, last = _bounds()
    if "f_init" not in st.session_state:
        st.session_state["f_init"] = True
        _apply(from_query_params(_current_query()))

    sb = st.sidebar
    sb.header("Filters")
    actors = db.run("actor_options")
    counts = dict(zip(actors["name"], actors["n"], strict=True))
    options = list(actors["name"]) + [a for a in st.session_state.get("f_actors", []) if a not in counts]
    sb.multiselect("Actors (events in total)", options, key="f_actors",
                   format_func=lambda a: f"{a} ({counts.get(a, 0):,})", placeholder="All actors",
                   help="Events with any of these actors (acting side). The number is the actor's events in the "
                        "whole database, whatever the other filters.")
    sb.toggle("Include affiliated persons and institutions", key="f_affiliated",
              help="With a state chosen, also its people and institutions: Russia also finds Putin and the Kremlin.")
    years = [str(y) for y in range(last.year, first.year - 1, -1)]
    sb.selectbox("Period", [ALL, LAST30, LAST90, *years, CUSTOM], key="f_period", on_change=_on_preset,
                 help="'All dates' also includes undated events; any range leaves them out.")
    lo, hi = st.session_state.get("f_dates", (first, last))
    # A range from a link or a year preset may reach beyond the data: widen the slider rather than change it.
    sb.slider("Date range", min_value=min(first, lo), max_value=max(last, hi), key="f_dates", format="DD MMM YYYY",
              on_change=_on_slider, help="An event matches when its date interval overlaps this range.")
    # Typed dates for an exact range: the slider moves in steps of weeks on a multi-year axis.
    # One per row: side by side, the sidebar cuts DD.MM.YYYY to "01.10.202".
    sb.date_input("From", key="f_from", min_value=EARLIEST, max_value=LATEST, format="DD.MM.YYYY",
                    on_change=_on_typed, help="First day of the range (inclusive). Type it as DD.MM.YYYY.")
    sb.date_input("To", key="f_to", min_value=EARLIEST, max_value=LATEST, format="DD.MM.YYYY",
                     on_change=_on_typed, help="Last day of the range (inclusive). Type it as DD.MM.YYYY.")
    if st.session_state.get("f_date_note"):
        sb.warning(st.session_state["f_date_note"], icon=":material/swap_horiz:")
    sb.multiselect("Event types", list(EVENT_TYPES), key="f_types", format_func=lambda t: type_label(t, True),
                   placeholder="All types")
    sb.multiselect("Modality", list(MODALITIES), key="f_modalities", placeholder="Any modality",
                   help="asserted, planned, claimed, denied, ...: how the source presents the event.")
    outlets = db.run("outlet_options")
    sb.multiselect("Outlet", outlets + [o for o in st.session_state.get("f_outlets", []) if o not in outlets],
                   key="f_outlets", placeholder="All outlets")
    docs = db.run("doc_options")
    sb.multiselect("Source article", docs + [d for d in st.session_state.get("f_docs", []) if d not in docs],
                   key="f_docs", placeholder="All articles")
    sb.text_input("Evidence contains", key="f_text", placeholder="e.g. Kursk", max_chars=200)
    sb.button("Reset filters", on_click=reset, key="f_reset", icon=":material/restart_alt:")

    d0, d1 = st.session_state["f_dates"]
    f = Filters(
        actors=tuple(st.session_state["f_actors"]), include_affiliated=st.session_state["f_affiliated"],
        date_from=None if st.session_state["f_period"] == ALL else d0,
        date_to=None if st.session_state["f_period"] == ALL else d1,
        types=tuple(st.session_state["f_types"]), modalities=tuple(st.session_state["f_modalities"]),
        outlets=tuple(st.session_state["f_outlets"]), docs=tuple(st.session_state["f_docs"]),
        text=st.session_state["f_text"] or "")
    sb.caption(f"Data: {format_day(first)} – {format_day(last)} · {db.data_version()}")
    st.session_state["filters"] = f
    target = to_query_params(f)
    if not _same(target, _current_query()):
        st.query_params.from_dict(target)
    return f
