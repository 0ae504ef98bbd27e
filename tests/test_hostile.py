"""Hostile input, generated (hypothesis) and crafted, against every reader, analyze, the store and the
CLI: no crash, bounded time, a clear message, the rest processed. The number of generated cases is
reported at the end of the run ("hostile-input cases"; see conftest.py)."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conftest
from tidings.analyze import analyze
from tidings.ingest.base import ReadOptions
from tidings.ingest.sources import FORMATS, InputFailure, read_inputs
from tidings.models import Article, Notice, Rejection
from tidings.nlp.langid import annotate
from tidings.store.db import Store

FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces that make inputs nasty: markup, entities, controls, bidi overrides, surrogate-ish and
# combining characters, quotes, separators of every format.
NASTY = st.sampled_from(
    [
        "<", ">", "&", "&amp;", "&lol9;", "<![CDATA[",
        "<!DOCTYPE x [<!ENTITY a SYSTEM 'file:///etc/passwd'>]>",
        "]]>", "<script>", "\x00", "\u202e", "\u202d", "\u2066", "\u200b", "\ufeff", "\r\n", "\n\n", '"', "'",
        "{", "}", "[", "]", ",", "\t", "WARC/1.0\r\n", "<rss>", "<feed>", "\u0301", "\U0001f600", "بغداد",
        " date 2021-11-07 ", "\x1b[31m", "\x7f", "\ud7ff", "\uffff",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=60).map("".join)


def _read_all(path: Path, fmt: str | None) -> list[object]:
    items = list(read_inputs([str(path)], ReadOptions(format=fmt, max_chars=200_000)))
    for item in items:
        assert isinstance(item, Article | Rejection | Notice | InputFailure)
        if isinstance(item, Article):
            assert "\x00" not in item.text and item.text == item.text.strip()
    return items


@pytest.mark.parametrize("fmt", [None, *FORMATS])
@FAST
@given(data=st.one_of(st.binary(max_size=3000), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_in_any_format_are_read_or_refused(
    tmp_path_factory: pytest.TempPathFactory, fmt, data
) -> None:
    conftest.count_case("readers")
    path = tmp_path_factory.mktemp("bytes") / "input.dat"
    path.write_bytes(data)
    _read_all(path, fmt)
    gz = path.with_suffix(".gz")
    gz.write_bytes(gzip.compress(data)[: max(10, len(data) // 2)])  # gzip cut in the middle
    _read_all(gz, fmt)


@SLOW
@given(text=TEXT)
def test_analyze_survives_any_text_and_its_spans_slice_back(text: str) -> None:
    conftest.count_case("analyze")
    article = Article.create(text or "-", published="2021-11-07")
    started = time.monotonic()
    record = analyze(annotate(article)).to_dict()
    assert time.monotonic() - started < 30
    body = record["article"]["text"]
    for item in record["entities"] + record["timexes"] + record["quotes"] + record["places"]:
        assert body[item["start"] : item["end"]] == item["text"]
    for event in record["events"]:
        for start, end in event.get("evidence") or []:
            assert 0 <= start <= end <= len(body)
    json.dumps(record)


@FAST
@given(texts=st.lists(TEXT, min_size=1, max_size=5), titles=st.lists(st.one_of(st.none(), TEXT), max_size=5))
def test_the_store_keeps_whatever_text_it_is_given(
    tmp_path_factory: pytest.TempPathFactory, texts, titles
) -> None:
    conftest.count_case("store")
    db = tmp_path_factory.mktemp("store") / "s.db"
    articles = [
        Article.create(t or "x", title=titles[i] if i < len(titles) else None) for i, t in enumerate(texts)
    ]
    with Store.open(db) as store:
        store.add_articles(articles)
        store.add_articles(articles)  # twice: a no-op
        stored = {row["id"]: row for row in store.articles()}
    assert set(stored) == {a.id for a in articles}
    first = {}
    for article in articles:  # the same text twice is one article: the first one stored wins
        first.setdefault(article.id, article)
    for article in first.values():
        assert stored[article.id]["text"] == article.text and stored[article.id]["title"] == article.title


def test_html_nested_100000_deep(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>" + "<div>" * 100_000 + conftest.HARBOUR + "</div>" * 100_000 + "</body></html>",
        encoding="utf-8",
    )
    started = time.monotonic()
    items = _read_all(page, None)
    assert time.monotonic() - started < 60
    assert len(items) == 1  # an article, or one clear refusal


def test_billion_laughs_in_html_and_feeds_is_not_expanded(tmp_path: Path) -> None:
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    laughs += "]>"
    html = tmp_path / "laughs.html"
    html.write_text(
        laughs + f"<html><body><p>&lol9;</p><p>{conftest.HARBOUR}</p></body></html>", encoding="utf-8"
    )
    feed = tmp_path / "laughs.rss"
    feed.write_text(
        laughs.replace("lolz", "rss")
        + f"<rss><channel><item><title>&lol9;</title><description>{conftest.BRIDGE}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    for path in (html, feed):
        started = time.monotonic()
        items = _read_all(path, None)
        assert time.monotonic() - started < 30
        for item in items:
            if isinstance(item, Article):
                assert item.text.count("lol") < 100


def test_a_10000_character_token_is_analysed_within_bounds() -> None:
    text = "Officials said " + "x" * 10_000 + " was found in Basra on Monday. " + conftest.HARBOUR
    started = time.monotonic()
    record = analyze(annotate(Article.create(text, published="2022-01-03"))).to_dict()
    assert time.monotonic() - started < 60
    assert any(p["name"] == "Basra" for p in record["places"]) or record["entities"]


# JSON Lines with bad lines scattered: 1,000,000 of them, in tests/test_scale_input.py.
