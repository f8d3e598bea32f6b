"""The `dates` subcommand, driven through its own argparse parser."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from pipeline.errors import DateError, PipelineError
from pipeline.temporal import cli


def run(argv: list[str]) -> list[dict]:
    parser = argparse.ArgumentParser(prog="conflict-timeline")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out = io.StringIO()
    assert args.func(args, out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_temporal_cli_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Am Sonntag hatten Drohnen Moskau angegriffen, seit drei Monaten.", encoding="utf-8")
    rows = run(["dates", "--dct", "2024-11-11", str(path)])
    assert rows == [
        {"start": 3, "end": 10, "text": "Sonntag", "type": "DATE", "value": "2024-11-10",
         "date_start": "2024-11-10", "date_end": "2024-11-10", "precision": "day"},
        {"start": 51, "end": 63, "text": "drei Monaten", "type": "DURATION", "value": "P3M"},
    ]  # fmt: skip


def test_temporal_cli_jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "Gestern fiel die Stadt.", "dct": "2024-11-11"},
        {"id": "b", "text": "nichts"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    rows = run(["dates", "--jsonl", str(path)])
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["timexes"][0]["value"] == "2024-11-10"
    assert rows[1]["timexes"] == []


def test_temporal_cli_bad_dct():
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        run(["dates", "--dct", "11.11.2024", "-"])


def test_temporal_cli_bad_jsonl_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "heute"}\nnot json\n', encoding="utf-8")
    with pytest.raises(PipelineError, match=r"in.jsonl:2: not valid JSON"):
        run(["dates", "--jsonl", str(path)])
