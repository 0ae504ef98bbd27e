"""The demo corpus in examples/: every format, one syndicated duplicate, idempotent."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, Run, parse_summary, query, stored_articles

Tidings = Callable[..., Run]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of examples/, so that the test does not depend on edits made while it runs."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"the demo corpus is absent: {EXAMPLES}")
    target = tmp_path_factory.mktemp("demo") / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


def test_the_demo_corpus(corpus: Path, tmp_path: Path, tidings: Tidings) -> None:
    db = tmp_path / "demo.db"
    first = tidings("ingest", corpus, "--db", db)
    assert first.code == 0, first.err
    summary = parse_summary(first)
    assert summary.new >= 16
    assert summary.parts[0] == "1 already stored"  # the one syndicated duplicate
    assert not [line for line in first.err_lines if line.startswith("Error: ")]
    # the WARC's robots.txt record is skipped with a note
    assert any(line.startswith("Warning: ") and "non-HTML" in line for line in first.err_lines)

    formats = {fmt for (fmt,) in query(db, "SELECT DISTINCT format FROM articles")}
    assert formats == {"seed", "text", "jsonl", "csv", "html", "feed", "warc"}
    langs = dict(query(db, "SELECT lang, COUNT(*) FROM articles GROUP BY lang"))
    assert langs.get("fr", 0) >= 1 and langs["en"] >= 15
    assert query(db, "SELECT COUNT(*) FROM articles WHERE published IS NULL") == [(0,)]
    # nothing from examples/src (build inputs) or the build script was read
    sources = [source for (source,) in query(db, "SELECT source FROM sightings")]
    assert not [s for s in sources if "/src/" in s or s.endswith(".py")]

    articles = stored_articles(db)
    assert len(articles) == summary.new
    syndicated = [a for a in articles if len(a["sightings"]) > 1]
    assert len(syndicated) == 1
    [article] = syndicated
    outlets = [s["outlet"] for s in article["sightings"]]
    assert len(outlets) == 2 and len(set(outlets)) == 2 and all(outlets)
    assert len({s["source"] for s in article["sightings"]}) == 2
    assert len({s["published"] for s in article["sightings"]}) == 1

    second = tidings("ingest", corpus, "--db", db)
    assert second.code == 0
    again = parse_summary(second)
    assert again.new == 0
    assert again.parts[0] == f"{summary.new + 1} already stored"
    assert query(db, "SELECT COUNT(*) FROM articles") == [(summary.new,)]
    assert query(db, "SELECT COUNT(*) FROM sightings") == [(summary.new + 1,)]


def test_the_demo_corpus_search(corpus: Path, tmp_path: Path, tidings: Tidings) -> None:
    db = tmp_path / "demo.db"
    assert tidings("ingest", corpus, "--db", db).code == 0
    run = tidings("articles", "--db", db, "--search", "al-Kadhimi", "--nl")
    assert run.code == 0
    assert len(run.out.splitlines()) >= 5
    run = tidings("articles", "--db", db, "--search", "drone", "--fts-syntax", "--limit", "3", "--nl")
    assert len(run.out.splitlines()) == 3
