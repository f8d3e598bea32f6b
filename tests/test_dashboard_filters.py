"""Filters: the sentence above every chart, and the URL round trip that makes links reproduce a view."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.filters import MAX_TEXT, Filters, from_query_params, to_query_params
from pipeline.model import EVENT_TYPES, MODALITIES


@pytest.mark.parametrize(("filters", "sentence"), [
    (Filters(), "All events, all dates"),
    (Filters(types=("attack", "troop_deployment"), actors=("Russia", "North Korea"), date_from=date(2024, 10, 1),
             date_to=date(2024, 12, 31)),
     "Troop deployments and attacks by North Korea or Russia, 1 Oct 2024 – 31 Dec 2024"),
    (Filters(types=("aid_package",), actors=("Germany",), date_from=date(2025, 1, 1)),
     "Aid packages by Germany, from 1 Jan 2025"),
    (Filters(types=("diplomacy", "sanction", "statement")),
     "Statements, diplomatic events and sanctions, all dates"),
    (Filters(date_to=date(2022, 2, 24)), "All events, until 24 Feb 2022"),
    (Filters(actors=("Russia",), include_affiliated=True, modalities=("planned", "claimed")),
     "All events (claimed or planned) by Russia (with affiliated persons and institutions), all dates"),
    (Filters(outlets=("taz",), docs=("001.txt",), text="Kursk"),
     "All events, all dates, reported by taz, from article 001.txt, evidence containing “Kursk”"),
    (Filters(docs=("a.txt", "b.txt", "c.txt")), "All events, all dates, from articles a.txt, b.txt or c.txt"),
    # a reversed range is read the right way round
    (Filters(date_from=date(2024, 12, 31), date_to=date(2024, 1, 1)), "All events, 1 Jan 2024 – 31 Dec 2024"),
])
def test_dashboard_filters_describe(filters, sentence):
    assert filters.describe() == sentence


def test_dashboard_filters_equal_views_are_equal_values():
    a = Filters(actors=("Russia", "Iran", "Russia"), text="  Kursk   Oblast ")
    b = Filters(actors=("Iran", "Russia"), text="Kursk Oblast")
    assert a == b and hash(a) == hash(b)


def test_dashboard_filters_url_of_default_is_empty():
    assert to_query_params(Filters()) == {}


def test_dashboard_filters_url_example():
    f = Filters(actors=("Russia", "North Korea"), include_affiliated=True, date_from=date(2024, 10, 1),
                types=("attack",), text="Kursk")
    assert to_query_params(f) == {"actor": ["North Korea", "Russia"], "type": ["attack"], "affiliated": "1",
                                  "from": "2024-10-01", "q": "Kursk"}


@pytest.mark.parametrize(("params", "expected"), [
    ({"from": "2024-13-01"}, Filters()),
    ({"from": ["2024-01-01", "not a date"]}, Filters()),
    ({"type": ["attack", "bombing"]}, Filters(types=("attack",))),
    ({"modality": "sure"}, Filters()),
    ({"affiliated": "yes"}, Filters()),
    ({"unknown": "x", "actor": ["", "Iran"]}, Filters(actors=("Iran",))),
    ({"q": "x" * 1000}, Filters(text="x" * MAX_TEXT)),
])
def test_dashboard_filters_bad_url_values_are_ignored(params, expected):
    assert from_query_params(params) == expected


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@given(actors=st.lists(names, max_size=4), affiliated=st.booleans(), d0=st.none() | dates, d1=st.none() | dates,
       types=st.lists(st.sampled_from(EVENT_TYPES), max_size=3), modalities=st.lists(st.sampled_from(MODALITIES)),
       outlets=st.lists(names, max_size=3), docs=st.lists(names, max_size=3), text=st.text(max_size=300))
def test_dashboard_filters_url_round_trip(actors, affiliated, d0, d1, types, modalities, outlets, docs, text):
    f = Filters(actors=tuple(actors), include_affiliated=affiliated, date_from=d0, date_to=d1, types=tuple(types),
                modalities=tuple(modalities), outlets=tuple(outlets), docs=tuple(docs), text=text)
    assert from_query_params(to_query_params(f)) == f


@given(st.dictionaries(st.sampled_from(["actor", "from", "to", "type", "q", "affiliated", "doc", "x"]),
                       st.text(max_size=30) | st.lists(st.text(max_size=30), max_size=3)))
def test_dashboard_filters_any_url_gives_filters(params):
    f = from_query_params(params)
    assert isinstance(f.describe(), str)
    assert from_query_params(to_query_params(f)) == f
