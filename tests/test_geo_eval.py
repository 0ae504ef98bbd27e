"""eval/geo.py: the measures, on data written here, and the measured figures on the shared gold data
(slow; skipped when ../shared/data is absent). Floors sit a little below the measured values."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from conftest import requires_shared
from tidings.eval.geo import error_auc, haversine_km, read_brat_folder, read_gritta_xml, summarize_errors


def test_haversine_and_auc() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert error_auc([0.0, 0.0, 0.0]) == 0.0
    assert error_auc([20039.0, 20039.0]) == pytest.approx(math.log1p(20039) / math.log(20039))
    summary = summarize_errors(
        [
            {"error_km": 0.0, "exact": True, "matched": True, "gold_coords": True},
            {"error_km": 500.0, "exact": False, "matched": True, "gold_coords": True},
        ]
    )
    assert summary["accuracy_161"] == 0.5 and summary["exact"] == 0.5 and summary["median_km"] == 250.0


def test_readers_on_files_written_here(tmp_path: Path) -> None:
    xml = tmp_path / "tiny.xml"
    text = "Floods closed roads near Basra on Monday."
    xml.write_text(
        "<articles><article><text>" + text + "</text><locations><location><name>Basra</name>"
        "<start>26</start><end>31</end><lat>30.5</lat><lon>47.8</lon></location></locations>"
        "</article></articles>",
        encoding="utf-8",
    )
    (doc,) = read_gritta_xml(xml)
    assert doc.toponyms[0].text == "Basra"  # offsets one off in the file are realigned
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "1.txt").write_text(text, encoding="utf-8")
    (folder / "1.ann").write_text(
        "T1\tLiteral 25 30\tBasra\n#1\tAnnotatorNotes T1\t99532\nT2\tNon_Toponym 0 6\tFloods\n",
        encoding="utf-8",
    )
    (doc,) = read_brat_folder(folder)
    assert [(t.text, t.geonameid) for t in doc.toponyms] == [("Basra", 99532)]


@pytest.mark.slow
def test_geowebnews_gold_spans() -> None:
    from tidings.eval.geo import evaluate_geo

    result = evaluate_geo(requires_shared("data", "geoparsing", "GeoWebNews"), "gold", workers=2)
    assert result["accuracy_161"] >= 0.83
    assert result["exact"] >= 0.76
    assert result["in_gazetteer_only"]["accuracy_161"] >= 0.93


@pytest.mark.slow
def test_geovirus_gold_spans() -> None:
    from tidings.eval.geo import evaluate_geo

    result = evaluate_geo(requires_shared("data", "geoparsing", "GeoVirus.xml"), "gold", workers=2)
    assert result["accuracy_161"] >= 0.78
    assert result["auc"] <= 0.33


@pytest.mark.slow
def test_event_location() -> None:
    from tidings.eval.geo import evaluate_event_location

    result = evaluate_event_location(requires_shared("data", "event-location"), workers=2)
    assert result["events"] == 496
    assert result["accuracy"] >= 0.68
