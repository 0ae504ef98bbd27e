"""The page in a real headless browser: Debian's chromium driven by Playwright against a real
server (uvicorn on loopback). Screenshots are saved to ``build/screenshots/``."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import webdata

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from tidings.web import create_app

    db = webdata.build(tmp_path_factory.mktemp("browser") / "web.db")
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # bypass_csp: the page must render hostile articles inert by itself; the server's
    # Content-Security-Policy is a second wall (tested in test_web_api), not the only one.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='true']", timeout=15000)


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_markers_appear_for_the_events(server: str, page: Any) -> None:
    _open(page, server)
    assert page.locator("#map").get_attribute("data-markers") == "8"
    # markers are drawn (single circles or clusters) on top of the offline country outlines
    page.wait_for_selector("#map .marker-cluster, #map path.leaflet-interactive")
    assert page.locator("#map path").count() > 100  # Natural Earth outlines
    assert page.locator("#events tbody tr").count() == 8
    assert not page.errors
    _shot(page, "map-all-events")


def test_filtering_by_type_changes_map_table_and_url(server: str, page: Any) -> None:
    _open(page, server)
    page.select_option("#f-type", "PROTEST")
    page.wait_for_function("document.querySelector('#map').dataset.markers === '2'")
    rows = page.locator("#events tbody tr")
    assert rows.count() == 2 and {rows.nth(i).get_attribute("data-type") for i in range(2)} == {"PROTEST"}
    assert "type=PROTEST" in page.url
    _shot(page, "filter-protest")
    # the URL holds the state: opening it again gives the same view
    page.goto(page.url)
    page.wait_for_selector("body[data-ready='true']")
    assert page.locator("#events tbody tr").count() == 2


def test_clicking_an_event_shows_its_highlighted_evidence(server: str, page: Any) -> None:
    _open(page, server)
    page.locator("#events tbody tr", has_text="Air/drone strike").click()
    page.wait_for_selector("#event-view mark.evidence")
    evidence = page.locator("#event-view mark.evidence").all_inner_texts()
    assert any("struck" in text for text in evidence)
    assert page.locator("#event-view mark.actor").count() >= 1
    assert page.locator("#event-view mark.place", has_text="Baghdad").count() >= 1
    arabic = page.locator("#event-view p[lang='ar']")
    assert arabic.count() == 1 and arabic.get_attribute("dir") == "rtl"
    assert "event=" in page.url
    _shot(page, "event-evidence")


def test_a_marker_shows_its_label_when_pointed_at_and_opens_its_event(server: str, page: Any) -> None:
    _open(page, server)
    # Paris has one event: close in, it is a marker of its own
    page.evaluate("map.setView([48.8534, 2.3488], 9, { animate: false })")
    paris = "cluster.getLayers().find((m) => m.label.includes('Paris'))"
    page.wait_for_function(f"!!({paris})._map")  # drawn on the map, not in a cluster
    box = page.evaluate(
        """() => {
            const marker = cluster.getLayers().find((m) => m.label.includes("Paris"));
            const r = marker._path.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }"""
    )
    page.mouse.move(box["x"], box["y"])
    tooltip = page.wait_for_selector(".leaflet-tooltip")
    assert "Paris" in tooltip.inner_text()
    page.mouse.click(box["x"], box["y"])
    page.wait_for_selector("#event-view .article-text")
    assert "event=" in page.url and not page.errors
    _shot(page, "marker-tooltip-event")


def test_hostile_article_renders_inert(server: str, page: Any) -> None:
    _open(page, server)
    page.locator("#events tbody tr", has_text="Looting/property destruction").click()
    page.wait_for_selector("#event-view .article-text")
    view = page.locator("#event-view")
    assert "<script>" in view.inner_text()  # shown as text
    assert view.locator("script, img[src='x']").count() == 0  # never parsed as markup
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert not page.errors
    _shot(page, "hostile-article")


def test_brushing_the_histogram_filters_by_date(server: str, page: Any) -> None:
    _open(page, server)
    box = page.locator("#histogram svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.999, y, steps=5)
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(location.search).has('since')")
    page.wait_for_selector("body[data-ready='true']")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length < 8")
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert dates and all(d >= "2021-10" for d in dates)


def test_a_story_timeline_is_in_date_order(server: str, page: Any) -> None:
    _open(page, server)
    page.locator("#tabs button[data-view='stories']").click()
    page.locator("#stories-view li", has_text="3 events").click()
    page.wait_for_selector("#stories-view .timeline li")
    dates = page.locator("#stories-view .timeline li").evaluate_all("items => items.map(i => i.dataset.date)")
    assert len(dates) == 3 and dates == sorted(dates)
    assert "story=" in page.url
    _shot(page, "story-timeline")
    page.locator("#stories-view .timeline li").first.click()  # an event of the timeline opens its evidence
    page.wait_for_selector("#event-view mark.evidence")
