"""The MEANTIME factuality evaluator: gold mapping, scores with a baseline, the CLI command.

The MEANTIME-format files here are written for these tests (tiny documents in our own words);
one test also reads a real MEANTIME document from ``../shared/data`` when it is there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tidings.eval.factuality import _anchors, _score_document, evaluate_factuality, gold_labels, scores
from tidings.eval.meantime import documents, load_document

MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime"

# (word, sentence, event attributes or None)
_SENTENCES = [
    [("Rebels", None), ("attacked", {"polarity": "POS", "certainty": "CERTAIN", "time": "NON_FUTURE"}),
     ("the", None), ("town", None), ("on", None), ("Friday", None), (".", None)],
    [("The", None), ("army", None), ("did", None), ("not", None),
     ("retreat", {"polarity": "NEG", "certainty": "CERTAIN", "time": "NON_FUTURE"}), (".", None)],
    [("Officials", None), ("will", None),
     ("meet", {"polarity": "POS", "certainty": "CERTAIN", "time": "FUTURE"}), ("next", None), ("week", None),
     (".", None)],
    [("Rebels", None), ("may", None), ("have", None),
     ("fled", {"polarity": "POS", "certainty": "POSSIBLE", "time": "NON_FUTURE"}), (".", None)],
    [("The", None), ("2019", None),
     ("election", {"polarity": "UNDERSPECIFIED", "certainty": "CERTAIN", "time": "NON_FUTURE"}),
     ("was", None), ("calm", None), (".", None)],
]  # fmt: skip


def _write_document(path: Path, dct: str = "2024-03-10") -> None:
    tokens: list[str] = []
    markables: list[str] = []
    t_id = 0
    m_id = 100
    for number, sentence in enumerate(_SENTENCES):
        for word, event in sentence:
            t_id += 1
            tokens.append(f'<token number="{t_id}" sentence="{number}" t_id="{t_id}">{word}</token>')
            if event:
                m_id += 1
                attrs = " ".join(f'{k}="{v}"' for k, v in event.items())
                markables.append(
                    f'<EVENT_MENTION m_id="{m_id}" {attrs}><token_anchor t_id="{t_id}"/></EVENT_MENTION>'
                )
            if word == "2019":
                markables.append(
                    f'<TIMEX3 m_id="90" type="DATE" value="2019"><token_anchor t_id="{t_id}"/></TIMEX3>'
                )
    markables.append(f'<TIMEX3 m_id="1" type="DATE" value="{dct}" functionInDocument="CREATION_TIME"/>')
    relations = '<TLINK reltype="IS_INCLUDED"><source m_id="105"/><target m_id="90"/></TLINK>'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<?xml version="1.0"?><Document doc_id="1" lang="en">{"".join(tokens)}'
        f"<Markables>{''.join(markables)}</Markables><Relations>{relations}</Relations></Document>",
        encoding="utf-8",
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for name in ("alpha", "beta", "gamma"):
        _write_document(tmp_path / "intra-doc_annotation" / "corpus_test" / f"{name}.xml")
    return tmp_path


def test_gold_mapping(folder: Path) -> None:
    path = documents(folder)[0]
    doc = load_document(path)
    gold = gold_labels(doc, _anchors(path, doc))
    assert gold["101"] == {"polarity": "affirmed", "certainty": "certain", "tense": "present"}
    assert gold["102"]["polarity"] == "negated"
    assert gold["103"]["tense"] == "future"
    assert gold["104"]["certainty"] == "uncertain"
    assert gold["105"] == {"certainty": "certain", "tense": "historical"}  # underspecified polarity left out


def test_scores_and_baseline() -> None:
    pairs = [("a", "a"), ("a", "a"), ("a", "b"), ("b", "b")]
    result = scores(pairs, ("a", "b"))
    assert result["accuracy"] == 0.75
    assert result["f1"] == {"a": 0.8, "b": 0.6667}
    assert result["support"] == {"a": 3, "b": 1}
    assert result["baseline"]["predicts"] == "a" and result["baseline"]["accuracy"] == 0.75
    assert result["baseline"]["macro_f1"] == pytest.approx((2 * 0.75 / 1.75) / 2, abs=1e-3)
    assert scores([], ("a", "b"))["accuracy"] == 0.0


def test_evaluate_on_written_documents(folder: Path) -> None:
    result = evaluate_factuality(folder, workers=1, errors="dev")
    assert result["documents"] == 3 and result["mentions"] == 15
    halves = result["halves"]
    assert halves["dev"]["mentions"] + halves["test"]["mentions"] == 15
    assert result["polarity"]["f1"]["negated"] == 1.0  # "did not retreat"
    assert result["tense"]["f1"]["future"] == 1.0  # "will meet"
    assert result["tense"]["f1"]["historical"] == 1.0  # "the 2019 election"
    assert result["certainty"]["f1"]["uncertain"] == 1.0  # "may have fled"
    assert isinstance(result["errors"], list)


def test_cli(folder: Path, tidings: Callable[..., Any]) -> None:
    run = tidings("eval", "factuality", folder, "--workers", "1")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Event factuality on MEANTIME (3 documents)"
    assert lines[1] == "  all: 15 event mentions"
    assert (
        "majority baseline (affirmed)" in run.out and "  dev half:" in run.out and "  test half:" in run.out
    )
    as_json = tidings("eval", "factuality", folder, "--workers", "1", "--json")
    assert json.loads(as_json.out)["mentions"] == 15
    missing = tidings("eval", "factuality", folder / "nowhere")
    assert missing.code == 1 and missing.err_lines[0] == f"Error: {folder}/nowhere: not found"


def test_bad_documents(tmp_path: Path) -> None:
    broken = tmp_path / "intra-doc_annotation" / "c" / "broken.xml"
    broken.parent.mkdir(parents=True)
    xml = '<Document><token t_id="1" sentence="0">Hi</token><Markables><EVENT_MENTION m_id="1"/></Markables>'
    broken.write_text(xml + "</Document>", encoding="utf-8")
    result = evaluate_factuality(tmp_path, workers=1)
    assert result["mentions"] == 0 and result["polarity"]["accuracy"] == 0.0


@pytest.mark.skipif(not MEANTIME.exists(), reason="MEANTIME is in ../shared/data/meantime")
def test_a_real_meantime_document() -> None:
    name, mentions, rows = _score_document(documents(MEANTIME)[0])
    assert name.endswith(".xml") and mentions >= 5
    assert {d for d, *_ in rows} == {"polarity", "certainty", "tense"}
