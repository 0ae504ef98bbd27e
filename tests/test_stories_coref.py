"""Cross-document event coreference: clustering, pair score, blocking, adapters, bad input."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tidings.stories.adapters import record_mentions
from tidings.stories.agglomerative import cluster
from tidings.stories.blocking import candidate_pairs, date_cells
from tidings.stories.coref import (
    RECORD_WEIGHTS,
    EventMention,
    cluster_mentions,
    dates_compatible,
    features,
    same_lemma,
    score,
)
from tidings.stories.lexicon import stem, synonyms
from tidings.stories.topics import cluster_documents, cluster_topics


def test_average_link_merges_a_chain_only_when_the_mean_is_high() -> None:
    # 0-1 strong, 1-2 strong, 0-2 absent: average link of {0,1} with 2 is (0.9 + 0) / 2 = 0.45
    edges = [(0, 1, 0.95), (1, 2, 0.9)]
    assert cluster(3, edges, 0.5) == [0, 0, 2]
    assert cluster(3, edges, 0.4) == [0, 0, 0]
    assert cluster(3, edges, 0.4, linkage="complete") == [0, 0, 2]  # 0-2 is no candidate


def test_weights_count_collapsed_copies() -> None:
    # node 0 stands for 3 copies; with node 2 it has no edge, so the pair {0,1}+{2} averages low
    edges = [(0, 1, 0.9), (1, 2, 0.9)]
    assert cluster(3, edges, 0.5, weights=[3, 1, 1])[2] == 2
    with pytest.raises(ValueError):
        cluster(2, edges, 0.5, linkage="single")  # type: ignore[arg-type]


def test_clustering_ignores_bad_edges_and_handles_nothing() -> None:
    assert cluster(0, [], 0.5) == []
    assert cluster(2, [(0, 0, 1.0), (0, 5, 1.0), (1, -1, 1.0)], 0.5) == [0, 1]


def test_stem_and_synonyms() -> None:
    assert stem("shooting") == stem("shoot")
    assert stem("arrested") == stem("arrest")
    assert stem("election") == stem("elect")
    assert "murder" in synonyms("kill") and "kill" in synonyms("murder")
    assert synonyms("zzz") == frozenset()


def test_dates_within_precision_windows() -> None:
    assert dates_compatible("2021-11-07", "day", "2021-11-08", "day") is True
    assert dates_compatible("2021-11-07", "day", "2021-11-20", "day") is False
    assert dates_compatible("2021-11", "month", "2021-11-20", "day") is True
    assert dates_compatible("2021", "year", "2021-06-01", "day") is True
    assert dates_compatible(None, None, "2021-06-01", "day") is None
    assert dates_compatible("not a date", "day", "2021-06-01", "day") is None


@pytest.mark.parametrize(
    ("a", "pa", "b", "pb"),
    [
        ("2021-11-30", "day", "2021-12-01", "day"),
        ("2021-12-31", "day", "2022-01-01", "day"),
        ("2021-11", "month", "2021-11-30", "day"),
        ("2021-11-07", "month", "2021-11-30", "day"),
        ("2021", "year", "2021-07-04", "day"),
        ("2021-03-01", "week", "2021-03-08", "day"),
        ("2019", "decade", "2011-02-02", "day"),
        ("2021", "year", "2021-05", "month"),
    ],
)
def test_compatible_dates_become_candidates(a: str, pa: str, b: str, pb: str) -> None:
    assert dates_compatible(a, pa, b, pb) is True
    for place_a, place_b in [(("IRQ",), ("IRQ", "Baghdad")), ((), ("IRQ",)), ((), ())]:
        x = EventMention(id="x", doc="d1", lemma="", type="ASSAULT", date=a, precision=pa, place_path=place_a)
        y = EventMention(id="y", doc="d2", lemma="", type="ASSAULT", date=b, precision=pb, place_path=place_b)
        if not (place_a and not place_b and pa in ("month", "year", "decade")):  # the documented gap
            assert candidate_pairs([x, y]) == {(0, 1)}


def test_incompatible_or_foreign_mentions_are_no_candidates() -> None:
    assert dates_compatible("2021-11", "month", "2021-12-03", "day") is False
    assert dates_compatible("2021-11-07", "day", "2021-11-10", "day") is False
    x = EventMention(id="x", doc="d1", lemma="", type="ASSAULT", date="2021-11-07", place_path=("IRQ",))
    far = EventMention(id="y", doc="d2", lemma="", type="ASSAULT", date="2021-12-20", place_path=("IRQ",))
    abroad = EventMention(id="z", doc="d3", lemma="", type="ASSAULT", date="2021-11-07", place_path=("SYR",))
    undated = EventMention(id="u", doc="d4", lemma="", type="ASSAULT", place_path=("IRQ",))
    assert candidate_pairs([x, far, abroad, undated]) == set()
    assert date_cells("2021-11-07", "day") and date_cells(None, None) == [] and date_cells("x", "day") == []


def mention(i: int, **fields: Any) -> EventMention:
    values: dict[str, Any] = {"id": f"m{i}", "doc": f"d{i}", "lemma": "attack"}
    values.update(fields)
    return EventMention(**values)


def test_structured_records_merge_on_type_date_and_place() -> None:
    common = {"type": "ASSAULT", "date": "2021-11-07", "precision": "day", "place_path": ("IRQ", "Baghdad")}
    a = mention(1, participants=frozenset({"kadhimi"}), **common)
    b = mention(2, participants=frozenset({"kadhimi"}), **common)
    far = mention(3, participants=frozenset({"kadhimi"}), **{**common, "date": "2021-12-20"})
    other = mention(4, participants=frozenset({"kadhimi"}), **{**common, "type": "PROTEST"})
    elsewhere = mention(5, participants=frozenset({"kadhimi"}), **{**common, "place_path": ("SYR",)})
    assert score(a, b, RECORD_WEIGHTS) > 0.5
    for c in (far, other, elsewhere):
        assert score(a, c, RECORD_WEIGHTS) < 0.05
    chains = cluster_mentions([a, b, far, other, elsewhere], weights=RECORD_WEIGHTS)
    assert chains["m1"] == chains["m2"] == "m1"
    assert len({chains[m] for m in ("m1", "m3", "m4", "m5")}) == 4


def test_place_inside_the_other_and_nearby_points() -> None:
    a = mention(1, place_path=("IRQ", "Baghdad", "98182"))
    b = mention(2, place_path=("IRQ", "Baghdad"))
    assert features(a, b)["place_match"] == 1.0
    near = mention(3, point=(33.34, 44.40))
    close = mention(4, point=(33.30, 44.30))
    distant = mention(5, point=(36.34, 43.13))
    assert features(near, close)["place_match"] == 1.0
    assert features(near, distant)["place_clash"] == 1.0


def test_mentions_in_different_groups_never_corefer() -> None:
    a, b = mention(1, group="t1"), mention(2, group="t2")
    assert candidate_pairs([a, b]) == set()
    assert same_lemma([a, b]) == {"m1": "m1", "m2": "m2"}


def test_same_lemma_baseline_can_use_subgroups() -> None:
    a, b = mention(1, subgroup="s1"), mention(2, subgroup="s2")
    assert same_lemma([a, b])["m2"] == "m1"
    assert same_lemma([a, b], within="subgroup")["m2"] == "m2"


def test_bad_input_empty_single_and_missing_fields() -> None:
    assert cluster_mentions([]) == {}
    assert cluster_mentions([mention(1)]) == {"m1": "m1"}
    bare = [EventMention(id=f"x{i}", doc=f"d{i}", lemma="") for i in range(3)]
    assert set(cluster_mentions(bare)) == {"x0", "x1", "x2"}


def test_ten_thousand_identical_mentions_are_one_chain_quickly() -> None:
    copies = [
        mention(
            i, type="ASSAULT", date="2021-11-07", precision="day", doc="same", participants=frozenset({"a"})
        )
        for i in range(10_000)
    ]
    started = time.perf_counter()
    chains = cluster_mentions(copies, weights=RECORD_WEIGHTS)
    assert time.perf_counter() - started < 10
    assert set(chains.values()) == {"m0"}


def test_large_blocks_are_bounded() -> None:
    many = [
        mention(i, type="ASSAULT", date=f"2021-11-{1 + i % 28:02d}", precision="day") for i in range(3000)
    ]
    started = time.perf_counter()
    pairs = candidate_pairs(many)
    assert time.perf_counter() - started < 30
    assert len(pairs) < 3000 * 3000 // 2


RECORD: dict[str, Any] = {
    "article": {"id": "art1", "published": "2021-11-07", "text": "A drone attacked the house in Baghdad."},
    "actors": [{"id": "a1", "name": "Mustafa al-Kadhimi"}],
    "places": [{"geonameid": 98182, "name": "Baghdad", "lat": 33.34, "lon": 44.40, "country": "IRQ",
                "admin1": "Baghdad"}],
    "events": [{"id": "e1", "type": "ASSAULT", "recipients": ["a1"], "location": {"geonameid": 98182},
                "date": "2021-11-07", "date_precision": "day", "evidence": [[8, 16]]}],
}  # fmt: skip


def test_record_adapter_reads_the_analysis_contract() -> None:
    (m,) = record_mentions([RECORD])
    assert (m.id, m.type, m.lemma, m.date, m.precision) == (
        "art1#e1",
        "ASSAULT",
        "attacked",
        "2021-11-07",
        "day",
    )
    assert m.participants == {"mustafa al-kadhimi"}
    assert m.place_path == ("IRQ", "Baghdad", "98182") and m.point == (33.34, 44.40)


def test_record_adapter_survives_malformed_records() -> None:
    broken: list[Any] = [
        "not a record",
        {"events": "nope"},
        {"article": None, "events": [None, {"id": "e1", "evidence": [["a", 3]], "location": "x"}]},
        {"article": {"text": "short"}, "events": [{"id": "e2", "evidence": [[0, 999]], "date": 5}]},
    ]
    mentions = record_mentions(broken)
    assert len(mentions) == 2
    assert all(m.date is None and m.place_path == () for m in mentions)
    cluster_mentions(mentions, weights=RECORD_WEIGHTS)


def test_two_reports_of_one_event_from_records_merge() -> None:
    second = {
        **RECORD,
        "article": {"id": "art2", "text": "The house in Baghdad was attacked by a drone, officials said."},
        "events": [{**RECORD["events"][0], "evidence": [[23, 31]]}],
    }
    chains = cluster_mentions(record_mentions([RECORD, second]), weights=RECORD_WEIGHTS)
    assert chains["art1#e1"] == chains["art2#e1"]


TEXTS = [
    "Floods swept through the river valley after three days of rain, and farmers lost their harvest.",
    "Heavy rain flooded the river valley; farmers said the harvest was lost to the floods.",
    "The central bank raised interest rates to curb inflation, its governor announced.",
    "Inflation pushed the central bank to raise interest rates again, the governor said.",
]


def test_documents_cluster_by_topic() -> None:
    labels = cluster_documents(TEXTS)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]
    topics, subtopics = cluster_topics(TEXTS)
    assert topics == labels and len(subtopics) == 4
    assert cluster_documents([]) == [] and cluster_topics([]) == ([], [])
    assert cluster_documents(["", "   ", "123"]) == [0, 1, 2]
