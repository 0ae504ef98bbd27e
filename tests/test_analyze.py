"""analyze(article) -> Analysis: the record of GUIDE §2, its offsets, the CLI and the store."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.analyze import OPTIONAL_STAGES, analyze, analyze_many
from tidings.models import Article
from tidings.nlp.langid import annotate

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0cbdc410b123fccd.txt"
REPORT = (
    "Flooding closed the main road into Riverton on Tuesday, the county sheriff's office said.\n\n"
    "Sheriff Dana Holt told reporters that two people were rescued from a car. Holt said crews would "
    "work through the night.\n\n"
    "“We have never seen the river this high,” said Maria Lopez, who has lived in the town since 1998."
)


def _record(text: str, published: str | None = "2023-04-11") -> dict:
    return analyze(annotate(Article.create(text, published=published))).to_dict()


def test_record_has_the_contract_fields() -> None:
    record = _record(REPORT)
    assert set(record) >= {
        "article",
        "entities",
        "actors",
        "timexes",
        "places",
        "quotes",
        "attributions",
        "events",
    }
    assert set(record["article"]) >= {"id", "title", "published", "outlet", "lang", "text"}
    for actor in record["actors"]:
        assert set(actor) >= {"id", "name", "mentions", "country", "sector", "role"}
    for timex in record["timexes"]:
        assert set(timex) >= {"start", "end", "text", "type", "value", "precision"}
    for quote in record["quotes"]:
        assert set(quote) >= {"start", "end", "text", "speaker", "cue", "direct", "lang"}
    for attribution in record["attributions"]:
        assert set(attribution) >= {"source", "kind", "start", "end", "claim"}
    json.dumps(record)  # serialisable as it is


def test_every_span_slices_back_to_its_text() -> None:
    record = _record(REPORT)
    text = record["article"]["text"]
    for item in record["entities"] + record["timexes"] + record["quotes"]:
        assert text[item["start"] : item["end"]] == item["text"]
    for actor in record["actors"]:
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(text)
    ids = {actor["id"] for actor in record["actors"]}
    for quote in record["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in ids


def test_speakers_are_linked_to_actors() -> None:
    record = _record(REPORT)
    actors = {a["id"]: a for a in record["actors"]}
    direct = [q for q in record["quotes"] if q["direct"]]
    assert direct and direct[0]["text"].startswith("We have never seen")
    assert actors[direct[0]["speaker"]]["name"] == "Maria Lopez"
    holt = next(a for a in record["actors"] if a["name"] == "Dana Holt")
    assert holt["role"] == "sheriff" or holt["sector"] in ("POL", "GOV", None)
    assert any(q["speaker"] == holt["id"] and not q["direct"] for q in record["quotes"])


def test_analyze_many_gives_the_same_records_as_analyze() -> None:
    texts = [REPORT, "Talks resumed in Geneva on Friday, diplomats said.", "No verbs. Just. Fragments."]
    articles = [annotate(Article.create(t, published="2023-04-11")) for t in texts]
    one_by_one = [analyze(a).to_dict() for a in articles]
    batched = [r.to_dict() for r in analyze_many(articles, batch_size=2)]
    assert batched == one_by_one


def test_skipped_stages_are_left_out_and_the_rest_is_unchanged() -> None:
    text = "Talks resumed in Geneva on Friday, diplomats in Switzerland said."
    article = annotate(Article.create(text, published="2023-04-11"))
    full = analyze(article).to_dict()
    core = analyze(article, skip=OPTIONAL_STAGES).to_dict()
    assert full["places"] and core["places"] == []
    full["places"] = []
    assert core == full
    assert [r.to_dict() for r in analyze_many([article], skip=["places"])] == [core]
    with pytest.raises(ValueError, match="optional"):
        analyze(article, skip=["actors"])


@pytest.mark.parametrize(
    "text",
    [
        "...",  # no sentences at all
        "كنت في بغداد أمس وشاهدت الاحتفالات في الشوارع مع الأصدقاء",  # Arabic only
        "🎉🎉 Big win for the home team 🏆 fans celebrate 🎉",
        "The mayor\u200b said\u200f the \u202eroad\u202c would reopen on Friday.",
        "The mayor\x00 said the road would reopen on Friday.",
        "word " * 2000,  # one long sentence with no punctuation
    ],
    ids=["no-sentences", "arabic-only", "emoji", "zero-width-and-bidi", "nul", "no-punctuation"],
)
def test_odd_articles_give_sensible_records(text: str) -> None:
    record = _record(text)
    clean = record["article"]["text"]
    assert "\x00" not in clean
    for item in record["entities"] + record["timexes"]:
        assert clean[item["start"] : item["end"]] == item["text"]


def test_arabic_only_article_has_no_english_entities() -> None:
    record = _record("كنت في بغداد أمس وشاهدت الاحتفالات في الشوارع مع الأصدقاء والعائلة")
    assert record["article"]["lang"] == "ar"
    assert record["entities"] == []


def test_a_one_megabyte_paragraph_is_analysed_within_bounds() -> None:
    sentence = "Mayor Ann Fox said the river rose again near the old mill and closed the bridge on Monday. "
    text = sentence * (1_000_000 // len(sentence))
    record = _record(text)
    assert len(record["article"]["text"]) > 990_000
    assert any(actor["name"] == "Ann Fox" for actor in record["actors"])  # the parsed part
    assert all(e["end"] <= 300_000 for e in record["entities"])  # the parse stops at MAX_CHARS


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is in ../shared/seed")
def test_founding_article(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tidings", "analyze", str(SEED), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    [line] = run.stdout.splitlines()
    record = json.loads(line)
    text = record["article"]["text"]
    actors = {a["id"]: a for a in record["actors"]}
    pm = [a for a in record["actors"] if "Kadhimi" in a["name"]]
    assert len(pm) == 1 and (pm[0]["role"], pm[0]["country"], pm[0]["sector"]) == (
        "prime minister",
        "IRQ",
        "GOV",
    )
    values = {t["text"]: (t["value"], t.get("mod")) for t in record["timexes"]}
    assert any("November 7, 2021" in k and v[0] == "2021-11-07" for k, v in values.items())
    assert any("Sunday" in k and v[0] == "2021-11-07" for k, v in values.items())
    assert any(k.endswith("October 10") and v[0] == "2021-10-10" for k, v in values.items())
    assert any(k.endswith("October 2021") and v[0] == "2021-10" for k, v in values.items())
    assert values.get("late 2019", (None, None)) == ("2019", "END")
    assert any("almost a month" in k and v[0] == "P1M" for k, v in values.items())
    arabic = [q for q in record["quotes"] if q["lang"] == "ar"]
    assert len(arabic) == 1 and arabic[0]["direct"] and actors[arabic[0]["speaker"]] is pm[0]
    price = next(a for a in record["actors"] if a["name"] == "Ned Price")
    assert any(
        q["speaker"] == price["id"] and not q["direct"] and q["cue"] == "said" for q in record["quotes"]
    )
    media = {a["source"] for a in record["attributions"] if a["kind"] == "media"}
    assert {"Reuters", "Al Arabiya"} <= media
    assert any("military" in a["source"] and a["kind"] == "official" for a in record["attributions"])
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_ingest_stores_analyses_and_does_not_redo_them(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text("Title: Floods close road\nDate: 2023-04-11\n\n" + REPORT, encoding="utf-8")
    db = tmp_path / "x.db"
    command = [sys.executable, "-m", "tidings", "ingest", str(source), "--db", str(db)]
    first = subprocess.run(command, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "(0 already stored; 1 analysed)" in first.stderr
    connection = sqlite3.connect(db)
    [(record,)] = connection.execute("SELECT record FROM analyses").fetchall()
    assert json.loads(record)["actors"]
    connection.close()
    second = subprocess.run(command, capture_output=True, text=True, check=False)
    assert "(1 already stored)." in second.stderr
    raw = subprocess.run([*command, "--no-analyze"], capture_output=True, text=True, check=False)
    assert raw.returncode == 0
