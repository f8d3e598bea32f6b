"""Every dashboard page runs under Streamlit's AppTest against a small store, with filters from the URL."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard_fixtures import EVIL, EVIL_SENTENCE, build, build_empty

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
PAGES = ("app_pages/timeline.py", "app_pages/trends.py", "app_pages/actors.py", "app_pages/map.py", "app_pages/events.py",
         "app_pages/sources.py", "app_pages/add_articles.py")
EVENT_PAGES = PAGES[:5]


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    path = build(tmp_path / "events.duckdb")
    monkeypatch.setenv("CT_DB", str(path))
    return path


def _app(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [t.value for t in at.text] + [c.value for c in at.code]
    # Markdown escapes (\( for "(") are how the sentence reaches the page literally; compare without them.
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


FILTERED = {"actor": ["North Korea", "Germany"], "type": ["troop_deployment", "aid_package"],
            "from": "2024-10-01", "to": "2024-12-31"}


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_pages_run_with_filters(store, page):
    at = _open(_app(FILTERED), page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    if page in EVENT_PAGES:
        assert "Troop deployments and aid packages by Germany or North Korea, 1 Oct 2024 – 31 Dec 2024" in _texts(at)


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_pages_run_unfiltered(store, page):
    at = _open(_app(), page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def test_dashboard_pages_filters_come_from_the_url(store):
    at = _open(_app(FILTERED), PAGES[0])
    assert at.multiselect(key="f_actors").value == ["Germany", "North Korea"]
    assert at.multiselect(key="f_types").value == ["aid_package", "troop_deployment"]
    assert str(at.slider(key="f_dates").value[0]) == "2024-10-01"


def test_dashboard_pages_widget_change_goes_to_the_url(store):
    at = _open(_app(), PAGES[0])
    at.multiselect(key="f_actors").set_value(["Russia"])
    at.toggle(key="f_affiliated").set_value(True)
    at.run()
    assert at.query_params.get("actor") in ("Russia", ["Russia"])
    assert at.query_params.get("affiliated") in ("1", ["1"])
    assert "by Russia (with affiliated persons and institutions)" in _texts(at)


def test_dashboard_pages_period_preset_sets_the_range(store):
    at = _open(_app(), PAGES[0])
    at.selectbox(key="f_period").set_value("2024").run()
    lo, hi = at.slider(key="f_dates").value
    assert (str(lo), str(hi)) == ("2024-01-01", "2024-12-31")
    assert at.query_params.get("from") in ("2024-01-01", ["2024-01-01"])


@pytest.mark.parametrize("page", EVENT_PAGES)
def test_dashboard_pages_no_match_says_so(store, page):
    at = _open(_app({"q": "kein solches Wort"}), page)
    assert not at.exception
    assert any("No events match" in w.value for w in at.warning), _texts(at)
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("reset_"))).click().run()
    assert not any("No events match" in w.value for w in at.warning)
    assert at.text_input(key="f_text").value == ""


@pytest.mark.parametrize("page", PAGES[:6])
def test_dashboard_pages_missing_database_explains_how_to_build_it(tmp_path, monkeypatch, page):
    monkeypatch.setenv("CT_DB", str(tmp_path / "nowhere" / "events.duckdb"))
    at = _open(_app(), page)
    assert not at.exception
    assert any("no event database" in i.value and "make run" in i.value for i in at.info), _texts(at)


@pytest.mark.parametrize("page", EVENT_PAGES)
def test_dashboard_pages_empty_database_explains_how_to_fill_it(tmp_path, monkeypatch, page):
    monkeypatch.setenv("CT_DB", str(build_empty(tmp_path / "events.duckdb")))
    at = _open(_app(), page)
    assert not at.exception
    assert any("holds no events" in i.value and "conflict-timeline ingest" in i.value for i in at.info), _texts(at)


def test_dashboard_pages_broken_database_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    bad = tmp_path / "events.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("CT_DB", str(bad))
    at = _open(_app(), PAGES[0])
    assert not at.exception
    assert any("not a readable event database" in i.value for i in at.info), _texts(at)


def test_dashboard_pages_event_detail_shows_article_as_literal_text(store):
    at = _open(_app({"actor": "North Korea"}), PAGES[0])
    at.selectbox(key="tl_event").set_value("e5").run()
    assert not at.exception
    assert EVIL_SENTENCE in [c.value for c in at.code]
    shown = "".join(t.value for t in at.text)
    assert "<script>window.__pwned=1</script>" in shown and "[click](http://evil.example)" in shown
    assert EVIL.startswith(at.text[0].value.lstrip("…"))
    assert all("evil.example" not in m.value for m in at.markdown)


def test_dashboard_pages_timeline_lanes_by_type(store):
    at = _open(_app(FILTERED), PAGES[0])
    at.segmented_control(key="tl_lane").set_value("Type").run()
    assert not at.exception and not at.error


def test_dashboard_pages_typed_dates_set_slider_url_and_sentence(store):
    at = _open(_app(), PAGES[0])
    at.date_input(key="f_from").set_value(date(2024, 11, 1)).run()
    at.date_input(key="f_to").set_value(date(2024, 11, 30)).run()
    assert not at.exception
    assert tuple(str(d) for d in at.slider(key="f_dates").value) == ("2024-11-01", "2024-11-30")
    assert at.query_params.get("from") in ("2024-11-01", ["2024-11-01"])
    assert at.query_params.get("to") in ("2024-11-30", ["2024-11-30"])
    assert "All events, 1 Nov 2024 – 30 Nov 2024" in _texts(at)


def test_dashboard_pages_typed_from_after_to_is_swapped_and_said(store):
    at = _open(_app({"from": "2024-10-01", "to": "2024-10-31"}), PAGES[0])
    at.date_input(key="f_from").set_value(date(2024, 12, 15)).run()
    assert not at.exception
    assert (at.date_input(key="f_from").value, at.date_input(key="f_to").value) == (date(2024, 10, 31),
                                                                                    date(2024, 12, 15))
    assert at.query_params.get("from") in ("2024-10-31", ["2024-10-31"])
    assert "All events, 31 Oct 2024 – 15 Dec 2024" in _texts(at)
    assert any("swapped" in w.value for w in at.sidebar.warning)


def test_dashboard_pages_slider_moves_the_typed_dates(store):
    at = _open(_app(), PAGES[0])
    at.slider(key="f_dates").set_value((date(2024, 10, 5), date(2024, 11, 7))).run()
    assert (at.date_input(key="f_from").value, at.date_input(key="f_to").value) == (date(2024, 10, 5),
                                                                                    date(2024, 11, 7))
    assert at.query_params.get("to") in ("2024-11-07", ["2024-11-07"])


def test_dashboard_pages_url_dates_fill_the_typed_boxes(store):
    at = _open(_app({"from": "2024-10-01", "to": "2024-12-31"}), PAGES[1])
    assert (at.date_input(key="f_from").value, at.date_input(key="f_to").value) == (date(2024, 10, 1),
                                                                                    date(2024, 12, 31))


def test_dashboard_pages_add_articles_date_starts_empty_and_takes_markdown(store):
    at = _open(_app(), PAGES[6])
    assert at.date_input(key="up_date").value is None
    assert "infer" in at.date_input(key="up_date").label
    assert not at.exception


@pytest.mark.parametrize(("page", "table"), [(PAGES[4], 0), (PAGES[5], 0)])
def test_dashboard_pages_tables_show_missing_values_blank(store, page, table):
    at = _open(_app(), page)
    frame = at.dataframe[table].value
    text = frame.select_dtypes(exclude="number")
    assert not text.isna().any().any(), text.columns[text.isna().any()].tolist()
    assert not (text.astype(str) == "None").any().any()


def test_dashboard_pages_actor_counts_say_they_are_totals(store):
    at = _open(_app({"type": "attack"}), PAGES[0])
    assert "in total" in at.multiselect(key="f_actors").label
