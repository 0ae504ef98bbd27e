"""The PLOVER evaluator's error report: confusions between gold and predicted types, per-half roles.

Records below are written for these tests in the gold file's shape (none is copied from it).
"""

from __future__ import annotations

from tidings.eval.plover import GoldRecord, confusions, score


def _record(number: int, kind: str) -> GoldRecord:
    return GoldRecord(id=f"T-{kind}-{number:04d}", text="Someone did something.", date=None, type=kind)


def _prediction(kind: str | None) -> dict[str, object]:
    return {"type": kind, "actors": [], "recipients": [], "trigger": None}


def test_confusions_count_gold_to_predicted_pairs_commonest_first() -> None:
    records = [_record(1, "COERCE"), _record(2, "COERCE"), _record(3, "AID"), _record(4, "AID")]
    predictions = [_prediction("ASSAULT"), _prediction("ASSAULT"), _prediction(None), _prediction("AID")]
    assert confusions(records, predictions) == "COERCE>ASSAULT 2, AID>none 1"
    assert confusions(records, predictions, top=1) == "COERCE>ASSAULT 2"


def test_confusions_of_perfect_predictions_are_empty() -> None:
    records = [_record(1, "AID")]
    assert confusions(records, [_prediction("AID")]) == ""
    assert score(records, [_prediction("AID")])["type_accuracy"] == 1.0


def test_no_records_score_without_error() -> None:
    assert confusions([], []) == ""
    assert score([], [])["type_accuracy"] == 0.0
