"""``tidings eval acled``: reading ACLED exports of every vintage, choosing the primary event, scoring.

``tests/data/acled_sample.csv`` (current lower-case columns) and ``acled_sample_upper.csv`` (the
pre-2019 upper-case columns, old event types and date formats) are invented rows written for these
tests in ACLED's style; they test the evaluator's mechanics, not the coder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from tidings.errors import InputError
from tidings.eval import acled as acled_eval
from tidings.eval.acled import (
    Gold,
    evaluate_acled,
    export_rows,
    parse_acled_date,
    primary_event,
    read_acled,
)

Tidings = Callable[..., Run]
DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "acled_sample.csv"
UPPER = DATA / "acled_sample_upper.csv"
HEADER = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,latitude,longitude,notes,fatalities"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


# -- reading ---------------------------------------------------------------------------------------


def test_the_sample_is_read_whole() -> None:
    found = read_acled(SAMPLE)
    assert len(found.rows) == 21 and not found.skipped
    types = {row.event_types[0] for row in found.rows}
    assert types == {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
    first = found.rows[0]
    assert (first.row, first.event_date, first.sub_event_type) == ("MLI9001", "2021-03-14", "Armed clash")
    assert (first.lat, first.lon, first.fatalities, first.inter1) == (15.0061, -2.9517, 3, 1)
    assert first.notes.startswith("On 14 March 2021, JNIM militants")
    assert {row.event_date for row in found.rows if row.row == "CHL9013"} == {"2020-12-03"}


def test_the_old_upper_case_export_is_read_with_its_old_types_and_dates() -> None:
    found = read_acled(UPPER)
    assert not found.skipped
    assert [(r.row, r.event_date, r.event_types, r.sub_event_type) for r in found.rows] == [
        ("MLI1001", "2020-05-09", ("Violence against civilians",), None),
        ("AFG1002", "2015-01-01", ("Explosions/Remote violence",), None),
        ("KEN1003", "2016-12-03", ("Protests", "Riots"), None),
        ("NER1004", "2016-06-17", ("Battles",), "Armed clash"),
    ]
    assert found.rows[0].actor1 == "Unidentified Armed Group (Mali)" and found.rows[0].fatalities == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9-May-20", "2020-05-09"),
        ("01-January-2015", "2015-01-01"),
        ("2016-06-17", "2016-06-17"),
        ("03 December 2020", "2020-12-03"),
        ("3 December  2020", "2020-12-03"),
        ("17-Jun-2016", "2016-06-17"),
        ("June 17, 2016", "2016-06-17"),
        ("2016-02-30", None),
        ("31-Apr-20", None),
        ("17/06/2016", None),
        ("", None),
        ("yesterday", None),
    ],
)
def test_acled_date_formats(value: str, expected: str | None) -> None:
    assert parse_acled_date(value) == expected


def test_tab_and_semicolon_separated_exports_with_a_bom_and_blank_lines(tmp_path: Path) -> None:
    row = [
        "X1",
        "2020-05-09",
        "Riots",
        "Mob violence",
        "Rioters (Chad)",
        "5",
        "12.1",
        "15.0",
        "A mob ...",
        "1",
    ]
    for name, delimiter in (("a.tsv", "\t"), ("b.csv", ";")):
        text = "\ufeff" + HEADER.replace(",", delimiter) + "\n\n" + delimiter.join(row) + "\n\n\n"
        found = read_acled(_write(tmp_path / name, text))
        assert [(r.row, r.event_types, r.inter1, r.fatalities) for r in found.rows] == [
            ("X1", ("Riots",), 5, 1)
        ]


def test_textual_inter_codes_of_recent_exports(tmp_path: Path) -> None:
    text = (
        f'{HEADER}\nX1,2024-01-02,Battles,Armed clash,Military Forces of Chad,State forces,,,"Fighting.",0\n'
    )
    assert read_acled(_write(tmp_path / "new.csv", text)).rows[0].inter1 == 1


def test_bad_rows_are_counted_by_reason_and_not_scored(tmp_path: Path) -> None:
    lines = [
        HEADER,
        "OK1,2020-05-09,Battles,Armed clash,,,12.1,15.0,Soldiers fought rebels.,2",
        "NN1,2020-05-09,Battles,Armed clash,,,12.1,15.0,,2",
        "BD1,2020-13-09,Battles,Armed clash,,,12.1,15.0,Soldiers fought rebels.,2",
        "BD2,someday,Battles,Armed clash,,,12.1,15.0,Soldiers fought rebels.,2",
        "BC1,2020-05-09,Battles,Armed clash,,,200,15.0,Soldiers fought rebels.,2",
        "BC2,2020-05-09,Battles,Armed clash,,,north,15.0,Soldiers fought rebels.,2",
        "BC3,2020-05-09,Battles,Armed clash,,,12.1,,Soldiers fought rebels.,2",
        "NT1,2020-05-09,,,,,12.1,15.0,Soldiers fought rebels.,2",
        "BF1,2020-05-09,Battles,Armed clash,,,,,Soldiers fought rebels.,many",
        "SHORT1,2020-05-09,Battles",
    ]
    found = read_acled(_write(tmp_path / "bad.csv", "\n".join(lines) + "\n"))
    assert [row.row for row in found.rows] == ["OK1", "BF1"]
    assert found.rows[1].fatalities is None and found.unreadable_fatalities == 1
    assert dict(found.skipped) == {
        "missing notes": 2,
        "unreadable date": 2,
        "bad coordinates": 3,
        "missing event type": 1,
    }
    assert ("BC1", "bad coordinates") in found.skipped_rows


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("\n\n  \n", "the file is empty"),
        ("event_date|event_type|notes\n2020-05-09|Riots|A mob.\n", "not an ACLED export: no event_date, "),
        (
            "id,date,text\n1,2020-05-09,Something\n",
            "not an ACLED export: no event_date, event_type, notes columns",
        ),
        ("event_date,notes\n2020-05-09,x\n", "not an ACLED export: no event_type column"),
    ],
)
def test_files_that_are_not_acled_exports(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_acled(_write(tmp_path / "x.csv", text))
    assert message in caught.value.message
    assert caught.value.hint


def test_a_spreadsheet_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    book = tmp_path / "acled.xlsx"
    book.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match="not a text file"):
        read_acled(book)
    with pytest.raises(InputError, match="not found"):
        read_acled(tmp_path / "none.csv")


def test_a_windows_1252_export_is_read(tmp_path: Path) -> None:
    text = f"{HEADER}\nX1,2020-05-09,Protests,Peaceful protest,,,,,Caf\xe9 owners marched in Lom\xe9.,0\n"
    path = tmp_path / "w.csv"
    path.write_bytes(text.encode("cp1252"))
    assert read_acled(path).rows[0].notes == "Café owners marched in Lomé."


# -- the primary event and the scores --------------------------------------------------------------


def _event(event_id: str, event_type: str | None, sub: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"id": event_id, "acled": {"event_type": event_type, "sub_event_type": sub}, **fields}


def _rows(*events: dict[str, Any], actors: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    record = {"article": {"id": "f" * 64, "text": "x" * 50}, "actors": actors or [], "events": list(events)}
    return export_rows(record)


def test_primary_event_prefers_happened_then_the_opening_sentence_then_confident_then_violent() -> None:
    rows = _rows(
        _event("e1", "Strategic developments", "Arrests", confidence=0.8, evidence=[[0, 20]]),
        _event("e2", "Battles", "Armed clash", aux="historical", confidence=0.99, evidence=[[0, 20]]),
        _event("e3", "Riots", "Mob violence", confidence=0.8, evidence=[[0, 20]]),
        _event("e4", "Violence against civilians", "Attack", confidence=0.99, evidence=[[21, 40]]),
        _event("e5", None, confidence=1.0, evidence=[[0, 20]]),
    )
    # the opening sentence's events first; among them (equally confident) the violent one
    assert primary_event(rows)["event"] == "e3"
    assert primary_event(rows[:2])["event"] == "e1", "an event that happened beats background"
    # a later sentence's event only when the opening sentence has none that happened
    assert primary_event([rows[1], rows[3]])["event"] == "e4"
    assert primary_event(_rows(_event("e1", None))) is None
    assert primary_event([]) is None


def _perfect(gold: Gold) -> list[dict[str, Any]]:
    """What a coder that agrees with the row everywhere would output."""
    location = {"lat": gold.lat, "lon": gold.lon, "name": "here"} if gold.lat is not None else None
    return _rows(
        _event(
            "e1",
            gold.event_types[0],
            gold.sub_event_type,
            date=gold.event_date,
            date_precision="day",
            location=location,
            size={"killed": gold.fatalities},
            actors=["a1"],
        ),
        actors=[{"id": "a1", "name": gold.actor1 or "someone", "sector": "GOV"}],
    )


def test_a_coder_that_agrees_everywhere_scores_one() -> None:
    figures = evaluate_acled(SAMPLE, analyzer=_perfect)
    assert figures["rows"] == figures["scored"] == 21 and figures["skipped"] == 0
    for name in ("event_type", "sub_event_type", "date_exact", "location_25km", "fatalities_exact", "actor"):
        assert figures[name] == 1.0, name
        assert figures[f"n_{name}"] == 21


def test_a_coder_that_finds_nothing_scores_zero() -> None:
    figures = evaluate_acled(UPPER, analyzer=lambda gold: [])
    assert figures["no_event"] == 4
    assert figures["event_type"] == figures["date_exact"] == figures["actor"] == 0.0
    assert figures["sub_event_type"] == 0.0 and figures["n_sub_event_type"] == 1


def test_near_misses_are_scored_as_such() -> None:
    def off(gold: Gold) -> list[dict[str, Any]]:
        rows = _perfect(gold)
        detail = rows[0]["detail"]
        rows[0]["killed"] = (gold.fatalities or 0) + 1
        rows[0]["lat"] = (gold.lat or 0) + 0.3  # about 33 km north
        rows[0]["date_start"] = "1999-01-01"
        rows[0]["sub_event_type"] = "Other"
        detail["actors"] = [{"name": "Somebody Else", "sector": "CVL"}]
        rows[0]["actors"] = "Somebody Else"
        return rows

    figures = evaluate_acled(SAMPLE, analyzer=off, details=True)
    assert figures["event_type"] == 1.0
    assert figures["sub_event_type"] == figures["date_exact"] == figures["location_25km"] == 0.0
    assert figures["fatalities_exact"] == 0.0 and figures["fatalities_within_1"] == 1.0
    kms = [row["km"] for row in figures["details"]]
    assert all(32 < km < 35 for km in kms)
    assert figures["actor"] == round(4 / 21, 3), "only the 2 protest and 2 riot rows match, by inter code"


def test_actor_match_by_shared_name_word_or_inter_code() -> None:
    gold = Gold("g", "notes", "2020-01-01", ("Battles",), "Armed clash", actor1="Al Shabaab", inter1=2)
    assert acled_eval.actor_match(gold, {"actors": "al-Shabaab fighters"}, {"actor1": "", "inter1": None})
    assert acled_eval.actor_match(gold, {}, {"actor1": "insurgents", "inter1": 2})
    assert not acled_eval.actor_match(gold, {}, {"actor1": "Military Forces of Somalia", "inter1": 1})
    country_only = Gold("g", "n", "2020-01-01", ("Riots",), None, actor1="Rioters (Chad)")
    assert not acled_eval.actor_match(country_only, {}, {"actor1": "Protesters (Chad)", "inter1": 6})


# -- the command -----------------------------------------------------------------------------------


def test_eval_acled_command(tidings: Tidings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(acled_eval, "_analyze_row", _perfect)
    run = tidings("eval", "acled", UPPER, "--workers", "1", "--details")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "ACLED coding (acled_sample_upper.csv)"
    assert "  event_type       1.0" in lines
    assert lines[-1].startswith("  NER1004: type ok 'Battles'→'Battles' · sub ok 'Armed clash'→'Armed clash'")
    run = tidings("eval", "acled", UPPER, "--workers", "1", "--json")
    figures = json.loads(run.out)
    assert figures["scored"] == 4 and "details" not in figures


def test_eval_acled_command_on_a_bad_file(tidings: Tidings, tmp_path: Path) -> None:
    path = _write(tmp_path / "x.csv", "id;date;text\n1;2020-05-09;Something\n")
    run = tidings("eval", "acled", path)
    assert run.code == 1
    assert run.err_lines == [
        f"Error: {path}: not an ACLED export: no event_date, event_type, notes columns",
        "Hint: ACLED CSV needs a header row with event_date, event_type and notes "
        "(comma- or tab-separated; upper-case names are fine)",
    ]
    assert run.out == ""
    run = tidings("eval", "acled", tmp_path / "none.csv")
    assert run.code == 1
    assert run.err_lines[0] == f"Error: {tmp_path}/none.csv: not found"


def test_the_real_coder_runs_on_every_sample_row() -> None:
    """End to end with the analyzer: every row is analysed and scored, whatever the coder finds."""
    figures = evaluate_acled(UPPER, workers=1, details=True)
    assert figures["scored"] == 4 and figures["n_event_type"] == 4
    assert all(0.0 <= figures[name] <= 1.0 for name in ("event_type", "date_exact", "fatalities_exact"))
    assert [row["row"] for row in figures["details"]] == ["MLI1001", "AFG1002", "KEN1003", "NER1004"]
