"""The PolNeAR evaluator: reading standoff, offset mapping, span matching and one run on dev."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.eval.polnear import (
    Relation,
    documents,
    figures,
    map_relations,
    match_spans,
    outermost,
    parse_ann,
    score_document,
    widen_content,
)
from tidings.text import clean_text

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40\tthat the bridge is closed\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n"
    "T5\tCue 50 56\tis said\n"
    "T6\tContent 60 70;80 90\tsplit content\n"
    "T7\tAttribution 50 56\tis said\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "T8\tDiscard 95 99\tjunk\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_parse_ann_reads_roles_and_discontinuous_spans() -> None:
    relations = parse_ann(ANN)
    assert len(relations) == 2
    first, second = relations
    assert first.source == ((0, 9),) and first.cue == ((10, 14),) and first.content == ((15, 40),)
    assert second.source == () and second.content == ((60, 70), (80, 90))


def test_parse_ann_tolerates_broken_lines() -> None:
    assert parse_ann("T1\tSource x y\tbad\nE1\tAttribution:T9 Source:T1\nnonsense\n\n") == []


def test_offsets_follow_the_cleaned_text() -> None:
    raw = "Title  \n\n\n\nThe mayor   said\r\nit rained.  "
    cleaned = clean_text(raw)
    start = raw.index("mayor")
    gold = [Relation((), ((start, start + 5),), ())]
    moved = map_relations(gold, raw, cleaned)
    s, e = moved[0].cue[0]
    assert cleaned[s:e] == "mayor"
    rained = raw.index("rained")
    moved = map_relations([Relation((), (), ((rained, rained + 6),))], raw, cleaned)
    assert cleaned[slice(*moved[0].content[0])] == "rained"


def test_overlap_matching_is_one_to_one() -> None:
    pred = [((0, 10),), ((5, 12),), ((100, 110),)]
    gold = [((8, 20),), ((50, 60),)]
    overlap, exact = match_spans(pred, gold)
    assert overlap == 1 and exact == 0


def test_exact_matching_ignores_outer_whitespace() -> None:
    text = " abc def "
    assert match_spans([((0, 9),)], [((1, 8),)], text) == (1, 1)
    assert match_spans([((1, 5),)], [((1, 8),)], text) == (1, 0)


def test_discontinuous_gold_matches_either_piece() -> None:
    assert match_spans([((82, 85),)], [((60, 70), (80, 90))]) == (1, 0)


def test_score_document_and_figures() -> None:
    gold = [
        Relation(((0, 5),), ((6, 10),), ((11, 30),)),
        Relation((), ((40, 44),), ((45, 60),)),
    ]
    pred = [
        Relation(((0, 5),), ((6, 10),), ((16, 30),)),
        Relation(((70, 75),), ((76, 80),), ((81, 90),)),
    ]
    counts = score_document(pred, gold)
    assert counts.gold == {"source": 1, "cue": 2, "content": 2}
    assert counts.pred == {"source": 2, "cue": 2, "content": 2}
    assert counts.overlap == {"source": 1, "cue": 1, "content": 1}
    assert counts.exact == {"source": 1, "cue": 1, "content": 0}
    result = figures(counts)
    assert result["source"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "exact_f1": 0.6667,
        "exact_precision": 0.5,
        "exact_recall": 1.0,
        "gold": 1,
        "predicted": 2,
    }
    assert result["content"]["exact_f1"] == 0.0


def test_widen_content_to_the_gold_conventions() -> None:
    text = "She said that the dam held. “It held,” he said."
    start = text.index("the dam")
    assert text[slice(*widen_content(text, (start, start + len("the dam held"))))] == "that the dam held"
    inner = text.index("It held")
    assert text[slice(*widen_content(text, (inner, inner + 7)))] == "“It held,”"


def test_outermost_drops_nested_relations() -> None:
    outer = Relation(((0, 3),), ((4, 8),), ((9, 60),))
    inner = Relation(((20, 25),), ((26, 30),), ((31, 50),))
    other = Relation(((70, 73),), ((74, 78),), ((79, 90),))
    assert outermost([outer, inner, other]) == [outer, other]


def test_documents_requires_the_folder(tmp_path: Path) -> None:
    from tidings.errors import TidingsError

    with pytest.raises(TidingsError):
        documents(tmp_path, "dev")


def test_documents_pairs_text_with_first_annotator(tmp_path: Path) -> None:
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "paper_2016-01-01_a-story.txt").write_text("x", encoding="utf-8")
    (base / "attributions" / "paper_2016-01-01_a-story_bbbb.ann").write_text("", encoding="utf-8")
    (base / "attributions" / "paper_2016-01-01_a-story_aaaa.ann").write_text("", encoding="utf-8")
    pairs = documents(tmp_path, "dev")
    assert [ann.name for _, ann in pairs] == ["paper_2016-01-01_a-story_aaaa.ann"]


@pytest.mark.slow
def test_polnear_dev_floors() -> None:
    if not (POLNEAR / "data" / "dev").exists():
        pytest.skip("PolNeAR data absent")
    from tidings.eval.polnear import evaluate_polnear

    result = evaluate_polnear(POLNEAR, "dev", workers=2)
    assert result["documents"] == 84
    # measured on dev: source 0.757, cue 0.749, content 0.776 (overlap F1); source exact 0.677
    assert result["source"]["f1"] >= 0.745
    assert result["cue"]["f1"] >= 0.72
    assert result["content"]["f1"] >= 0.75
    assert result["content"]["precision"] >= 0.86
    assert result["source"]["exact_f1"] >= 0.63
