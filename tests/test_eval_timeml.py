"""The TimeML/MEANTIME readers and TempEval-3 scoring (tiny documents written for these tests)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tidings.eval.timeml import (
    GoldTimex,
    evaluate_meantime_timex,
    evaluate_timeml,
    figures,
    in_half,
    read_meantime,
    read_timeml,
    score_doc,
    value_error_breakdown,
)

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-11-07"
  functionInDocument="CREATION_TIME">20211107</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
Rebels &amp; troops <EVENT eid="e1" class="OCCURRENCE">clashed</EVENT> <TIMEX3 tid="t1" type="DATE"
  value="2021-11-05" functionInDocument="NONE">on Friday</TIMEX3>.
The fighting <EVENT eid="e2" class="OCCURRENCE">lasted</EVENT> <TIMEX3 tid="t2" type="DURATION"
  value="P3D">three days</TIMEX3> and ended <TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>
"""

MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" lang="en">
<token number="0" sentence="0" t_id="1">Storm</token>
<token number="1" sentence="0" t_id="2">hits</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">3</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2010</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">hit</token>
<token number="8" sentence="2" t_id="9">yesterday</token>
<token number="9" sentence="2" t_id="10">.</token>
<token number="10" sentence="3" t_id="11">It</token>
<token number="11" sentence="3" t_id="12">ended</token>
<token number="12" sentence="3" t_id="13">today</token>
<token number="13" sentence="3" t_id="14">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2010-03-03">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2010-03-02">
<token_anchor t_id="9"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="" />
</Markables>
</Document>
"""


def test_read_timeml_strips_markup_with_exact_offsets() -> None:
    doc = read_timeml(TIMEML, "test.tml")
    assert doc.dct == "2021-11-07"
    assert "Not part" not in doc.text and "<" not in doc.text
    assert "Rebels & troops clashed on Friday." in doc.text
    spans = [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes]
    assert spans == [
        ("on Friday", "DATE", "2021-11-05"),
        ("three days", "DURATION", "P3D"),
        ("now", "DATE", "PRESENT_REF"),
    ]


def test_read_meantime_joins_tokens_and_limits_to_the_annotated_sentences() -> None:
    doc = read_meantime(MEANTIME, "m.xml")
    assert doc.text.splitlines() == ["Storm hits", "March 3, 2010", "It hit yesterday.", "It ended today."]
    assert doc.dct == "2010-03-03"
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [("yesterday", "2010-03-02")]
    assert [doc.text[s:e] for s, e in doc.dct_spans] == ["March 3, 2010"]
    assert doc.annotated_end == doc.text.index("yesterday.") + len("yesterday.")


def test_score_doc_strict_relaxed_value_type() -> None:
    gold = [
        GoldTimex(0, 9, "DATE", "2021-11-05"),
        GoldTimex(20, 30, "DURATION", "P3D"),
        GoldTimex(40, 43, "DATE", "PRESENT_REF"),
    ]
    system = [
        GoldTimex(3, 9, "DATE", "2021-11-05"),  # relaxed match, right value
        GoldTimex(20, 30, "DATE", "2021-11-04"),  # strict match, wrong value and type
        GoldTimex(50, 55, "DATE", "2021"),  # spurious
    ]
    counts = score_doc(gold, system)
    assert counts == Counter(gold=3, system=3, relaxed=2, strict=1, value=1, type=1)
    f = figures(counts)
    assert f["strict_precision"] == f["strict_recall"] == round(1 / 3, 4)
    assert f["relaxed_f1"] == round(2 / 3, 4)
    assert f["value_f1"] == round(1 / 3, 4)
    assert f["value_accuracy"] == 0.5 and f["type_accuracy"] == 0.5


def test_matching_is_one_to_one() -> None:
    gold = [GoldTimex(0, 10, "DATE", "x")]
    system = [GoldTimex(0, 4, "DATE", "x"), GoldTimex(5, 10, "DATE", "x")]
    counts = score_doc(gold, system)
    assert counts["relaxed"] == 1 and counts["system"] == 2


def test_empty_documents_score_zero_without_dividing_by_zero() -> None:
    f = figures(score_doc([], []))
    assert f["relaxed_f1"] == 0.0 and f["gold"] == 0


def test_evaluate_on_tiny_folders(tmp_path: Path) -> None:
    (tmp_path / "tb").mkdir()
    (tmp_path / "tb" / "a.tml").write_text(TIMEML, encoding="utf-8")
    result = evaluate_timeml(tmp_path / "tb", workers=1, use_parse=False)
    assert result["documents"] == 1 and result["gold"] == 3
    assert result["relaxed_recall"] == 1.0 and result["value_recall"] == 1.0
    (tmp_path / "mt" / "intra-doc_annotation" / "corpus_x").mkdir(parents=True)
    (tmp_path / "mt" / "intra-doc_annotation" / "corpus_x" / "m.xml").write_text(MEANTIME, encoding="utf-8")
    result = evaluate_meantime_timex(tmp_path / "mt", workers=1, use_parse=False)
    assert (result["gold"], result["system"], result["value_correct"]) == (1, 1, 1)


def test_halves_alternate_in_sorted_order_and_cover_everything(tmp_path: Path) -> None:
    files = [tmp_path / f"{name}.tml" for name in ("d", "a", "c", "b", "e")]
    even, odd = in_half(files, "even"), in_half(files, "odd")
    assert [p.stem for p in even] == ["a", "c", "e"]
    assert [p.stem for p in odd] == ["b", "d"]
    assert in_half(files, None) == files and in_half([], "odd") == []
    with pytest.raises(ValueError):
        in_half(files, "first")


def test_evaluate_scores_only_the_requested_half(tmp_path: Path) -> None:
    (tmp_path / "tb").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "tb" / f"{name}.tml").write_text(TIMEML, encoding="utf-8")
    assert evaluate_timeml(tmp_path / "tb", workers=1, use_parse=False, half="even")["documents"] == 2
    assert evaluate_timeml(tmp_path / "tb", workers=1, use_parse=False, half="odd")["documents"] == 1


def test_cli_half_option_scores_one_half_and_rejects_other_names(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from tidings.cli import cli

    (tmp_path / "tb").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "tb" / f"{name}.tml").write_text(TIMEML, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["eval", "timex", str(tmp_path / "tb"), "--workers", "1", "--half", "odd", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 1
    result = runner.invoke(cli, ["eval", "timex", str(tmp_path / "tb"), "--half", "first"])
    assert result.exit_code == 2


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA = SHARED / "timebank"
MEANTIME_DATA = SHARED / "meantime"


@pytest.mark.slow
@pytest.mark.skipif(not DATA.exists(), reason="TempEval-3 data not present")
def test_timebank_aquaint_floors() -> None:
    # Measured 2026-11-29 (with the parse): strict 0.871, relaxed 0.945, value 0.820, type acc 0.952.
    result = evaluate_timeml(DATA, workers=2, use_parse=True)
    assert result["documents"] >= 250
    assert result["relaxed_f1"] >= 0.935
    assert result["strict_f1"] >= 0.86
    assert result["value_f1"] >= 0.815
    assert result["type_accuracy"] >= 0.945


@pytest.mark.slow
@pytest.mark.skipif(not MEANTIME_DATA.exists(), reason="MEANTIME data not present")
def test_meantime_floors() -> None:
    # Measured 2026-11-29 without the parse: strict 0.837, relaxed 0.913, value 0.784, type acc 0.942.
    result = evaluate_meantime_timex(MEANTIME_DATA, workers=2, use_parse=False)
    assert result["documents"] == 120
    assert result["relaxed_f1"] >= 0.905
    assert result["value_f1"] >= 0.775


def test_value_error_breakdown_groups_by_type_and_value_shape() -> None:
    errors = [
        ("a.tml", "value", "Friday night|DATE|2000-01-07", "Friday night|TIME|2000-01-07TNI"),
        ("b.tml", "value", "Sunday night|DATE|2000-04-16", "Sunday night|TIME|2000-04-16TNI"),
        ("b.tml", "value", "last week|DATE|1989-WXX", "last week|DATE|1989-W43"),
        ("b.tml", "span", "the week|DATE|1989-W43", "week|DATE|1989-W43"),
        ("c.tml", "missed", "now|DATE|PRESENT_REF", ""),
    ]
    breakdown = value_error_breakdown(errors)
    assert breakdown.most_common() == [
        ("DATE>TIME 9999-99-99 | 9999-99-99TNI", 2),
        ("DATE>DATE 9999-WXX | 9999-W99", 1),
    ]
    assert value_error_breakdown([]) == Counter()
