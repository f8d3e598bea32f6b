"""Exports: charts as PNG/SVG/PDF/HTML, tables as CSV/XLSX/JSON. Pure: values in, bytes out.

Every export carries the filter sentence and the data version, so a file found later still says what it shows.
Spreadsheet cells that a spreadsheet program would run as a formula are neutralised with a leading apostrophe
(OWASP "CSV injection"): article text is untrusted.
"""

from __future__ import annotations

import copy
import html
import io
import json
import textwrap
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from pipeline.export import FLAT_COLUMNS, event_record, flat_record
from pipeline.export import escape_formula as escape_cell
from pipeline.model import Event

TOPOJSON_DIR = Path(__file__).parent / "static" / "topojson"
IMAGE_FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
TABLE_FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "json": "application/json"}
EXPORT_WIDTH = 1400
EXPORT_TEMPLATE = "plotly_white"
"""Exported charts are styled here (the app leaves a chart's look to Streamlit's theme)."""


class ExportError(RuntimeError):
    """An export could not be made; the message says why and what to do."""


def _plain(value: object) -> object:
    """Spreadsheet-friendly scalar: lists joined with '; ', dates as ISO text, NaN as empty."""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, str):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, list):
            return "; ".join(str(x) for x in items)
    if isinstance(value, (datetime, pd.Timestamp)) and value == pd.Timestamp(value).normalize():
        return value.date().isoformat()  # a DATE column arrives as a midnight timestamp: `2024-12-03`, no T00:00
    if isinstance(value, (date, datetime, pd.Timestamp)):
        return value.isoformat()
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value


def spreadsheet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with list cells joined, dates as text and formula-like text escaped."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) in ("string", "str") or "date" in str(out[col].dtype):
            out[col] = [escape_cell(_plain(v)) for v in out[col]]
    out.columns = [escape_cell(str(c)) for c in out.columns]
    return out


def table_csv(frame: pd.DataFrame, description: str, version: str) -> bytes:
    """UTF-8 CSV (with BOM, so spreadsheet programs read umlauts) after two `#` lines: what and which data."""
    head = f"# {description}\n# {version}\n"
    body = spreadsheet_frame(frame).to_csv(index=False, lineterminator="\n")
    return ("\ufeff" + head + body).encode("utf-8")


def table_xlsx(frame: pd.DataFrame, description: str, version: str, notes: tuple[str, ...] = ()) -> bytes:
    """An XLSX workbook: sheet `events` with the rows, sheet `about` with the filter sentence and data version."""
    buf = io.BytesIO()
    about = pd.DataFrame({"field": ["description", "data version", "exported at", "rows", *["note"] * len(notes)],
                          "value": [description, version, datetime.now().isoformat(timespec="seconds"), len(frame),
                                    *notes]})
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        spreadsheet_frame(frame).to_excel(xw, sheet_name="events", index=False)
        spreadsheet_frame(about).to_excel(xw, sheet_name="about", index=False)
    return buf.getvalue()


def _json_rows(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON objects: dates as ISO dates (`2024-12-03`, never `T00:00:00.000`), lists as lists."""
    out = frame.copy()
    for col in out.columns:
        if "datetime" in str(out[col].dtype) or out[col].map(lambda v: isinstance(v, (date, datetime))).any():
            out[col] = [_plain(v) if isinstance(v, (date, datetime, pd.Timestamp)) else v for v in out[col]]
    return json.loads(out.to_json(orient="records", force_ascii=False))


def _json_doc(rows: list[dict], description: str, version: str, notes: tuple[str, ...]) -> bytes:
    # `version` is the label shown in the app ("data version abc, built ..."); the key already says what it is.
    doc = {"description": description, "data_version": version.removeprefix("data version "),
           "exported_at": datetime.now().isoformat(timespec="seconds"), "notes": list(notes), "rows": rows}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def table_json(frame: pd.DataFrame, description: str, version: str, notes: tuple[str, ...] = ()) -> bytes:
    """JSON: {"description", "data_version", "exported_at", "notes", "rows": [...]} (lists stay lists)."""
    return _json_doc(_json_rows(frame), description, version, notes)


def events_bytes(fmt: str, events: list[Event], description: str, version: str, notes: tuple[str, ...] = ()) -> bytes:
    """The events in the CLI's export contract (`pipeline.export`): JSON rows are `event_record` objects (sources
    as a list); CSV and XLSX rows are `flat_record` rows (lists joined with "; ", formulas escaped). The filter
    sentence and data version go in as in every table export."""
    if fmt == "json":
        return _json_doc([event_record(e) for e in events], description, version, notes)
    frame = pd.DataFrame([flat_record(e) for e in events], columns=FLAT_COLUMNS)
    return table_bytes(fmt, frame, description, version, notes)


def table_bytes(fmt: str, frame: pd.DataFrame, description: str, version: str, notes: tuple[str, ...] = ()) -> bytes:
    if fmt == "csv":
        return table_csv(frame, description, version)
    if fmt == "xlsx":
        return table_xlsx(frame, description, version, notes)
    if fmt == "json":
        return table_json(frame, description, version, notes)
    raise ValueError(f"unknown table format {fmt!r}; use one of {sorted(TABLE_FORMATS)}")


# ---------------------------------------------------------------- figures


def captioned(fig: go.Figure, description: str, version: str) -> go.Figure:
    """A copy of `fig` titled with the filter sentence and footed with the data version."""
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    title = "<br>".join(html.escape(line) for line in textwrap.wrap(description, 110))
    n_lines = title.count("<br>") + 1
    top = 60 + 22 * n_lines
    out.update_layout(template=EXPORT_TEMPLATE, title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 16}},
                      margin={"t": top + 30, "b": 70})
    out.add_annotation(text=html.escape(f"conflict-timeline · {version}"), xref="paper", yref="paper", x=0, y=0,
                       yshift=-60, showarrow=False, xanchor="left", font={"size": 11, "color": "#555555"})
    out.update_layout(height=(fig.layout.height or 480) + top + 60)
    return out


def _is_geo(fig: go.Figure) -> bool:
    return any(getattr(t, "type", "") == "scattergeo" for t in fig.data)


def _geo_assets_script() -> str:
    """Plotly's outline maps, inlined: a saved HTML map must not fetch topojson from a CDN."""
    assets = {p.stem: json.loads(p.read_text()) for p in sorted(TOPOJSON_DIR.glob("*.json"))}
    return "<script>window.PlotlyGeoAssets = {topojson: " + json.dumps(assets) + "};</script>"


def figure_html(fig: go.Figure, description: str, version: str) -> bytes:
    """A self-contained HTML page (plotly.js and, for maps, the outlines inlined): works offline."""
    body = captioned(fig, description, version).to_html(full_html=False, include_plotlyjs=True,
                                                         config={"displaylogo": False})
    geo = _geo_assets_script() if _is_geo(fig) else ""
    page = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(description)}</title>"
            f"{geo}</head><body>{body}</body></html>")
    return page.encode("utf-8")


def figure_image(fig: go.Figure, fmt: str, description: str, version: str) -> bytes:
    """PNG, SVG or PDF via kaleido (which drives the system Chromium).

    Raises:
        ExportError: Chromium is missing or the rendering failed.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; use one of {sorted(IMAGE_FORMATS)}")
    out = captioned(fig, description, version)
    if _is_geo(out):
        pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"
    try:
        return out.to_image(format=fmt, width=EXPORT_WIDTH, height=int(out.layout.height or 600), scale=1 if fmt != "png" else 2)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ExportError(f"could not render the chart as {fmt.upper()} ({exc}); is Chromium installed "
                          "(`make chromium`)?") from exc


def figure_bytes(fmt: str, fig: go.Figure, description: str, version: str) -> bytes:
    if fmt == "html":
        return figure_html(fig, description, version)
    return figure_image(fig, fmt, description, version)
