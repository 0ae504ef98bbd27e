"""Near-duplicate articles: shingles, MinHash LSH clusters, canonical article, incremental state."""

from __future__ import annotations

import pytest

from tidings.stories.dedup import (
    DedupIndex,
    find_duplicates,
    from_blob,
    normalise,
    shingles,
    signature,
    to_blob,
)

STORY = (
    "Heavy rain flooded the lower town on Tuesday night, forcing about two hundred families from "
    "their homes, the regional emergency service said. Rescue teams used boats to reach people "
    "trapped on rooftops near the old mill, and the main road to the coast was closed after a "
    "landslide. The mayor asked residents to stay away from the river banks until the water "
    "level falls, and schools will remain closed on Wednesday."
)
# a syndicated copy: other quotes, dashes and spacing, a dateline and a credit line
COPY = "RIVERTON — " + STORY.replace("'", "’").replace("  ", " ") + " (Reporting by a staff writer)"
# an updated version: one sentence rewritten and a paragraph added
UPDATE = STORY.replace("about two hundred families", "nearly three hundred families") + (
    " By Wednesday morning the water had started to recede, and officials began counting the "
    "damage to farms along the valley."
)
OTHER = (
    "The city council approved a new budget on Tuesday that raises spending on public transport "
    "and cuts the cost of parking permits for residents, after a debate that lasted six hours."
)


def test_normalisation_removes_punctuation_and_case() -> None:
    assert normalise("Hello,  WORLD — it’s “fine”.") == ["hello", "world", "it", "s", "fine"]
    assert shingles("one two") == {b"one two"}
    assert len(shingles(STORY)) == len(normalise(STORY)) - 4
    assert shingles("") == set() and signature("  ...  ") is None


def test_copies_and_updates_cluster_and_others_do_not() -> None:
    index = DedupIndex()
    ids = {name: index.add(name, text, date) for name, text, date in [
        ("copy", COPY, "2024-05-02"), ("story", STORY, "2024-05-01"), ("update", UPDATE, "2024-05-02"),
        ("other", OTHER, "2024-05-01"),
    ]}  # fmt: skip
    assert index.cluster_of("story") == index.cluster_of("copy") == index.cluster_of("update")
    assert ids["other"] != index.cluster_of("story")
    assert index.similarity("story", "copy") > 0.8
    assert index.similarity("story", "other") < 0.2
    (members,) = index.clusters(min_size=2).values()
    assert members == ["copy", "story", "update"]
    assert index.canonical(members) == "story"  # earliest published


def test_canonical_prefers_earliest_then_longest_then_smallest_id() -> None:
    index = DedupIndex()
    index.add("b", STORY, "2024-05-01")
    index.add("a", UPDATE, "2024-05-01")  # same day, longer
    index.add("c", COPY, None)  # no date comes last
    assert index.canonical(["b", "a", "c"]) == "a"
    assert index.canonical(["c"]) == "c"


def test_ids_do_not_depend_on_order_and_re_adding_changes_nothing() -> None:
    forward = DedupIndex()
    backward = DedupIndex()
    items = [("s", STORY), ("c", COPY), ("u", UPDATE), ("o", OTHER)]
    for name, text in items:
        forward.add(name, text)
    for name, text in reversed(items):
        backward.add(name, text)
    assert forward.clusters() == backward.clusters()
    before = forward.clusters()
    forward.add("s", OTHER)  # an id already indexed is left alone
    assert forward.clusters() == before and len(forward) == 4


def test_state_round_trip_is_incremental() -> None:
    index = DedupIndex()
    index.add("story", STORY, "2024-05-01")
    index.add("other", OTHER, "2024-05-01")
    index.add("empty", "", None)
    state = index.state()
    assert all(isinstance(row["signature"], bytes | None) for row in state["articles"])
    restored = DedupIndex.from_state(state)
    assert restored.clusters() == index.clusters()
    # a new article joins the restored index's cluster without any text being re-read
    assert restored.add("copy", COPY, "2024-05-03") == restored.cluster_of("story")
    assert restored.canonical(restored.clusters()[restored.cluster_of("story")]) == "story"


def test_signature_blob_round_trip() -> None:
    m = signature(STORY)
    assert m is not None
    back = from_blob(to_blob(m))
    assert back.jaccard(m) == 1.0
    with pytest.raises(ValueError):
        from_blob(b"\x00" * 16)


def test_bad_input_empty_texts_and_thresholds() -> None:
    index = DedupIndex()
    a = index.add("a", "")
    b = index.add("b", "   ")
    assert a != b  # texts without words are never duplicates
    with pytest.raises(ValueError):
        DedupIndex(threshold=0)
    assert find_duplicates([]) == {}


def test_find_duplicates_reports_canonical_and_members() -> None:
    found = find_duplicates([("x", STORY, "2024-05-03"), ("y", COPY, "2024-05-01"), ("z", OTHER, None)])
    assert list(found.values()) == [{"canonical": "y", "members": ["x", "y"]}]


def test_many_identical_copies_are_one_cluster() -> None:
    index = DedupIndex()
    for i in range(500):
        index.add(f"a{i:04d}", STORY, "2024-05-01")
    assert len(index.clusters()) == 1
