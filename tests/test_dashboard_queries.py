"""The dashboard's queries against a small store: which events each filter selects, and honest truncation."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from dashboard import queries
from dashboard.filters import Filters
from tests.dashboard_fixtures import build


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("store") / "events.duckdb")
    c = duckdb.connect(str(path), read_only=True)
    yield c
    c.close()


def ids(con, f: Filters) -> set[str]:
    return set(queries.events_table(con, f).frame["event_id"])


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(), {"e1", "e2", "e3", "e4", "e5", "e6", "e7"}),
    (Filters(actors=("Russia",)), {"e3"}),
    (Filters(actors=("Russia",), include_affiliated=True), {"e3", "e4", "e6"}),
    (Filters(actors=("North Korea", "Germany")), {"e1", "e2", "e5"}),
    # interval overlap: the month-precise aid package (all of October) overlaps 15-16 Oct, the 18 Oct event not
    (Filters(date_from=date(2024, 10, 15), date_to=date(2024, 10, 16)), {"e2"}),
    (Filters(date_from=date(2024, 10, 31), date_to=date(2024, 11, 3)), {"e2", "e3", "e4"}),
    (Filters(date_from=date(2024, 12, 1)), {"e5"}),
    (Filters(date_to=date(2023, 1, 1)), {"e6"}),
    (Filters(types=("statement", "diplomacy")), {"e4", "e6", "e7"}),
    (Filters(modalities=("claimed", "speculative")), {"e4", "e7"}),
    (Filters(outlets=("taz",)), {"e1", "e2", "e6"}),
    (Filters(docs=("002_spiegel.txt",)), {"e3", "e4", "e7"}),
    (Filters(text="NORDKOREA"), {"e1", "e5"}),
    (Filters(text="präzisen"), {"e4"}),
    (Filters(text="%"), set()),
    (Filters(actors=("x' OR 1=1 --",)), set()),
    (Filters(text="'; DROP TABLE events; --"), set()),
    (Filters(actors=("North Korea",), types=("troop_deployment",), date_from=date(2024, 10, 1),
             date_to=date(2024, 10, 31)), {"e1"}),
])
def test_dashboard_queries_filters_select(con, filters, expected):
    assert ids(con, filters) == expected
    assert queries.events_table(con, filters).total == len(expected)


def test_dashboard_queries_expand_actors(con):
    assert queries.expand_actors(con, Filters(actors=("Russia",), include_affiliated=True)) == [
        "Russia", "Kremlin", "Vladimir Putin"]
    assert queries.expand_actors(con, Filters(actors=("Russia",))) == ["Russia"]


def test_dashboard_queries_table_truncates_and_says_so(con):
    r = queries.events_table(con, Filters(), limit=2)
    assert (len(r.frame), r.truncated, r.total) == (2, True, 7)
    assert "newest 2 of 7" in r.notes[0]
    assert list(r.frame["event_id"]) == ["e5", "e3"]  # newest first (e3/e4 share a day: id order)
    assert not queries.events_table(con, Filters()).truncated


def test_dashboard_queries_timeline_rows_and_lanes(con):
    r = queries.timeline(con, Filters(actors=("Russia",), include_affiliated=True))
    assert not r.truncated and r.total == 3
    assert set(zip(r.frame["event_id"], r.frame["lane"], strict=True)) == {
        ("e3", "Russia"), ("e4", "Kremlin"), ("e6", "Vladimir Putin")}
    r = queries.timeline(con, Filters(), lane="type")
    assert set(r.frame["lane"]) == set(r.frame["type"])
    assert any("1 undated" in n for n in r.notes)


def test_dashboard_queries_timeline_counts_beyond_the_limit(con):
    r = queries.timeline(con, Filters(), max_events=3)
    assert r.truncated and r.total == 6
    assert list(r.frame.columns) == ["period", "lane", "n", "period_end"]
    assert "too many to draw" in r.notes[0]


def test_dashboard_queries_timeline_other_lane(con, monkeypatch):
    monkeypatch.setattr(queries, "LANES_MAX", 1)
    r = queries.timeline(con, Filters())
    assert set(r.frame["lane"]) == {"North Korea", queries.OTHER}


def test_dashboard_queries_timeline_rejects_unknown_lane(con):
    with pytest.raises(ValueError, match="lane"):
        queries.timeline(con, Filters(), lane="actor; DROP TABLE events")


def test_dashboard_queries_counts(con):
    r = queries.counts_by_type(con, Filters(), period="month")
    assert r.total == 6  # the undated event is not counted per month
    assert int(r.frame.loc[r.frame["key"] == "statement", "n"].sum()) == 2
    with pytest.raises(ValueError, match="period"):
        queries.counts_by_type(con, Filters(), period="day'")
    a = queries.counts_by_actor(con, Filters(), top=2)
    assert set(a.frame["key"]) == {"North Korea", "Germany"} and a.truncated


def test_dashboard_queries_aid_and_troops(con):
    aid = queries.aid_cumulative(con, Filters())
    assert list(aid.frame[["donor", "currency", "cumulative"]].itertuples(index=False, name=None)) == [
        ("Germany", "EUR", 500e6)]
    troops = queries.troop_reports(con, Filters())
    assert list(troops.frame["troops"]) == [11000.0]
    assert queries.troop_reports(con, Filters(), limit=0).truncated


def test_dashboard_queries_aid_without_a_named_donor_is_shown_as_unknown(tmp_path):
    from tests.dashboard_fixtures import EVENTS

    e2 = next(e for e in EVENTS if e[0] == "e2")
    anonymous = (e2[0], e2[1], e2[2], e2[3], e2[4], e2[5], [], *e2[7:])
    c = duckdb.connect(str(build(tmp_path / "events.duckdb", events=(anonymous,))), read_only=True)
    try:
        aid = queries.aid_cumulative(c, Filters())
    finally:
        c.close()
    assert list(aid.frame[["donor", "currency", "cumulative"]].itertuples(index=False, name=None)) == [
        ("unknown donor", "EUR", 500e6)]


def test_dashboard_queries_matrices(con):
    m = queries.actor_type_matrix(con, Filters())
    assert int(m.frame.query("actor == 'North Korea' and type == 'troop_deployment'")["n"].iloc[0]) == 2
    t = queries.actor_target_matrix(con, Filters())
    assert set(zip(t.frame["actor"], t.frame["target"], strict=True)) == {
        ("North Korea", "Russia"), ("Germany", "Ukraine"), ("Russia", "Ukraine"), ("Vladimir Putin", "Ukraine")}


def test_dashboard_queries_places(con):
    r = queries.places(con, Filters())
    kursk = r.frame[r.frame["location"] == "Kursk"].iloc[0]
    assert kursk["n"] == 2 and kursk["main_type"] == "troop_deployment"
    assert r.total == 2 and "2 matching event(s) have no known place" in r.notes[0]


def test_dashboard_queries_sources_and_articles(con):
    src = queries.event_sources(con, "e5")
    assert list(src["doc"]) == ["003_evil.txt"]
    title, text = queries.article_text(con, "a3")
    assert text[src["char_start"].iloc[0]:src["char_end"].iloc[0]] == src["sentence"].iloc[0]
    assert queries.article_text(con, "nope") is None
    arts = queries.articles_table(con, Filters(outlets=("Spiegel",)))
    assert list(arts.frame["doc"]) == ["002_spiegel.txt"] and bool(arts.frame["date_inferred"].iloc[0])
    skipped = queries.skipped_inputs(con)
    assert list(skipped.frame["reason"]) == ["leere Datei: nichts zu lesen"]


def test_dashboard_queries_summary(con):
    s = queries.store_summary(con)
    assert (s["n_events"], s["n_articles"], s["first"], s["last"], s["data_version"]) == (
        7, 3, date(2022, 2, 24), date(2024, 12, 1), "fixture-1")
