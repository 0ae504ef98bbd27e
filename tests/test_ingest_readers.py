"""Every reader, through tidings.ingest.sources.read_inputs (and stdin through the command)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    ARABIC,
    BRIDGE,
    FERRY,
    HARBOUR,
    LIBRARY,
    MUSEUM,
    ORCHARD,
    SEED_FILE,
    articles_of,
    html_page,
    norm,
    parse_summary,
    read_all,
    requires_shared,
    run_subprocess,
    stored_articles,
    write_jsonl,
    write_warc,
)
from tidings.ingest.sources import InputFailure
from tidings.models import Article, Notice, Rejection

# -- seed records ----------------------------------------------------------------------------------


def test_seed_record_title_is_split_at_the_first_colon_space(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(
        " date 2022-06-01 Ferry strike ends: Workers returned on Wednesday: the union called the deal fair."
        "\n\nThe company said all routes would run normally from Thursday.\n",
        encoding="utf-8",
    )
    items = read_all([path])
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert article.format == "seed"
    assert article.title == "Ferry strike ends"
    assert article.published == "2022-06-01"
    assert article.text == (
        "Workers returned on Wednesday: the union called the deal fair.\n\n"
        "The company said all routes would run normally from Thursday."
    )
    assert article.source == str(path)


def test_seed_header_date_wins_over_the_date_option(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(" date 2022-06-01 Ferry strike ends: " + FERRY + "\n", encoding="utf-8")
    [article] = read_all([path], date="2000-01-01")
    assert article.published == "2022-06-01"


def test_seed_file_with_several_records(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(
        " date 2022-06-01 Ferry strike ends: Ferry workers returned to work on Wednesday.\n\n"
        "The union said members had accepted a revised offer.\n"
        " date 2022-06-02 Ferry timetable restored: All routes will run normally from Thursday.\n\n"
        "Passengers were advised to check departure times online.\n",
        encoding="utf-8",
    )
    items = read_all([path])
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert (first.title, first.published, first.source) == ("Ferry strike ends", "2022-06-01", f"{path}:1")
    assert (second.title, second.published, second.source) == (
        "Ferry timetable restored",
        "2022-06-02",
        f"{path}:4",
    )
    assert first.text == (
        "Ferry workers returned to work on Wednesday.\n\nThe union said members had accepted a revised offer."
    )
    assert second.text.startswith("All routes will run normally from Thursday.")
    assert "Ferry workers" not in second.text


def test_seed_record_with_an_impossible_header_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(" date 2022-02-30 Odd date: " + FERRY + "\n", encoding="utf-8")
    [item] = read_all([path])
    assert isinstance(item, Rejection)
    assert item.reason == "header date '2022-02-30' is not a calendar date"


def test_the_shared_seed_file(tmp_path: Path) -> None:
    requires_shared("seed", SEED_FILE.name)
    [article] = read_all([SEED_FILE])
    assert article.format == "seed"
    assert article.title == "Iraq PM assassination attempt"
    assert article.published == "2021-11-07"
    assert article.text.startswith("Iraq's Prime Minister Mustafa al-Kadhimi survived")
    assert len(article.paragraphs) > 10


# -- plain text ------------------------------------------------------------------------------------


def test_plain_text_with_a_header_block(tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text(
        "Title: Storm hits the coast\nDate: 2022-05-10\nSource: Shore Gazette\n"
        "URL: https://shore.example/storm\nLanguage: en\n\n" + HARBOUR + "\n",
        encoding="utf-8",
    )
    [article] = read_all([path], date="2001-01-01")
    assert article.format == "text"
    assert article.title == "Storm hits the coast"
    assert article.published == "2022-05-10"  # the header's date wins over --date
    assert article.outlet == "Shore Gazette"
    assert article.url == "https://shore.example/storm"
    assert article.lang == "en"
    assert article.text == HARBOUR
    assert "Title:" not in article.text


def test_plain_text_with_the_date_option_and_a_title_line(tmp_path: Path) -> None:
    path = tmp_path / "park.txt"
    path.write_text("Council approves new park\n\n" + LIBRARY + "\n", encoding="utf-8")
    [article] = read_all([path], date="2022-07-07")
    assert article.title == "Council approves new park"
    assert article.published == "2022-07-07"
    assert article.text == LIBRARY


def test_plain_text_without_date_option_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "park.txt"
    path.write_text(LIBRARY, encoding="utf-8")
    [article] = read_all([path])
    assert article.published is None


@pytest.mark.parametrize(
    "first_line",
    [
        "The council approved a new park on Monday.",  # ends with a full stop: a sentence
        "Residents asked: what happens next?",
        "The mayor said she was “delighted”",  # ends with a closing quote mark
    ],
)
def test_a_punctuated_first_line_is_not_a_title(tmp_path: Path, first_line: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(first_line + "\n\n" + LIBRARY, encoding="utf-8")
    [article] = read_all([path])
    assert article.title is None
    assert article.text.startswith(first_line)


def test_a_first_line_that_runs_on_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Council approves new park\nafter a long debate\n\n" + LIBRARY, encoding="utf-8")
    [article] = read_all([path])
    assert article.title is None


def test_a_header_block_with_an_unknown_key_is_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Title: Park opens\nMood: cheerful\n\n" + LIBRARY, encoding="utf-8")
    [article] = read_all([path])
    assert article.text.startswith("Title: Park opens\nMood: cheerful")


def test_plain_text_header_with_a_bad_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Title: Park opens\nDate: sometime soon\n\n" + LIBRARY, encoding="utf-8")
    [item] = read_all([path])
    assert isinstance(item, Rejection)
    assert item.reason == "header date 'sometime soon' is not a date"


def test_plain_text_header_block_with_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        ("Title: Snow closes pass\r\nDate: 2022-12-01\r\nSource: Alpine Daily\r\n\r\n" + BRIDGE).encode()
    )
    [article] = read_all([path])
    assert (article.title, article.published, article.outlet) == (
        "Snow closes pass",
        "2022-12-01",
        "Alpine Daily",
    )
    assert not article.text.startswith("Title:")


def test_plain_text_header_language_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Title: Park opens\nLanguage: en-GB\n\n" + LIBRARY, encoding="utf-8")
    [article] = read_all([path])
    assert article.lang == "en"


# -- JSON Lines, JSON and CSV -----------------------------------------------------------------------

ALIASES: list[tuple[dict[str, Any], dict[str, Any]]] = [
    (
        {
            "title": "Harbour reopens",
            "text": HARBOUR,
            "date": "2022-03-01",
            "url": "https://a.example/1",
            "source": "Coast Times",
            "lang": "en",
        },
        {
            "title": "Harbour reopens",
            "published": "2022-03-01",
            "url": "https://a.example/1",
            "outlet": "Coast Times",
            "lang": "en",
        },
    ),
    (
        {
            "headline": "Bridge closed",
            "body": BRIDGE,
            "published": "2022-03-02T08:00:00+01:00",
            "link": "https://b.example/2",
            "outlet": "River Post",
            "language": "en-US",
        },
        {
            "title": "Bridge closed",
            "published": "2022-03-02",
            "url": "https://b.example/2",
            "outlet": "River Post",
            "lang": "en",
        },
    ),
    (
        {
            "title": "Orchard fire",
            "content": ORCHARD,
            "pubDate": "Tue, 13 Sep 2022 18:00:00 +0200",
            "url": "https://c.example/3",
            "domain": "valleyradio.example",
            "lang": "EN_gb",
        },
        {
            "title": "Orchard fire",
            "published": "2022-09-13",
            "url": "https://c.example/3",
            "outlet": "valleyradio.example",
            "lang": "en",
        },
    ),
    (  # NewsAPI: source is an object; publishedAt in UTC
        {
            "title": "Library opens",
            "description": "A short summary.",
            "content": LIBRARY,
            "publishedAt": "2022-04-02T10:00:00Z",
            "url": "https://d.example/4",
            "source": {"id": None, "name": "Valley Herald"},
        },
        {
            "title": "Library opens",
            "published": "2022-04-02",
            "url": "https://d.example/4",
            "outlet": "Valley Herald",
            "lang": None,
        },
    ),
    (  # news-please / CC-NEWS
        {
            "title": "Ferry strike ends",
            "maintext": FERRY,
            "date_publish": "2022-06-01 07:45:00",
            "url": "https://e.example/5",
            "source_domain": "ferrynews.example",
            "language": "en",
        },
        {
            "title": "Ferry strike ends",
            "published": "2022-06-01",
            "url": "https://e.example/5",
            "outlet": "ferrynews.example",
            "lang": "en",
        },
    ),
]


@pytest.mark.parametrize(
    ("record", "expected"),
    ALIASES,
    ids=["plain", "headline-body", "content-pubDate", "newsapi", "news-please"],
)
def test_jsonl_field_aliases(tmp_path: Path, record: dict[str, Any], expected: dict[str, Any]) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record])
    [article] = read_all([path])
    assert isinstance(article, Article)
    assert {key: getattr(article, key) for key in expected} == expected
    assert article.format == "jsonl"
    assert article.source == f"{path}:1"
    text = next(record[k] for k in ("text", "body", "content", "maintext") if k in record)
    assert article.text == text


def test_jsonl_field_names_are_case_insensitive(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl", [{"TITLE": "Harbour reopens", "Text": HARBOUR, "DATE": "2022-03-01"}]
    )
    [article] = read_all([path])
    assert (article.title, article.published, article.text) == ("Harbour reopens", "2022-03-01", HARBOUR)


def test_jsonl_epoch_timestamp_field(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl", [{"text": HARBOUR, "timestamp": 1646136000}]
    )  # 2022-03-01 12:00 UTC
    [article] = read_all([path])
    assert article.published == "2022-03-01"


def test_jsonl_unparsed_date_is_kept_in_meta(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": HARBOUR, "date": "around teatime"}])
    [article] = read_all([path])
    assert article.published is None
    assert article.meta["unparsed_date"] == "around teatime"


def test_jsonl_date_option_applies_only_to_records_without_a_date(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": HARBOUR, "date": "2022-03-01"}, {"text": BRIDGE}])
    first, second = read_all([path], date="2022-12-25")
    assert (first.published, second.published) == ("2022-03-01", "2022-12-25")


def test_jsonl_keeps_other_scalar_fields_in_meta(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [{"text": HARBOUR, "section": "Local", "wordcount": 52, "tags": ["port", "boats"]}],
    )
    [article] = read_all([path])
    assert article.meta["section"] == "Local"
    assert article.meta["wordcount"] == 52
    assert "tags" not in article.meta  # lists are not scalars


def test_jsonl_meta_holds_only_fields_that_were_not_mapped(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "title": "Harbour reopens",
                "text": HARBOUR,
                "url": "https://a.example/1",
                "source": "Coast Times",
                "lang": "en",
                "section": "Local",
            }
        ],
    )
    [article] = read_all([path])
    assert article.meta == {"section": "Local"}


def test_html_inside_a_json_text_field_is_flattened(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "title": "Harvest",
                "content": "<p>Farmers in the valley began the <b>spring harvest</b> early.</p>"
                "<p>Prices are expected to fall.<br>Buyers are <a href='/x'>pleased</a>.</p>"
                "<script>var x=1;</script>",
            }
        ],
    )
    [article] = read_all([path])
    assert article.text == (
        "Farmers in the valley began the spring harvest early.\n\n"
        "Prices are expected to fall.\n\nBuyers are pleased."
    )
    first = article.paragraphs[0]
    assert article.text[first.start : first.end] == "Farmers in the valley began the spring harvest early."


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps([{"title": "Harbour", "text": HARBOUR}, {"headline": "Bridge", "body": BRIDGE}, 5]),
        encoding="utf-8",
    )
    items = read_all([path])
    assert [type(i) for i in items] == [Article, Article, Rejection]
    assert [(i.title, i.source, i.format) for i in items[:2]] == [
        ("Harbour", f"{path}[0]", "json"),
        ("Bridge", f"{path}[1]", "json"),
    ]
    assert items[2].reason == "expected a JSON object, got int"


def test_json_single_object_file(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "Harbour", "text": HARBOUR}), encoding="utf-8")
    [article] = read_all([path])
    assert (article.title, article.source, article.text) == ("Harbour", str(path), HARBOUR)


def test_json_file_holding_json_lines_is_read_line_by_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "lines.json", [{"text": HARBOUR}, {"text": BRIDGE}])
    assert [a.text for a in articles_of(read_all([path]))] == [HARBOUR, BRIDGE]


def test_csv_with_a_header_row(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "northern.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["date", "title", "text", "source", "url", "section"])
        writer.writerow(
            ["2022-11-06", "Harbour reopens", HARBOUR, "Northern Star", "https://n.example/1", "Ports"]
        )
        writer.writerow(["2022-11-08", "Bridge closed, drivers diverted", BRIDGE, "Northern Star", "", ""])
    items = read_all([path])
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert (first.title, first.published, first.outlet, first.url, first.format) == (
        "Harbour reopens",
        "2022-11-06",
        "Northern Star",
        "https://n.example/1",
        "csv",
    )
    assert first.text == HARBOUR  # a quoted field over several lines
    assert first.meta["section"] == "Ports"
    assert second.title == "Bridge closed, drivers diverted"
    assert second.url is None
    # the source names the line where each record ends
    assert first.source == f"{path}:{1 + HARBOUR.count(chr(10)) + 1}"


def test_csv_without_a_text_column_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nums.csv"
    path.write_text("date,title\n2022-01-01,Nothing here\n", encoding="utf-8")
    [item] = read_all([path])
    assert isinstance(item, Rejection)
    assert item.reason == "CSV header has no text column (text, body, content, …)"


def test_csv_with_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbftext,date,title\n" + f'"{HARBOUR}",2022-04-01,Harbour reopens\n'.encode())
    [article] = read_all([path])
    assert isinstance(article, Article)
    assert (article.published, article.title) == ("2022-04-01", "Harbour reopens")


def test_csv_in_a_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "arabic.csv"
    path.write_bytes(('title,text\nافتتاح مستشفى,"' + ARABIC + '"\n').encode("cp1256"))
    items = read_all([path])
    [article] = articles_of(items)
    assert article.text == ARABIC
    assert any(isinstance(i, Notice) for i in items)


# -- web formats ----------------------------------------------------------------------------------

MUSEUM_PARAGRAPHS = [
    "Two paintings stolen from a small regional museum thirty years ago were handed back on Monday after "
    "they turned up at an auction in another country.",
    "The museum director said staff had never given up hope of seeing the works again and thanked the "
    "police officers who traced them.",
    "The paintings, both landscapes of the river valley, will go on display again next month after a "
    "careful cleaning by specialists.",
]


def test_html_page_title_date_site_and_body_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "museum.html"
    path.write_text(html_page("Museum returns stolen paintings", MUSEUM_PARAGRAPHS), encoding="utf-8")
    [article] = read_all([path])
    assert isinstance(article, Article)
    assert article.format == "html"
    assert article.title == "Museum returns stolen paintings"
    assert article.published == "2022-08-15"
    assert article.outlet == "Hilltop Chronicle"
    for paragraph in MUSEUM_PARAGRAPHS:
        assert paragraph in article.text
    for boilerplate in ("cookies", "Subscribe", "newsletter", "Related stories", "Pigeon race", "Weather"):
        assert boilerplate not in article.text


def test_html_page_without_a_date_takes_the_date_option(tmp_path: Path) -> None:
    path = tmp_path / "museum.html"
    path.write_text(
        html_page("Museum returns paintings", MUSEUM_PARAGRAPHS, published=None), encoding="utf-8"
    )
    [article] = read_all([path], date="2022-08-20")
    assert article.published == "2022-08-20"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Radio News</title><link>https://valleyradio.example/</link><description>News</description>
<item><title>Orchard fire contained</title><link>https://valleyradio.example/orchard</link>
<pubDate>Tue, 13 Sep 2022 23:30:00 -0400</pubDate>
<description>A short teaser about the orchard fire.</description>
<content:encoded><![CDATA[<p>Firefighters contained a blaze that swept through an apple orchard on the edge
of the village on Tuesday afternoon.</p><p>No one was hurt, but the owner said most of this year's crop was
lost.</p>]]></content:encoded>
</item>
<item><title>School term starts late</title><link>https://valleyradio.example/school</link>
<pubDate>Mon, 12 Sep 2022 07:00:00 GMT</pubDate>
<description>&lt;p&gt;Pupils at the village school will return a week late because builders have not
finished repairing the roof.&lt;/p&gt;</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Island Observer</title><id>urn:island</id><updated>2022-10-02T10:00:00Z</updated>
<entry><title>Lighthouse restored</title><link href="https://island.example/lighthouse"/><id>urn:1</id>
<published>2022-10-01T22:30:00-04:00</published><updated>2022-10-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Volunteers finished restoring the island's old lighthouse, which had
been dark for more than a decade.&lt;/p&gt;&lt;p&gt;Its lamp will be lit again at a ceremony on
Saturday.&lt;/p&gt;</content>
</entry>
<entry><title>Ferry timetable</title><link href="https://island.example/ferry"/><id>urn:2</id>
<updated>2022-09-30T08:00:00Z</updated>
<summary>The winter ferry timetable starts next week with two crossings a day.</summary>
</entry></feed>
"""


def test_rss_with_content_encoded_and_with_description_only(tmp_path: Path) -> None:
    path = tmp_path / "valley.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read_all([path])
    assert [type(i) for i in items] == [Article, Article]
    full, summary = items
    assert full.format == summary.format == "feed"
    assert full.outlet == summary.outlet == "Valley Radio News"
    assert (full.title, full.url, full.published) == (
        "Orchard fire contained",
        "https://valleyradio.example/orchard",
        "2022-09-13",  # local date of the pubDate, not the UTC one (the 14th)
    )
    assert full.text == (
        "Firefighters contained a blaze that swept through an apple orchard on the edge of the village on "
        "Tuesday afternoon.\n\nNo one was hurt, but the owner said most of this year's crop was lost."
    )
    assert "teaser" not in full.text
    assert full.meta == {"content": "full"}
    assert summary.text == (
        "Pupils at the village school will return a week late because builders have not finished "
        "repairing the roof."
    )
    assert summary.meta == {"content": "summary"}
    assert (summary.published, full.source, summary.source) == ("2022-09-12", f"{path}#1", f"{path}#2")


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "island.atom"
    path.write_text(ATOM, encoding="utf-8")
    lighthouse, ferry = read_all([path])
    assert (lighthouse.title, lighthouse.url, lighthouse.outlet, lighthouse.published) == (
        "Lighthouse restored",
        "https://island.example/lighthouse",
        "Island Observer",
        "2022-10-01",
    )
    assert lighthouse.text == (
        "Volunteers finished restoring the island's old lighthouse, which had been dark for more than a "
        "decade.\n\nIts lamp will be lit again at a ceremony on Saturday."
    )
    # no <published>: the <updated> date is used
    assert (ferry.title, ferry.published) == ("Ferry timetable", "2022-09-30")
    assert ferry.text == "The winter ferry timetable starts next week with two crossings a day."


def test_xml_extension_is_sniffed_as_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "island.xml"
    path.write_text(ATOM, encoding="utf-8")
    assert [a.title for a in articles_of(read_all([path]))] == ["Lighthouse restored", "Ferry timetable"]


def _warc_pages() -> list[tuple[str, bytes, str]]:
    return [
        (
            "https://delta.example/rail",
            html_page(
                "Rail line reopens",
                [HARBOUR.replace("harbour", "rail line")],
                site="Delta Times",
                published="2022-11-04",
            ).encode(),
            "text/html; charset=utf-8",
        ),
        ("https://delta.example/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain"),
        (
            "https://delta.example/bakery",
            html_page("Bakery wins prize", [LIBRARY], site="Delta Times", published=None).encode(),
            "text/html",
        ),
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_are_read_and_other_records_skipped_with_a_notice(
    tmp_path: Path, gz: bool
) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), _warc_pages(), gz=gz)
    items = read_all([path])
    articles = articles_of(items)
    assert [a.url for a in articles] == ["https://delta.example/rail", "https://delta.example/bakery"]
    assert [a.format for a in articles] == ["warc", "warc"]
    assert [a.outlet for a in articles] == ["Delta Times", "Delta Times"]
    assert [a.source for a in articles] == [f"{path}#1", f"{path}#2"]
    assert articles[0].published == "2022-11-04"  # from the page
    assert articles[0].meta == {}
    assert articles[1].published == "2022-11-01"  # from the crawl (WARC-Date)
    assert articles[1].meta == {"date_source": "crawl"}
    assert norm(LIBRARY) in norm(articles[1].text)
    notices = [i for i in items if isinstance(i, Notice)]
    assert notices == [Notice(str(path), "skipped 1 non-HTML or non-200 response records")]


def test_warc_non_200_responses_are_skipped(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "gone.warc", _warc_pages()[:1], gz=False, status="404 Not Found")
    assert read_all([path]) == [Notice(str(path), "skipped 1 non-HTML or non-200 response records")]


def test_gzipped_jsonl_and_gzipped_html(tmp_path: Path) -> None:
    jsonl = tmp_path / "wire.jsonl.gz"
    jsonl.write_bytes(gzip.compress((json.dumps({"title": "Harbour", "text": HARBOUR}) + "\n").encode()))
    page = tmp_path / "museum.html.gz"
    page.write_bytes(gzip.compress(html_page("Museum returns stolen paintings", MUSEUM_PARAGRAPHS).encode()))
    first, second = read_all([jsonl, page])
    assert (first.format, first.text, first.source) == ("jsonl", HARBOUR, f"{jsonl}:1")
    assert (second.format, second.title) == ("html", "Museum returns stolen paintings")


def test_gzip_is_recognised_by_its_magic_bytes_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"  # gzip data under a plain name
    path.write_bytes(gzip.compress((json.dumps({"text": BRIDGE}) + "\n").encode()))
    [article] = read_all([path])
    assert article.text == BRIDGE


# -- paths: folders, globs, stdin, --format ---------------------------------------------------------


def _tree(root: Path) -> Path:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    write_jsonl(root / "a.jsonl", [{"text": HARBOUR}])
    (root / "sub" / "b.txt").write_text(BRIDGE, encoding="utf-8")
    (root / "sub" / "deeper" / "c.json").write_text(json.dumps({"text": LIBRARY}), encoding="utf-8")
    (root / "sub" / "d.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": FERRY}).encode()))
    (root / ".hidden" / "e.txt").write_text(MUSEUM, encoding="utf-8")  # hidden folder: skipped
    (root / ".f.txt").write_text(ORCHARD, encoding="utf-8")  # hidden file: skipped
    (root / "notes.md").write_text("Reminder: " + ORCHARD, encoding="utf-8")  # unknown extension
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    return root


def test_folders_are_read_recursively_skipping_hidden_and_unknown_files(tmp_path: Path) -> None:
    root = _tree(tmp_path / "news")
    items = read_all([root])
    assert all(isinstance(i, Article) for i in items), items
    assert sorted(norm(a.text) for a in items) == sorted(norm(t) for t in (HARBOUR, BRIDGE, LIBRARY, FERRY))
    assert {a.source for a in items} == {
        f"{root}/a.jsonl:1",
        f"{root}/sub/b.txt",
        f"{root}/sub/deeper/c.json",
        f"{root}/sub/d.jsonl.gz:1",
    }


def test_glob_patterns(tmp_path: Path) -> None:
    root = _tree(tmp_path / "news")
    items = read_all([f"{root}/**/*.txt"])
    assert [norm(a.text) for a in items] == [norm(BRIDGE)]
    items = read_all([f"{root}/su?"])  # a pattern matching a folder reads the folder
    assert len(articles_of(items)) == 3


def test_files_given_by_name_are_read_whatever_their_extension(tmp_path: Path) -> None:
    path = tmp_path / "wire.dat"
    write_jsonl(path, [{"title": "Harbour", "text": HARBOUR}])
    [article] = read_all([path])
    assert (article.format, article.title) == ("jsonl", "Harbour")


def test_format_option_forces_a_reader(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "wire.txt", [{"title": "Harbour", "text": HARBOUR}])
    [as_text] = read_all([path])
    assert as_text.format == "text"
    assert as_text.text.startswith('{"title"')
    [as_jsonl] = read_all([path], format="jsonl")
    assert (as_jsonl.format, as_jsonl.title, as_jsonl.text) == ("jsonl", "Harbour", HARBOUR)


def test_format_option_text_on_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text("Harbour reopens\n\n" + HARBOUR, encoding="utf-8")
    [rejected] = read_all([path])
    assert isinstance(rejected, Rejection) and rejected.reason.startswith("invalid JSON")
    [article] = read_all([path], format="text")
    assert (article.title, article.text) == ("Harbour reopens", HARBOUR)


def test_missing_paths_are_failures_and_the_rest_is_read(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "a.jsonl", [{"text": HARBOUR}])
    items = read_all([tmp_path / "nope.jsonl", good, f"{tmp_path}/*.nothing"])
    assert items[0] == InputFailure(
        f"{tmp_path}/nope.jsonl", f"{tmp_path}/nope.jsonl: no such file or directory", "check the path"
    )
    assert isinstance(items[1], Article)
    assert isinstance(items[2], InputFailure)
    assert items[2].message == f"{tmp_path}/*.nothing: no files match"


def test_stdin_plain_jsonl(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    data = (
        json.dumps({"title": "Harbour", "text": HARBOUR}) + "\n" + json.dumps({"text": BRIDGE}) + "\n"
    ).encode()
    run = run_subprocess("ingest", "-", "--db", db, input=data)
    assert run.code == 0, run.err
    summary = parse_summary(run)
    assert (summary.new, summary.db, summary.parts[0]) == (2, str(db), "0 already stored")
    stored = stored_articles(db)
    assert sorted(a["source"] for a in stored) == ["<stdin>:1", "<stdin>:2"]
    assert {a["format"] for a in stored} == {"jsonl"}


def test_stdin_gzipped_jsonl(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    data = gzip.compress((json.dumps({"title": "Library", "text": LIBRARY}) + "\n").encode())
    run = run_subprocess("ingest", "-", "--db", db, input=data)
    assert run.code == 0, run.err
    [article] = stored_articles(db)
    assert (article["title"], article["text"], article["source"]) == ("Library", LIBRARY, "<stdin>:1")


def test_stdin_seed_text_and_format_option(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    seed = (" date 2022-06-01 Ferry strike ends: " + FERRY + "\n").encode()
    assert run_subprocess("ingest", "-", "--db", db, input=seed).code == 0
    plain = ("Museum returns paintings\n\n" + MUSEUM + "\n").encode()
    assert (
        run_subprocess(
            "ingest", "-", "--db", db, "--format", "text", "--date", "2022-08-15", input=plain
        ).code
        == 0
    )
    by_format = {a["format"]: a for a in stored_articles(db)}
    assert (by_format["seed"]["title"], by_format["seed"]["published"]) == ("Ferry strike ends", "2022-06-01")
    assert (by_format["text"]["title"], by_format["text"]["published"]) == (
        "Museum returns paintings",
        "2022-08-15",
    )
