"""Exports: formula escaping, the filter sentence and data version inside every file, and real images."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts, exporting

DESCRIPTION = "Troop deployments by North Korea, 1 Oct 2024 – 31 Dec 2024"
VERSION = "data version fixture-1, built 2024-12-31T12:00:00"
FRAME = pd.DataFrame({
    "event_id": ["e1", "e2"],
    "date_start": [pd.Timestamp("2024-10-18").date(), None],
    "actors": [["North Korea", "Russia"], []],
    "evidence": ["=HYPERLINK(\"http://evil.example\")", "Nordkorea schickt „Soldaten“ über die Grenze."],
    "troops": [11000.0, None],
})
needs_chromium = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(),
                                    reason="needs Debian's Chromium at /usr/bin/chromium for kaleido (make chromium)")


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+2", "'=1+2"),
    ("+49 30 123", "'+49 30 123"),
    ("-5", "'-5"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=cmd", "'\t=cmd"),
    ("\r=cmd", "'\r=cmd"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("Nordkorea", "Nordkorea"),
    ("a=b", "a=b"),
    ("", ""),
    (-5, -5),
    (3.5, 3.5),
    (None, None),
])
def test_dashboard_exporting_escape_cell(value, expected):
    assert exporting.escape_cell(value) == expected


def test_dashboard_exporting_csv_carries_sentence_version_and_escapes():
    raw = exporting.table_csv(FRAME, DESCRIPTION, VERSION)
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[:2] == [f"# {DESCRIPTION}", f"# {VERSION}"]
    back = pd.read_csv(io.BytesIO(raw), skiprows=2, encoding="utf-8-sig")
    assert back["evidence"].tolist() == ["'=HYPERLINK(\"http://evil.example\")",
                                         "Nordkorea schickt „Soldaten“ über die Grenze."]
    assert back["actors"].iloc[0] == "North Korea; Russia"
    assert back["date_start"].iloc[0] == "2024-10-18"
    assert FRAME["evidence"].iloc[0].startswith("=")  # the input frame is not changed


def test_dashboard_exporting_xlsx_has_about_sheet_and_no_formulas():
    book = openpyxl.load_workbook(io.BytesIO(exporting.table_xlsx(FRAME, DESCRIPTION, VERSION, ("a note",))))
    about = {row[0]: row[1] for row in book["about"].iter_rows(min_row=2, values_only=True)}
    assert about["description"] == DESCRIPTION and about["data version"] == VERSION and about["note"] == "a note"
    cells = [c for row in book["events"].iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'=HYPERLINK(\"http://evil.example\")" in [c.value for c in cells]


def test_dashboard_exporting_json_carries_sentence_and_version():
    doc = json.loads(exporting.table_json(FRAME, DESCRIPTION, VERSION, ("cut",)))
    assert (doc["description"], doc["data_version"], doc["notes"]) == (DESCRIPTION, VERSION.removeprefix("data version "), ["cut"])
    assert doc["rows"][0]["actors"] == ["North Korea", "Russia"]
    assert doc["rows"][1]["evidence"] == "Nordkorea schickt „Soldaten“ über die Grenze."


def test_dashboard_exporting_unknown_format():
    with pytest.raises(ValueError, match="unknown table format"):
        exporting.table_bytes("exe", FRAME, DESCRIPTION, VERSION)
    with pytest.raises(ValueError, match="unknown image format"):
        exporting.figure_image(go.Figure(), "gif", DESCRIPTION, VERSION)


def test_dashboard_exporting_caption_is_escaped_and_input_unchanged():
    fig = go.Figure(go.Scatter(x=[1], y=[1]))
    out = exporting.captioned(fig, "Events, evidence containing “<b>x</b>”", VERSION)
    assert "&lt;b&gt;x&lt;/b&gt;" in out.layout.title.text
    assert any(VERSION in a.text for a in out.layout.annotations)
    assert fig.layout.title.text is None and not fig.layout.annotations


def _map() -> go.Figure:
    frame = pd.DataFrame({"location": ["Kursk"], "lat": [51.73], "lon": [36.19], "n": [3],
                          "main_type": ["attack"], "types": ["attack: 3"]})
    return charts.build_map(frame)


def test_dashboard_exporting_html_is_self_contained():
    page = exporting.figure_html(_map(), DESCRIPTION, VERSION).decode()
    assert not re.search(r"<script[^>]+src=", page)  # plotly.js inline, no CDN
    assert "window.PlotlyGeoAssets" in page and '"world_50m"' in page  # outlines inline
    assert DESCRIPTION in page and "fixture-1" in page


@needs_chromium
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF"), ("svg", b"<svg")])
def test_dashboard_exporting_images(fmt, magic):
    data = exporting.figure_image(_map(), fmt, DESCRIPTION, VERSION)
    assert data.startswith(magic) and len(data) > 5000


# ---------------------------------------------------------------- events in the CLI's export contract


@pytest.fixture(scope="module")
def fixture_events(tmp_path_factory):
    import duckdb

    from dashboard import queries
    from dashboard.filters import Filters
    from tests.dashboard_fixtures import build

    path = build(tmp_path_factory.mktemp("store") / "events.duckdb")
    with duckdb.connect(str(path), read_only=True) as con:
        return queries.event_records(con, Filters()), queries.event_records(con, Filters(actors=("North Korea",)))


def _csv_rows(data: bytes) -> tuple[list[str], pd.DataFrame]:
    text = data.decode("utf-8-sig")
    head = [ln for ln in text.splitlines() if ln.startswith("#")]
    return head, pd.read_csv(io.StringIO(text), comment=None, skiprows=len(head), dtype=str, keep_default_na=False)


def test_dashboard_exporting_events_csv_is_the_cli_export_plus_the_header(fixture_events, tmp_path):
    from pipeline.export import write_export

    everything, _ = fixture_events
    head, frame = _csv_rows(exporting.events_bytes("csv", everything, DESCRIPTION, VERSION))
    assert head == [f"# {DESCRIPTION}", f"# {VERSION}"]
    write_export(everything, "csv", tmp_path / "cli.csv")
    cli = pd.read_csv(tmp_path / "cli.csv", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(cli.columns)
    for col in ("date_basis", "date_text", "quantity", "docs", "sentences", "char_starts", "published"):
        assert col in frame.columns
    pd.testing.assert_frame_equal(frame, cli)
    e1 = frame.set_index("event_id").loc["e1"]
    assert (e1["date_start"], e1["published"], e1["actors"]) == ("2024-10-18", "2024-10-20", "North Korea")
    assert json.loads(e1["quantity"]) == {"troops": 11000.0}
    assert frame.set_index("event_id").loc["e7", "sentences"].startswith("'=")  # formula escaped, as the CLI does
    assert not frame.apply(lambda c: c.str.contains("T00:00:00")).any().any()


def test_dashboard_exporting_events_json_rows_are_event_records(fixture_events):
    from pipeline.export import event_record

    _, north_korea = fixture_events
    doc = json.loads(exporting.events_bytes("json", north_korea, DESCRIPTION, VERSION, ("a note",)))
    assert doc["description"] == DESCRIPTION and doc["notes"] == ["a note"]
    assert doc["data_version"] == "fixture-1, built 2024-12-31T12:00:00"  # not "data version data version ..."
    assert doc["rows"] == [event_record(e) for e in north_korea]
    assert {r["event_id"] for r in doc["rows"]} == {"e1", "e5"}
    src = doc["rows"][-1]["sources"][0]
    assert set(src) == {"doc", "sentence", "char_start", "char_end", "published"} and src["published"] == "2024-10-20"


def test_dashboard_exporting_events_xlsx_has_the_flat_rows_and_about(fixture_events):
    everything, _ = fixture_events
    book = openpyxl.load_workbook(io.BytesIO(exporting.events_bytes("xlsx", everything, DESCRIPTION, VERSION)))
    rows = list(book["events"].values)
    assert "date_basis" in rows[0] and "sentences" in rows[0]
    start = rows[0].index("date_start")
    assert [r[start] for r in rows[1:]] == [  # newest first (e5, e3, e4, e1, e2, e6), undated e7 last
        "2024-12-01", "2024-11-03", "2024-11-03", "2024-10-18", "2024-10-01", "2022-02-24", None]
    about = dict(list(book["about"].values)[1:])
    assert about["description"] == DESCRIPTION


def test_dashboard_exporting_generic_table_dates_are_iso_dates():
    frame = pd.DataFrame({"doc": ["a.txt"], "published": pd.to_datetime(["2024-12-03"])})
    head, csv = _csv_rows(exporting.table_bytes("csv", frame, DESCRIPTION, VERSION))
    assert csv.loc[0, "published"] == "2024-12-03"
    doc = json.loads(exporting.table_bytes("json", frame, DESCRIPTION, VERSION))
    assert doc["rows"] == [{"doc": "a.txt", "published": "2024-12-03"}]
    assert not doc["data_version"].startswith("data version")
