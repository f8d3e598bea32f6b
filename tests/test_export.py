import json
from datetime import date

import pandas as pd
import pytest

from pipeline.errors import PipelineError
from pipeline.export import escape_formula, event_record, flat_record, write_export
from tests.factories import mention


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Russland", "Russland"),
        ("", ""),
        (3, 3),
    ],
)
def test_export_escape_formula(cell, expected):
    assert escape_formula(cell) == expected


def test_export_event_record_follows_the_contract():
    e = mention(quantity={"troops": 50000}, start=date(2024, 11, 10))
    rec = event_record(e)
    assert list(rec) == ["event_id", "type", "date_start", "date_end", "precision", "date_basis", "date_text",
                         "actors", "targets", "location", "quantity", "modality", "confidence", "sources"]
    assert rec["date_start"] == "2024-11-10" and rec["quantity"] == {"troops": 50000}
    assert rec["sources"] == [{"doc": "a.txt", "sentence": "Nordkorea schickt Truppen.", "char_start": 0,
                               "char_end": 26, "published": "2024-11-11"}]


def test_export_flat_record_joins_lists_and_escapes():
    e = mention(actors=("North Korea", "Russia"), sentence="=cmd|' /C calc'!A0")
    flat = flat_record(e)
    assert flat["actors"] == "North Korea; Russia"
    assert flat["sentences"].startswith("'=")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx", "parquet"])
def test_export_write_each_format_round_trips(tmp_path, fmt):
    events = [mention("m1", quantity={"troops": 1}), mention("m2", type="attack", quantity={"killed": [3, 4]})]
    out = tmp_path / f"events.{fmt}"
    write_export(events, fmt, out)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["event_id"] for r in rows] == ["m1", "m2"] and rows[1]["quantity"] == {"killed": [3, 4]}
    else:
        frame = {"csv": pd.read_csv, "xlsx": pd.read_excel, "parquet": pd.read_parquet}[fmt](out)
        assert list(frame["event_id"]) == ["m1", "m2"]
        assert list(frame["type"]) == ["troop_deployment", "attack"]


def test_export_binary_format_needs_out():
    with pytest.raises(PipelineError, match="give a file with --out"):
        write_export([], "xlsx", None)
