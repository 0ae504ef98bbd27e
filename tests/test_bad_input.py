"""Bad input: each gives one Error line or per-record Warnings with a count in the summary, the
documented exit code, never a traceback, and the good records of the same batch are stored."""

from __future__ import annotations

import gzip
import json
import random
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import (
    ARABIC,
    BRIDGE,
    FERRY,
    HARBOUR,
    LIBRARY,
    ORCHARD,
    Run,
    assert_no_traceback,
    html_page,
    norm,
    parse_summary,
    query,
    stored_articles,
    write_jsonl,
    write_warc,
)

Tidings = Callable[..., Run]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A good input to ingest alongside the bad one: its two articles must be stored."""
    return write_jsonl(tmp_path / "good.jsonl", [{"title": "Harbour", "text": HARBOUR}, {"text": BRIDGE}])


def _texts(db: Path) -> list[str]:
    return [row[0] for row in query(db, "SELECT text FROM articles ORDER BY rowid")]


def _errors(run: Run) -> list[str]:
    return [line for line in run.err_lines if line.startswith("Error: ")]


def _warnings(run: Run) -> list[str]:
    return [line for line in run.err_lines if line.startswith("Warning: ")]


def test_empty_file_beside_a_good_one(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, good, "--db", db)
    assert run.code == 1
    assert _errors(run) == [f"Error: {bad}: empty file"]
    assert parse_summary(run).new == 2
    assert_no_traceback(run)


def test_random_bytes(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    bad = tmp_path / "noise.jsonl"
    bad.write_bytes(random.Random(7).randbytes(20_000))
    db = tmp_path / "x.db"
    run = tidings("ingest", good, bad, "--db", db)
    assert run.code == 1
    assert _errors(run) == [f"Error: {bad}: binary data, not a news format"]
    assert _texts(db) == [HARBOUR, BRIDGE]
    assert_no_traceback(run)


def test_invalid_utf8_inside_a_jsonl_line(tmp_path: Path, tidings: Tidings) -> None:
    bad = tmp_path / "mixed.jsonl"
    bad.write_bytes(
        b'{"title": "Market", "text": "The covered market \xff\xfe reopened on Saturday after a month of '
        b'repairs to its roof, and traders said business was brisk."}\n'
        + (json.dumps({"text": LIBRARY}) + "\n").encode()
    )
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert run.code == 0
    assert len(_warnings(run)) == 1
    assert _warnings(run)[0].startswith(f"Warning: {bad}:1: note: not ")
    texts = _texts(db)
    assert len(texts) == 2
    assert texts[0].startswith("The covered market ")
    assert texts[0].endswith(
        " reopened on Saturday after a month of repairs to its roof, and traders said business was brisk."
    )
    assert texts[1] == LIBRARY
    assert_no_traceback(run)


def test_invalid_utf8_inside_a_text_file(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes(b"The caf\xe9 on the square reopened on Monday with a new terrace and a longer menu.\n")
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, good, "--db", db)
    assert run.code == 0
    assert _warnings(run)[0].startswith(f"Warning: {bad}: note: not ")
    texts = _texts(db)
    assert len(texts) == 3
    assert texts[0].startswith("The caf") and texts[0].endswith(
        " on the square reopened on Monday with a new terrace and a longer menu."
    )
    assert "\x00" not in texts[0]


def test_cp1256_arabic_text_file(tmp_path: Path, tidings: Tidings) -> None:
    bad = tmp_path / "arabic.txt"
    bad.write_bytes(ARABIC.encode("cp1256"))
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert run.code == 0
    [warning] = _warnings(run)
    assert warning.startswith(f"Warning: {bad}: note: not UTF-8; decoded as ")
    assert "cp1256" in warning or "windows-1256" in warning
    [article] = stored_articles(db)
    assert article["text"] == ARABIC
    assert article["lang"] == "ar"


def test_a_broken_line_in_the_middle_of_jsonl(tmp_path: Path, tidings: Tidings) -> None:
    bad = write_jsonl(
        tmp_path / "w.jsonl",
        [
            {"text": HARBOUR},
            {"text": BRIDGE},
            '{"text": "cut off in the mid',
            {"text": LIBRARY},
            {"text": FERRY},
        ],
    )
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert run.code == 0
    [warning] = _warnings(run)
    assert warning.startswith(f"Warning: {bad}:3: skipped: invalid JSON (")
    assert _texts(db) == [HARBOUR, BRIDGE, LIBRARY, FERRY]
    summary = parse_summary(run)
    assert summary.new == 4
    assert summary.part("skipped") == "1 skipped: 1 invalid JSON"
    assert_no_traceback(run)


def test_the_warning_for_an_unterminated_string_reads_well(tmp_path: Path, tidings: Tidings) -> None:
    bad = write_jsonl(tmp_path / "w.jsonl", ['{"text": "cut off in the mid'])
    run = tidings("ingest", bad, "--db", tmp_path / "x.db")
    [warning] = _warnings(run)
    assert " at at " not in warning


def test_a_line_nested_too_deeply(tmp_path: Path, tidings: Tidings) -> None:
    bad = write_jsonl(
        tmp_path / "w.jsonl", [{"text": HARBOUR}, "[" * 200_000 + "]" * 200_000, {"text": BRIDGE}]
    )
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert run.code == 0
    assert _warnings(run) == [f"Warning: {bad}:2: skipped: invalid JSON (nested too deeply)"]
    assert _texts(db) == [HARBOUR, BRIDGE]


def test_records_that_are_not_objects_or_have_no_text(tmp_path: Path, tidings: Tidings) -> None:
    bad = write_jsonl(
        tmp_path / "w.jsonl",
        [
            {"title": "No body", "date": "2022-01-01"},
            {"text": "   "},
            {"text": 42},
            "[1, 2]",
            {"text": LIBRARY},
        ],
    )
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert run.code == 0
    assert _warnings(run) == [
        f"Warning: {bad}:1: skipped: record has no text (looked for text, body, content, maintext, …)",
        f"Warning: {bad}:2: skipped: record has empty text",
        f"Warning: {bad}:3: skipped: text field holds int, not a string",
        f"Warning: {bad}:4: skipped: expected a JSON object, got list",
    ]
    assert _texts(db) == [LIBRARY]
    skipped = parse_summary(run).part("skipped")
    assert skipped is not None and skipped.startswith("4 skipped")


def test_an_html_page_with_no_article_text(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    bad = tmp_path / "blank.html"
    bad.write_text("<html><head><title>Nothing here</title></head><body></body></html>", encoding="utf-8")
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, good, "--db", db)
    assert run.code == 0
    assert _warnings(run) == [f"Warning: {bad}: skipped: no article text found in the page"]
    assert _texts(db) == [HARBOUR, BRIDGE]
    skipped = parse_summary(run).part("skipped")
    assert skipped is not None and skipped.startswith("1 skipped")


def test_a_page_of_boilerplate_only_is_not_an_article(tmp_path: Path, tidings: Tidings) -> None:
    page = html_page("Page not found", [], published=None).replace(
        "<article><h1>Page not found</h1></article>", ""
    )
    bad = tmp_path / "404.html"
    bad.write_text(page, encoding="utf-8")
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert _warnings(run) == [f"Warning: {bad}: skipped: no article text found in the page"]
    assert _texts(db) == []


VOCABULARY = ["river", "bridge", "council", "market", "school", "harbour", "storm", "festival", "library"]


def _gzip_records(n: int, words: int, padding: int = 0) -> tuple[list[str], bytes]:
    """``n`` JSON Lines records of ``words`` words each, gzipped; ``padding`` characters of an extra
    field (not text) make the stream long without making the articles long."""
    rng = random.Random(n)
    lines = [
        json.dumps(
            {
                "title": f"Report {i}",
                "text": f"Report {i}: " + " ".join(rng.choice(VOCABULARY) for _ in range(words)) + ".",
                "layout": "x" * padding,
            }
        )
        for i in range(n)
    ]
    return lines, gzip.compress(("\n".join(lines) + "\n").encode())


def _complete_lines_before(data: bytes) -> int:
    """How many whole lines the readable part of a truncated gzip stream holds."""
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data).count(b"\n")


def test_truncated_jsonl_gz(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    _, data = _gzip_records(400, 30, padding=3000)
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(data[: len(data) // 2])
    db = tmp_path / "x.db"
    run = tidings("ingest", good, bad, "--db", db, "--batch-size", "20")
    assert run.code == 1
    [error] = _errors(run)
    stored = query(db, "SELECT source, title FROM articles WHERE source LIKE ?", (f"{bad}:%",))
    assert len(stored) > 50
    assert error == (
        f"Error: {bad}: truncated or corrupt gzip after {len(stored)} articles "
        "(Compressed file ended before the end-of-stream marker was reached)"
    )
    # what is stored is the lines before the cut, in order
    assert [title for _, title in stored] == [f"Report {i}" for i in range(len(stored))]
    assert len(stored) <= _complete_lines_before(bad.read_bytes())
    assert query(db, "SELECT COUNT(*) FROM articles WHERE source LIKE ?", (f"{good}:%",)) == [(2,)]
    assert parse_summary(run).parts[-1] == "1 input failed"
    assert_no_traceback(run)


def test_truncated_small_jsonl_gz_keeps_every_line_before_the_cut(tmp_path: Path, tidings: Tidings) -> None:
    _, data = _gzip_records(60, 40)
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(data[: len(data) * 2 // 3])
    complete = _complete_lines_before(bad.read_bytes())
    assert complete > 10
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, "--db", db)
    assert run.code == 1
    assert query(db, "SELECT COUNT(*) FROM articles") == [(complete,)]


def _warc_pages(n: int) -> list[tuple[str, bytes, str]]:
    """``n`` pages of a dozen paragraphs, each with a large script block (markup, not text)."""
    rng = random.Random(3)
    pages = []
    for i in range(n):
        paragraphs = [
            " ".join(rng.choice(VOCABULARY) for _ in range(40)) + f" (part {i}.{j})." for j in range(12)
        ]
        page = html_page(f"Story {i}", paragraphs)
        script = (
            "<script>var layout = ["
            + ",".join(str(rng.randint(0, 9999)) for _ in range(5000))
            + "];</script>"
        )
        pages.append(
            (f"https://delta.example/{i}", page.replace("</head>", script + "</head>").encode(), "text/html")
        )
    return pages


def test_truncated_warc_gz(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    bad = write_warc(tmp_path / "crawl.warc.gz", _warc_pages(10), gz=True)
    data = bad.read_bytes()
    bad.write_bytes(data[: len(data) * 3 // 4])
    db = tmp_path / "x.db"
    run = tidings("ingest", bad, good, "--db", db)
    assert run.code == 1
    [error] = _errors(run)
    assert error.startswith(f"Error: {bad}: truncated or corrupt ")
    assert run.err_lines[run.err_lines.index(error) + 1] == (
        "Hint: the records before the damage were read; re-fetch or repair the file"
    )
    urls = [row[0] for row in query(db, "SELECT url FROM articles WHERE format = 'warc' ORDER BY rowid")]
    assert len(urls) >= 3
    assert urls == [f"https://delta.example/{i}" for i in range(len(urls))]
    assert query(db, "SELECT COUNT(*) FROM articles WHERE format = 'jsonl'") == [(2,)]
    assert_no_traceback(run)


def _uncompressed_warc(tmp_path: Path) -> tuple[Path, bytes]:
    path = write_warc(tmp_path / "crawl.warc", _warc_pages(3), gz=False)
    return path, path.read_bytes()


def test_warc_cut_inside_a_record_header(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    path, data = _uncompressed_warc(tmp_path)
    third = data.index(b"WARC/1.0", data.index(b"https://delta.example/1"))
    # cut after the third record's WARC-Type line, before its WARC-Target-URI line
    path.write_bytes(data[: data.index(b"WARC-Record-ID", third) + 20])
    db = tmp_path / "x.db"
    run = tidings("ingest", path, good, "--db", db)
    assert run.code == 1
    assert_no_traceback(run)
    assert _errors(run)[0].startswith(f"Error: {path}: truncated or corrupt WARC")
    assert query(db, "SELECT COUNT(*) FROM articles") == [(4,)]


def test_warc_cut_inside_a_page(tmp_path: Path, tidings: Tidings) -> None:
    path, data = _uncompressed_warc(tmp_path)
    second = data.index(b"(part 1.6)")
    path.write_bytes(data[:second])  # in the middle of the second page
    db = tmp_path / "x.db"
    run = tidings("ingest", path, "--db", db)
    assert run.code == 1
    assert _errors(run)[0].startswith(f"Error: {path}: truncated")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>Laughing Feed</title>
<item><title>Market day &lol9;</title><link>https://laugh.example/1</link>
<pubDate>Wed, 14 Sep 2022 10:00:00 GMT</pubDate>
<description>The weekly market drew large crowds despite the rain. &lol9; &secret;</description></item>
<item><title>Fair weather</title><link>https://laugh.example/2</link>
<description>Sunshine is forecast for the whole of next week across the valley.</description></item>
</channel></rss>
"""


def test_feed_with_entity_expansion_and_an_external_entity(tmp_path: Path, tidings: Tidings) -> None:
    bad = tmp_path / "laughs.rss"
    bad.write_text(BILLION_LAUGHS, encoding="utf-8")
    db = tmp_path / "x.db"
    started = time.monotonic()
    run = tidings("ingest", bad, "--db", db)
    assert time.monotonic() - started < 30
    assert run.code == 0
    assert (
        f"Warning: {bad}: note: feed declares XML entities; they were ignored, not expanded" in run.err_lines
    )
    rows = query(db, "SELECT title, text FROM articles")
    assert len(rows) == 2
    everything = " ".join(f"{title} {text}" for title, text in rows)
    assert "lollol" not in everything
    assert "root:" not in everything and "/bin/" not in everything
    passwd = Path("/etc/passwd")
    if passwd.exists():
        for line in passwd.read_text(encoding="utf-8", errors="replace").splitlines()[:5]:
            assert line not in everything
    assert "The weekly market drew large crowds despite the rain." in everything
    assert max(len(text) for _, text in rows) < 500
    assert_no_traceback(run)


def _big_text() -> str:
    return "The council debated the budget once more. " * 1_200_000  # 50.4 million characters


def test_a_50_mb_article_in_json_lines(tmp_path: Path, tidings: Tidings) -> None:
    bad = tmp_path / "dump.jsonl"
    with open(bad, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": HARBOUR}) + "\n")
        stream.write(json.dumps({"title": "Everything", "text": _big_text()}) + "\n")
        stream.write(json.dumps({"text": ORCHARD}) + "\n")
    assert bad.stat().st_size > 50_000_000
    db = tmp_path / "x.db"
    started = time.monotonic()
    run = tidings("ingest", bad, "--db", db)
    assert time.monotonic() - started < 30
    assert run.code == 0
    [warning] = _warnings(run)
    assert warning.startswith(f"Warning: {bad}:2: skipped: ")
    assert warning.endswith("(raise it with --max-chars)")
    assert _texts(db) == [HARBOUR, ORCHARD]
    skipped = parse_summary(run).part("skipped")
    assert skipped is not None and skipped.startswith("1 skipped")
    assert_no_traceback(run)


def test_a_50_mb_plain_text_article(tmp_path: Path, good: Path, tidings: Tidings) -> None:
    bad = tmp_path / "dump.txt"
    bad.write_text("Everything\n\n" + _big_text(), encoding="utf-8")
    db = tmp_path / "x.db"
    started = time.monotonic()
    run = tidings("ingest", bad, good, "--db", db)
    assert time.monotonic() - started < 30
    assert run.code == 1
    [error] = _errors(run)
    assert error.startswith(f"Error: {bad}: ")
    assert "--max-chars" in error or "Hint: split it, or raise --max-chars" in run.err_lines
    assert _texts(db) == [HARBOUR, BRIDGE]
    assert_no_traceback(run)


def test_max_chars_option(tmp_path: Path, tidings: Tidings) -> None:
    wire = write_jsonl(
        tmp_path / "w.jsonl", [{"text": "Short note on the weather today."}, {"text": HARBOUR}]
    )
    db = tmp_path / "x.db"
    run = tidings("ingest", wire, "--db", db, "--max-chars", "100")
    assert run.code == 0
    assert _warnings(run) == [
        f"Warning: {wire}:2: skipped: text of {len(HARBOUR):,} characters is over the limit of 100 "
        "(raise it with --max-chars)"
    ]
    assert _texts(db) == ["Short note on the weather today."]


def test_missing_path_and_unreadable_folder_with_good_input(
    tmp_path: Path, good: Path, tidings: Tidings
) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    db = tmp_path / "x.db"
    run = tidings("ingest", tmp_path / "gone.txt", empty, good, "--db", db)
    assert run.code == 1
    assert _errors(run) == [
        f"Error: {tmp_path}/gone.txt: no such file or directory",
        f"Error: {empty}: no readable files",
    ]
    assert _texts(db) == [HARBOUR, BRIDGE]
    assert parse_summary(run).parts[-1] == "2 inputs failed"


def test_bad_input_never_shows_a_traceback_in_a_real_process(tmp_path: Path) -> None:
    from conftest import run_subprocess

    (tmp_path / "noise.bin.txt").write_bytes(random.Random(1).randbytes(4096))
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 500)[:40])
    run = run_subprocess("ingest", tmp_path, tmp_path / "nope", "--db", tmp_path / "x.db")
    assert run.code == 1
    assert_no_traceback(run)
    assert all(line.startswith(("Error: ", "Hint: ", "Warning: ", "Stored ")) for line in run.err_lines), (
        run.err
    )


def test_texts_stored_from_bad_inputs_are_clean(tmp_path: Path, tidings: Tidings) -> None:
    wire = write_jsonl(
        tmp_path / "w.jsonl",
        [{"text": "Rain\u0000fall \u0007was heavy on Monday.\r\n\r\n\r\nRoads flooded."}],
    )
    db = tmp_path / "x.db"
    assert tidings("ingest", wire, "--db", db).code == 0
    assert _texts(db) == ["Rainfall was heavy on Monday.\n\nRoads flooded."]
    assert norm(_texts(db)[0]) == "Rainfall was heavy on Monday. Roads flooded."
