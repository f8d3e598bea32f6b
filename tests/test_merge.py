from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.merge import merge_mentions, merge_quantities
from tests.factories import mention


def test_merge_same_event_from_two_articles_keeps_both_sources_and_both_numbers():
    a = mention("m1", quantity={"troops": 11000}, article="a1", doc="a.txt")
    b = mention("m2", quantity={"troops": 50000}, article="a2", doc="b.txt", published=date(2024, 11, 12),
                modality="claimed")
    (event,) = merge_mentions([b, a])
    assert [s.doc for s in event.sources] == ["a.txt", "b.txt"]
    assert [s.quantity for s in event.sources] == [{"troops": 11000}, {"troops": 50000}]
    assert event.quantity == {"troops": [11000, 50000]}
    assert (event.event_id, event.modality) == ("m1", "asserted")  # from the first report
    assert (event.date_start, event.date_end, event.precision) == (date(2024, 11, 10), date(2024, 11, 10), "day")


def test_merge_never_joins_two_mentions_of_one_article():
    a = mention("m1", article="a1", char_start=0)
    b = mention("m2", article="a1", char_start=100)
    assert len(merge_mentions([a, b])) == 2


@pytest.mark.parametrize(
    ("change", "merged"),
    [
        ({}, True),
        ({"type": "attack"}, False),
        ({"actors": ("Russia",)}, False),
        ({"actors": ("Russia", "North Korea")}, False),
        ({"actors": ("North Korea", "Russia")}, True),
        ({"actors": ()}, False),
        ({"location": "Kyiv"}, False),
        ({"location": None}, True),
        ({"targets": ("Ukraine",)}, True),
        ({"start": date(2024, 11, 1), "end": date(2024, 11, 30), "precision": "month"}, False),
        ({"start": date(2024, 11, 11)}, False),
        ({"start": None, "end": None, "precision": "unknown"}, False),
    ],
)
def test_merge_decides_by_type_actor_place_and_date(change, merged):
    a = mention("m1", article="a1")
    b = mention(**{"event_id": "m2", "article": "a2", "doc": "b.txt", **change})
    assert (len(merge_mentions([a, b])) == 1) is merged


@pytest.mark.parametrize(
    ("type", "second_actors", "basis", "merged"),
    [
        ("statement", ("Vladimir Putin", "Russia"), "text", True),
        ("statement", ("Vladimir Putin", "Russia"), "publication", True),
        ("statement", ("Russia", "Vladimir Putin"), "text", False),
        ("diplomacy", ("Vladimir Putin",), "text", True),
        ("diplomacy", ("Donald Trump", "Vladimir Putin"), "text", False),
    ],
)
def test_merge_statements_and_talks_need_the_same_acting_side(type, second_actors, basis, merged):
    a = mention("m1", type=type, actors=("Vladimir Putin", "Russia"), location=None, article="a1")
    b = mention("m2", type=type, actors=second_actors, location=None, article="a2", doc="b.txt", basis=basis)
    assert (len(merge_mentions([a, b])) == 1) is merged


def test_merge_reports_of_a_story_weeks_apart_stay_separate_events():
    a = mention("m1", basis="publication", start=date(2024, 11, 11), article="a1")
    b = mention("m2", basis="publication", start=date(2024, 12, 3), article="a2", doc="b.txt")
    assert len(merge_mentions([a, b])) == 2


def test_merge_physical_events_with_disjoint_targets_stay_apart():
    a = mention("m1", type="attack", actors=("Russia",), targets=("Ukraine",), article="a1")
    b = mention("m2", type="attack", actors=("Russia",), targets=("Georgia",), article="a2", doc="b.txt")
    assert len(merge_mentions([a, b])) == 2


def test_merge_is_independent_of_input_order():
    ms = [mention(f"m{i}", article=f"a{i}", doc=f"{i}.txt", quantity={"troops": 1000 * i}) for i in range(5)]
    forward = merge_mentions(ms)
    backward = merge_mentions(list(reversed(ms)))
    assert forward == backward
    assert len(forward) == 1 and len(forward[0].sources) == 5


@pytest.mark.parametrize(
    ("quantities", "expected"),
    [
        ([{"troops": 1}, {"troops": 1}], {"troops": 1}),
        ([{"troops": 1}, {"troops": 2}], {"troops": [1, 2]}),
        ([{"amount": 5, "currency": "USD"}, {}], {"amount": 5, "currency": "USD"}),
        ([{"killed": [3, 4]}, {"killed": 5}], {"killed": [3, 4, 5]}),
        ([], {}),
    ],
)
def test_merge_quantities_keep_disagreeing_values(quantities, expected):
    assert merge_quantities(quantities) == expected


_names = st.sampled_from(["Russia", "Ukraine", "North Korea", "United States", "Vladimir Putin"])
_mentions = st.lists(
    st.builds(
        lambda i, type, actors, day, basis, article, troops: mention(
            f"m{i}", type=type, actors=tuple(actors), start=date(2024, 11, 1 + day), basis=basis,
            article=f"a{article}", doc=f"{article}.txt", char_start=i, quantity={"troops": troops} if troops else {}),
        st.integers(0, 10_000), st.sampled_from(["troop_deployment", "statement", "attack", "diplomacy"]),
        st.lists(_names, max_size=3, unique=True), st.integers(0, 29), st.sampled_from(["text", "publication"]),
        st.integers(0, 5), st.sampled_from([0, 1000, 11000])),
    max_size=30, unique_by=lambda m: m.event_id,
)


@given(_mentions)
@settings(max_examples=200, deadline=None)
def test_merge_property_never_loses_or_invents_a_source(mentions):
    events = merge_mentions(mentions)
    sources_in = sorted((s.article_id, s.char_start) for m in mentions for s in m.sources)
    sources_out = sorted((s.article_id, s.char_start) for e in events for s in e.sources)
    assert sources_out == sources_in
    assert all(e.sources for e in events)
    for e in events:
        assert len({s.article_id for s in e.sources}) == len(e.sources)  # one article never merges with itself
        assert e.date_start is None or e.date_start <= e.date_end
