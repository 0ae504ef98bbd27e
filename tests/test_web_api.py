"""The JSON API, in process: every route and filter, the formats, and the one error shape."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import webdata
from tidings.cli import cli
from tidings.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return webdata.build(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def _all(client: TestClient, url: str) -> list[dict]:
    body = client.get(url).json()
    assert body["ok"] is True
    return body["events"]


def test_events_are_listed_latest_first_with_their_fields(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["ok"] is True and body["total"] == 8 and body["next"] is None
    dates = [e["date"] for e in body["events"]]
    assert dates[:-1] == sorted(dates[:-1], reverse=True) and dates[-1] is None  # undated last
    drone = next(e for e in body["events"] if e["sub_event_type"] == "Air/drone strike")
    assert drone["location"]["name"] == "Baghdad" and drone["location"]["country"] == "IRQ"
    assert drone["recipients"] == ["Mustafa al-Kadhimi"] and drone["status"] == "attempted"
    assert drone["modes"] == ["drone", "explosives"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=ASSAULT", {"ASSAULT"}),
        ("merged=1&type=PROTEST", {"PROTEST"}),
        ("type=assault", {"ASSAULT"}),
        ("acled_type=Air/drone strike", {"ASSAULT"}),
        ("acled_type=Protests", {"PROTEST"}),
        ("country=FRA", {"CONSULT"}),
        ("since=2021-11-06", {"ASSAULT", "ACCUSE"}),
        ("until=2021-10-01", {"CONSULT"}),
        ("since=2021-10&until=2021-10", {"ASSAULT"}),
        ("actor=United States", {"ACCUSE"}),
        ("actor=kadhimi", {"ASSAULT"}),
        ("place=mosul", {"ASSAULT"}),
        ("bbox=0,40,10,55", {"CONSULT"}),
        ("q=sit-in armed", {"PROTEST"}),
        ("q=diplomats", {"CONSULT"}),
    ],
)
def test_each_filter_narrows_the_events(client: TestClient, query: str, expected: set[str]) -> None:
    events = _all(client, f"/api/events?{query}")
    assert events and {e["type"] for e in events} == expected
    assert client.get(f"/api/facets?{query}").json()["total"] == len(events)


def test_filters_combine(client: TestClient) -> None:
    events = _all(client, "/api/events?type=ASSAULT&country=IRQ&since=2021-11-01")
    assert sorted(e["location"]["name"] for e in events) == ["Baghdad", "Basra"]


def test_cursor_pagination_visits_every_event_once(client: TestClient) -> None:
    seen, cursor = [], None
    for _ in range(10):
        url = "/api/events?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 8
    assert seen == [e["id"] for e in _all(client, "/api/events")]


def test_formats(client: TestClient) -> None:
    geo = client.get("/api/events.geojson?type=ASSAULT")
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert len(features) == 3
    lon, lat = features[0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90 and lon > lat  # [lon, lat] order: Iraq is east of 40°
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    assert len(rows) == 8 and {"id", "date", "type", "lat", "lon"} <= set(rows[0])
    lines = client.get("/api/events.jsonl?country=FRA").text.splitlines()
    assert [json.loads(line)["type"] for line in lines] == ["CONSULT"]
    assert client.get("/api/events.json").json()["total"] == 8


def test_geojson_fields_keep_only_the_properties_asked_for(client: TestClient) -> None:
    full = client.get("/api/events.geojson?type=ASSAULT").json()["features"]
    lean = client.get("/api/events.geojson?type=ASSAULT&fields=id,type,location").json()["features"]
    assert [f["properties"]["id"] for f in lean] == [f["properties"]["id"] for f in full]
    assert all(set(f["properties"]) == {"id", "type", "location"} for f in lean)
    assert [f["properties"]["location"] for f in lean] == [f["properties"]["location"] for f in full]
    assert [f["geometry"] for f in lean] == [f["geometry"] for f in full]
    bad = client.get("/api/events.geojson?fields=id,password")
    assert bad.status_code == 400 and bad.json()["ok"] is False and "password" in bad.json()["error"]


def test_event_detail_has_evidence_and_reports(client: TestClient) -> None:
    drone = _all(client, "/api/events?acled_type=Air/drone strike")[0]
    body = client.get(f"/api/events/{drone['id']}").json()
    event = body["event"]
    article = client.get(f"/api/articles/{event['article_id']}").json()
    text = article["article"]["text"]
    start, end = event["evidence"][0]
    assert "drone struck" in text[start:end]
    assert text[slice(*event["trigger"])] == "struck"
    assert body["reports"][0]["article_id"] == event["article_id"]


def test_article_has_every_annotation(client: TestClient) -> None:
    drone = _all(client, "/api/events?acled_type=Air/drone strike")[0]
    body = client.get(f"/api/articles/{drone['article_id']}").json()
    record = body["record"]
    assert {"actors", "places", "timexes", "quotes", "events", "entities", "attributions"} <= set(record)
    assert [lang for _, _, lang in body["article"]["paragraphs"] if lang != "en"] == ["ar"]
    assert body["event_ids"] == sorted(body["event_ids"]) and len(body["event_ids"]) == 3


def test_facets_count_types_countries_and_days(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert facets["types"] == {"ASSAULT": 3, "PROTEST": 2, "ACCUSE": 1, "AID": 1, "CONSULT": 1}
    assert facets["countries"] == {"IRQ": 7, "FRA": 1}
    assert sum(d["n"] for d in facets["dates"]) == 7 and facets["total"] == 8  # one undated


def test_reports_of_one_happening_are_one_merged_event(client: TestClient) -> None:
    protests = _all(client, "/api/events?type=PROTEST")
    assert len(protests) == 2 and len({e["merged_id"] for e in protests}) == 1
    assert {e["n_articles"] for e in protests} == {2}
    merged = _all(client, "/api/events?type=PROTEST&merged=1")
    assert len(merged) == 1
    detail = client.get(f"/api/events/{merged[0]['id']}").json()
    assert len(detail["reports"]) == 2 and detail["event"]["merged"]["n_articles"] == 2
    assert client.get("/api/events?merged=1").json()["total"] == 7


def test_stories_and_their_timelines(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    big = max(stories, key=lambda s: s["n_events"])
    assert big["n_events"] == 3 and big["first"] == "2021-11-05" and big["last"] == "2021-11-07"
    timeline = client.get(f"/api/stories/{big['id']}/timeline").json()
    assert timeline["events"][0]["type"] == "PROTEST"
    dates = [e["date"] for e in timeline["events"]]
    assert dates == sorted(dates)
    in_story = _all(client, f"/api/events?story={big['id']}")
    assert {e["type"] for e in in_story} == {"PROTEST", "ASSAULT", "ACCUSE"}
    assert client.get("/api/stories/s1/timeline").json()["status"] == 404
    assert client.get("/api/events?story=s1").json()["total"] == 0


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events?since=yesterday", 400),
        ("/api/events?until=2021-13-99x", 400),
        ("/api/events?until=2021-02-30", 400),
        ("/api/events?limit=0", 400),
        ("/api/events?limit=many", 400),
        ("/api/events?limit=100000", 400),
        ("/api/events?bbox=1,2,3", 400),
        ("/api/events?bbox=0,80,10,70", 400),
        ("/api/events?cursor=not-a-cursor", 400),
        ("/api/events?q=" + "x" * 500, 400),
        ("/api/events.xml", 404),
        ("/api/events/nope", 404),
        ("/api/events/" + "%27%3B%20DROP%20TABLE%20events%3B--", 400),
        ("/api/articles/0000", 404),
        ("/api/nothing", 404),
        ("/static/../../etc/passwd", 404),
        ("/static/%2e%2e/%2e%2e/pyproject.toml", 404),
    ],
)
def test_bad_requests_get_the_error_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert (
        body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]
    )


def test_query_text_is_bound_not_spliced(client: TestClient, db: Path) -> None:
    for hostile in ["' OR 1=1 --", '"', "a) OR (1=1", "NEAR(", "*"]:
        response = client.get("/api/events", params={"q": hostile, "actor": hostile, "place": hostile})
        assert response.status_code in (200, 400)
        assert response.json().get("total", 0) == 0
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM events").fetchone()[0] == 8


def test_the_database_is_never_written(client: TestClient, db: Path) -> None:
    before = db.stat().st_mtime_ns
    client.get("/api/events")
    client.get("/api/facets")
    assert db.stat().st_mtime_ns == before
    connection = client.app.state.db  # type: ignore[attr-defined]
    with connection.connect() as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM events")


def test_pages_and_openapi_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<script src="/static/app.js">' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/vendor/leaflet.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/facets"} <= set(
        spec["paths"]
    )


def test_serve_get_prints_one_response(db: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/api/facets"])
    assert result.exit_code == 0 and json.loads(result.output)["total"] == 8
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/api/events?limit=0"])
    assert result.exit_code == 1 and json.loads(result.output)["status"] == 400


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--get", "/api/events"])
    assert result.exit_code == 1
    assert "no database at" in str(result.exception) or "no database at" in result.output
