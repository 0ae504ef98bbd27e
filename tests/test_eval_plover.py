"""The PLOVER gold-record evaluator: reading records and markup, choosing the event, scoring.

Records below are written for these tests in the gold file's shape (none is copied from it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import cli
from tidings.errors import InputError
from tidings.eval.plover import choose, event_words, gold_record, gold_spans, load_gold, score

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover-gsr"

RECORDS = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation"},
    {
        "id": "X-DEMAND-0002",
        "date": "2001-02-03",
        "event": "DEMAND",
        "source": [{"actorText": "Chile", "code": "CHL", "sector": "GOV"}],
        "target": [{"actorText": "Peru", "code": "PER", "sector": "COP"}],
        "text": "Chile demanded that Peru reopen the border crossing.",
        "textInfo": {
            "markup": "(SRC: Chile) (EVT: demanded) that (TAR: Peru) (EVT: reopen) the border crossing."
        },
    },
    {
        "id": "X-FIGHT-0003",
        "date": "2001-02-03",
        "event": "FIGHT",
        "source": [{"actorText": "rebels", "code": "COL", "sector": "REBxyz"}],
        "target": "",
        "text": "Rebels shelled an army post (the third this week) near the river.",
        "textInfo": {
            "markup": "(SRC: Rebels) (EVT: shelled) an army post (the third this week) (LOC: near the river)."
        },
    },
]


def test_markup_event_words_ignore_nested_markers_and_plain_parentheses() -> None:
    markup = "The (SRC: UN) (EVT: sent (LOC: aid)) to (TAR: Chad) (a note) and (EVT: pledged  more)."
    assert event_words(markup) == ["sent aid", "pledged more"]
    text = "The UN sent aid to Chad (a note) and pledged more."
    assert gold_spans(text, ["sent aid", "pledged more"]) == [(7, 15), (37, 49)]


def test_gold_records_map_old_types_and_skip_documentation(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    records = load_gold(path)
    assert [r.type for r in records] == ["REQUEST", "ASSAULT"]
    assert records[0].actors == [("CHL", "GOV")] and records[0].recipients == [("PER", "POL")]
    assert records[1].recipients == [] and records[1].actors == [("COL", "REB")]
    assert records[1].number == 3
    assert gold_record({"event": "AGREE"}) is None and gold_record("not a record") is None


@pytest.mark.parametrize(
    "content", ["{not json", '{"an": "object"}', "\udcff"], ids=["broken", "object", "bytes"]
)
def test_bad_gold_files_raise_input_errors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "gold.json"
    if content == "\udcff":
        path.write_bytes(b"\xff\xfe\x00[")
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(path)
    with pytest.raises(InputError):
        load_gold(tmp_path / "missing")


def test_choose_prefers_the_event_on_the_gold_words() -> None:
    events = [{"type": "ASSAULT", "trigger": [0, 5]}, {"type": "REQUEST", "trigger": [20, 28]}]
    assert choose(events, [(21, 27)])["type"] == "REQUEST"  # type: ignore[index]
    assert choose(events, [(40, 44)])["type"] == "REQUEST"  # type: ignore[index]  # nearest
    assert choose([], [(0, 4)]) is None


def test_score_counts_a_sentence_without_event_as_wrong(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    records = load_gold(path)
    predictions = [
        {"type": "REQUEST", "actors": [("CHL", "GOV")], "recipients": [("PER", "GOV")], "trigger": [6, 14]},
        {"type": None, "actors": [], "recipients": [], "trigger": None},
    ]
    figures = score(records, predictions)
    assert figures["type_accuracy"] == 0.5 and figures["no_event"] == 1
    assert figures["actors_country_f1"] == pytest.approx(0.667, abs=0.001)
    assert figures["recipients_country_f1"] == 1.0
    assert figures["recipients_sector_f1"] == 0.0


@pytest.mark.skipif(not GOLD.exists(), reason="the PLOVER gold records are in ../shared/data")
def test_cli_scores_a_sample_of_the_gold_records(tmp_path: Path) -> None:
    data = json.loads((GOLD / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    sample = [r for r in data if r.get("event") in ("PROTEST", "THREATEN")][:8]
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(json.dumps(sample), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "plover", str(tmp_path), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["sentences"] == 8
    assert figures["type_accuracy"] >= 0.5
    assert 0.0 <= figures["actors_country_f1"] <= 1.0
