"""The few Streamlit helpers every page shares: show a figure with its exports, export a table, guard a page.

No page ever shows a traceback: `page()` catches what a page body raises, logs it with the traceback on the
server and shows one clear line instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import db, exporting
from dashboard.filters import Filters
from dashboard.queries import Result

log = logging.getLogger("dashboard")

PLOTLY_CONFIG = {
    # Relative to the page: served by Streamlit's static file serving from dashboard/static (see
    # dashboard/.streamlit/config.toml). plotly.js would otherwise fetch the outlines from cdn.plot.ly.
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def filters() -> Filters:
    """The filters the sidebar built on this run."""
    return st.session_state.get("filters", Filters())


def page(body: Callable[[], None], needs: str = "events") -> None:
    """Run a page body: explain a missing or empty store instead, and turn any error into one line.

    `needs`: "events" (a store with events), "store" (a readable store, maybe empty) or "nothing"."""
    try:
        if needs != "nothing":
            state = db.check_store()
            if not state.ok and (needs == "events" or not state.readable):
                st.info(state.problem, icon=":material/database:")
                return
        body()
    except Exception as exc:  # the page must never show a traceback; the log keeps it
        log.exception("page failed")
        st.error(f"This view could not be shown ({type(exc).__name__}: {str(exc)[:200]}). "
                 "The details are in the server log; try other filters or reload the page.",
                 icon=":material/error:")


def nothing_matches(f: Filters) -> None:
    """The empty state of a filtered view, with a way out."""
    st.warning(f"No events match: {f.describe()}.", icon=":material/filter_alt_off:")
    st.button("Reset all filters", on_click=reset_filters, key=f"reset_{st.session_state.get('_page_key', '')}")


def reset_filters() -> None:
    from dashboard.sidebar import reset  # late import: sidebar imports this module

    reset()


def notes(result: Result) -> None:
    for note in result.notes:
        st.caption(f":material/info: {note}")


def show_figure(fig: go.Figure, name: str, f: Filters, key: str, select: bool = False):
    """The filter sentence, the chart, and its export buttons (the images are only rendered when asked for).
    Returns the plotly selection state when `select` is set."""
    description = f.describe()
    sentence(description, key)
    event = st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, on_select="rerun" if select else "ignore",
                            selection_mode=("points",) if select else ("points", "box", "lasso"))
    version = db.data_version()
    row = st.container(horizontal=True, gap="small")
    for fmt in ("png", "svg", "pdf", "html"):
        row.download_button(
            fmt.upper(), data=_deferred(exporting.figure_bytes, fmt, fig, description, version),
            file_name=f"{name}.{fmt}", mime=exporting.IMAGE_FORMATS.get(fmt, "text/html"), key=f"{key}_{fmt}",
            on_click="ignore", icon=":material/download:", help=f"Download this chart as {fmt.upper()}")
    return event if select else None


def sentence(description: str, key: str) -> None:
    """The filter sentence above a chart or table (in a keyed container, so tests and users can find it)."""
    st.container(key=f"sentence_{key}").markdown(f"**{md_escape(description)}**")


def show_table_exports(result: Result, name: str, f: Filters, key: str) -> None:
    """CSV, XLSX and JSON downloads of a table, with the filter sentence and data version inside."""
    description = f.describe()
    version = db.data_version()
    row = st.container(horizontal=True, gap="small")
    for fmt in ("csv", "xlsx", "json"):
        row.download_button(
            fmt.upper(), data=_deferred(exporting.table_bytes, fmt, result.frame, description, version, result.notes),
            file_name=f"{name}.{fmt}", mime=exporting.TABLE_FORMATS[fmt], key=f"{key}_{fmt}", on_click="ignore",
            icon=":material/download:", help=f"Download this table as {fmt.upper()}")


def show_event_exports(f: Filters, name: str, key: str, notes: tuple[str, ...] = ()) -> None:
    """CSV, XLSX and JSON of the filtered events in the CLI's export contract (full records with their sources,
    fetched only when the user clicks)."""
    description = f.describe()
    version = db.data_version()
    row = st.container(horizontal=True, gap="small")
    for fmt in ("csv", "xlsx", "json"):
        row.download_button(
            fmt.upper(), data=_deferred(lambda fmt=fmt: exporting.events_bytes(
                fmt, db.run("event_records", f), description, version, notes)),
            file_name=f"{name}.{fmt}", mime=exporting.TABLE_FORMATS[fmt], key=f"{key}_{fmt}", on_click="ignore",
            icon=":material/download:", help=f"Download these events as {fmt.upper()} (the export contract of the "
                                             "command line: every field and every source)")


def _deferred(fn, *args):
    """A zero-argument callable for st.download_button: the bytes are made only when the user clicks."""
    def make() -> bytes:
        try:
            return fn(*args)
        except Exception:
            log.exception("export failed")
            raise
    return make


_MD_SPECIAL = "\\`*_{}[]()#+-.!|<>~$"


def md_escape(text: str) -> str:
    """Text shown through st.markdown as literal characters (used for the filter sentence, which can hold
    user-typed search text; never for article text, which is shown with st.text)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def selected_row_value(result: Result, selection, column: str):
    """The `column` value of the row selected in an st.dataframe, or None."""
    rows = selection.selection.rows if selection else []
    if not rows or rows[0] >= len(result.frame):
        return None
    return result.frame[column].iat[rows[0]]


def blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for display where a missing text or date shows as an empty cell, not the word "None" (dates as
    ISO text, which still sorts right). Numbers keep their type, so their columns still sort as numbers."""
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if "datetime" in str(values.dtype) or values.map(lambda v: hasattr(v, "isoformat")).any():
            out[col] = [v.isoformat()[:10] if hasattr(v, "isoformat") and not pd.isna(v) else "" for v in values]
        elif str(values.dtype) in ("string", "str") or (
                values.dtype == object and values.map(lambda v: isinstance(v, str) or v is None or (isinstance(v, float) and v != v)).all()):
            out[col] = values.fillna("").astype(object)
    return out


def dataframe_height(frame: pd.DataFrame, max_rows: int = 18) -> int:
    return 38 + 35 * min(max(len(frame), 1), max_rows)
