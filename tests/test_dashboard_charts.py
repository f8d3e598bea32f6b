"""Chart builders: the opening date range, bars aligned to their period, whole-number counts, date-only axes."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts


def _timeline_frame(days: list[date], ends: list[date] | None = None) -> pd.DataFrame:
    n = len(days)
    return pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)], "type": ["attack"] * n, "date_start": days,
        "date_end": ends or days, "precision": ["day"] * n, "date_text": [None] * n, "actors": ["Russia"] * n,
        "modality": ["asserted"] * n, "evidence": ["Satz."] * n, "first_doc": ["a.txt"] * n, "lane": ["Russia"] * n})


def _range(fig: go.Figure) -> tuple[pd.Timestamp, pd.Timestamp]:
    lo, hi = fig.layout.xaxis.range
    return pd.Timestamp(lo), pd.Timestamp(hi)


def test_dashboard_charts_timeline_opens_on_where_the_events_are():
    # three old outliers (a "first term" 2017-2021 interval and a mis-dated 2019 event) and 60 recent events
    recent = [date(2024, 10, 1) + pd.Timedelta(days=i).to_pytimedelta() for i in range(60)]
    days = [date(2017, 1, 20), date(2019, 10, 1), *recent]
    ends = [date(2021, 1, 20), date(2019, 10, 31), *recent]
    fig = charts.build_timeline(_timeline_frame(days, ends))
    lo, hi = _range(fig)
    assert pd.Timestamp("2024-06-01") < lo <= pd.Timestamp("2024-10-01")
    assert hi >= pd.Timestamp("2024-11-29")
    note = fig.layout.xaxis.title.text
    assert "2 earlier events" in note and "show all dates" in note, note


def test_dashboard_charts_timeline_with_a_date_filter_keeps_the_filter_range():
    fig = charts.build_timeline(_timeline_frame([date(2019, 10, 1), date(2024, 10, 5)]),
                                x_range=(date(2019, 1, 1), date(2024, 12, 31)))
    lo, hi = _range(fig)
    assert lo < pd.Timestamp("2019-01-01") and hi > pd.Timestamp("2024-12-31")
    assert "earlier" not in fig.layout.xaxis.title.text


def test_dashboard_charts_one_day_is_never_an_hourly_axis():
    fig = charts.build_timeline(_timeline_frame([date(2024, 12, 17)] * 3))
    lo, hi = _range(fig)
    assert hi - lo >= pd.Timedelta(days=charts.MIN_DAYS)
    formats = [s.value for s in fig.layout.xaxis.tickformatstops]
    assert formats and not any("%H" in v or "%M" in v for v in formats)
    assert fig.layout.xaxis.tickformatstops[0].dtickrange[0] is None  # the finest stop covers sub-day ticks too


@pytest.mark.parametrize("period", ["month", "week"])
def test_dashboard_charts_bars_cover_their_period(period):
    frame = pd.DataFrame({"period": [date(2024, 11, 1), date(2024, 12, 1)] if period == "month"
                          else [date(2024, 11, 4), date(2024, 11, 11)], "key": ["attack"] * 2, "n": [1, 2]})
    bar = charts.build_counts(frame, "type", period).data[0]
    for start, x, width in zip(frame["period"], bar.x, bar.width, strict=True):
        left = pd.Timestamp(x) - pd.Timedelta(milliseconds=width / 2)
        right = pd.Timestamp(x) + pd.Timedelta(milliseconds=width / 2)
        end = pd.Timestamp(start) + (pd.DateOffset(months=1) if period == "month" else pd.Timedelta(days=7))
        assert pd.Timestamp(start) <= left < right <= end, (start, left, right)


@pytest.mark.parametrize("by", ["type", "actor"])
def test_dashboard_charts_counts_have_whole_number_ticks(by):
    frame = pd.DataFrame({"period": [date(2024, 11, 1), date(2024, 12, 1)], "key": ["attack", "attack"],
                          "n": [1, 2]})
    fig = charts.build_counts(frame, by, "month")
    if by == "type":
        assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickformat == ",d"
    else:
        assert fig.data[0].colorbar.dtick == 1
        # heatmap cells centred mid-month: the November cell does not start in October
        assert pd.Timestamp(fig.data[0].x[0]) == pd.Timestamp("2024-11-16")


@pytest.mark.parametrize("build", [
    lambda: charts.build_counts(pd.DataFrame({"period": [date(2024, 12, 1)], "key": ["attack"], "n": [3]})),
    lambda: charts.build_counts(pd.DataFrame({"period": [date(2024, 12, 1)], "key": ["Russia"], "n": [3]}), "actor"),
    lambda: charts.build_aid(pd.DataFrame({"period": [date(2024, 12, 1)], "donor": ["Germany"], "currency": ["EUR"],
                                           "amount": [5e8], "n": [1], "cumulative": [5e8]})),
    lambda: charts.build_troops(pd.DataFrame({"event_id": ["e1"], "date_start": [date(2024, 12, 1)],
                                              "actor": ["North Korea"], "troops": [11000.0], "location": ["Kursk"],
                                              "date_text": ["am Freitag"], "evidence": ["x"], "first_doc": ["a"],
                                              "n": [1]})),
    lambda: charts.build_timeline_counts(pd.DataFrame({"period": [date(2024, 12, 2)], "lane": ["Russia"], "n": [5]})),
])
def test_dashboard_charts_every_date_axis_is_date_only(build):
    fig = build()
    axes = [fig.layout[k] for k in fig.layout if k.startswith("xaxis")]
    assert axes
    for axis in axes:
        assert axis.type == "date"
        assert axis.tickformatstops and not any("%H" in s.value for s in axis.tickformatstops)


def test_dashboard_charts_map_names_only_places_apart():
    frame = pd.DataFrame({"location": ["Ukraine", "Kyiv", "Berlin", "Moscow", "Kharkiv"],
                          "lat": [49.0, 50.45, 52.52, 55.76, 49.99], "lon": [32.0, 30.52, 13.40, 37.62, 36.23],
                          "n": [40, 30, 10, 8, 5], "main_type": ["attack"] * 5, "types": ["attack: 1"] * 5})
    assert charts.map_labels(frame) == {"Ukraine", "Berlin", "Moscow"}
    texts = [t for trace in charts.build_map(frame).data for t in trace.text if t]
    assert sorted(texts) == ["Berlin", "Moscow", "Ukraine"]


def test_dashboard_charts_aid_has_one_panel_per_currency():
    frame = pd.DataFrame({"period": [date(2024, 10, 1), date(2024, 11, 1), date(2024, 11, 1)],
                          "donor": ["Germany", "Germany", "United States"], "currency": ["EUR", "EUR", "USD"],
                          "amount": [5e8, 1e8, 2e9], "n": [1, 1, 1], "cumulative": [5e8, 6e8, 2e9]})
    fig = charts.build_aid(frame)
    assert [t.yaxis for t in fig.data] == ["y", "y2"]
    assert fig.layout.yaxis.domain[0] > fig.layout.yaxis2.domain[1]  # EUR above USD, apart
    assert [a.text for a in fig.layout.annotations] == ["Cumulative aid in EUR", "Cumulative aid in USD"]
    assert [t.name for t in fig.data] == ["Germany", "United States"]


def test_dashboard_charts_actor_heatmap_ignores_empty_periods_for_its_view():
    periods = [date(2017, 1, 1)] + [date(2024, m, 1) for m in range(6, 13)]
    frame = pd.DataFrame({"period": periods, "key": ["Russia"] * len(periods), "n": [1] + [10] * 7})
    lo, hi = _range(charts.build_counts(frame, "actor", "month"))
    assert pd.Timestamp("2024-01-01") < lo <= pd.Timestamp("2024-06-01"), lo
