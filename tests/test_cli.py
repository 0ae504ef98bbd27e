"""The tidings command: exact output, exact errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import (
    BRIDGE,
    HARBOUR,
    KADHIMI,
    LIBRARY,
    Run,
    assert_no_traceback,
    parse_summary,
    query,
    write_jsonl,
)
from tidings.cli import cli

Tidings = Callable[..., Run]

LONG_TITLE = (
    "Security council reviews protection of ministries, embassies and bridges in the capital after a "
    "week of alarms"
)


@pytest.fixture
def wire(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "wire.jsonl",
        [
            {
                "title": "Harbour reopens",
                "text": HARBOUR,
                "date": "2022-03-01",
                "source": "Coast Times",
                "url": "https://coast.example/1",
            },
            {"title": "Bridge closed", "text": BRIDGE, "date": "2022-03-05", "source": "River Post"},
            {"title": LONG_TITLE, "text": KADHIMI, "date": "2022-03-03", "source": "Capital Wire"},
        ],
    )


@pytest.fixture
def db(tmp_path: Path, wire: Path, tidings: Tidings) -> Path:
    path = tmp_path / "news.db"
    run = tidings("ingest", wire, "--db", path)
    assert run.code == 0, run.err
    return path


# -- version and help ------------------------------------------------------------------------------


def test_version(tidings: Tidings) -> None:
    run = tidings("--version")
    assert (run.code, run.out, run.err) == (0, f"tidings, version {version('tidings')}\n", "")


@pytest.mark.parametrize(
    "command",
    [(), ("ingest",), ("articles",), ("stats",), ("eval",), ("eval", "html"), ("eval", "pubdate")],
    ids=lambda c: " ".join(c) or "tidings",
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_on_every_command(tidings: Tidings, command: tuple[str, ...], flag: str) -> None:
    run = tidings(*command, flag)
    assert run.code == 0
    assert run.out.startswith("Usage: tidings" + "".join(" " + c for c in command) + " ")
    assert run.err == ""


def test_help_lists_the_commands(tidings: Tidings) -> None:
    out = tidings("--help").out
    for command in ("ingest", "articles", "stats", "eval"):
        assert f"\n  {command} " in out


def test_python_dash_m_tidings_is_the_same_command() -> None:
    from conftest import run_subprocess

    run = run_subprocess("--version")
    assert (run.code, run.out) == (0, f"tidings, version {version('tidings')}\n")


# -- ingest ---------------------------------------------------------------------------------------


def test_ingest_prints_one_summary_line_on_stderr(tmp_path: Path, wire: Path, tidings: Tidings) -> None:
    path = tmp_path / "news.db"
    run = tidings("ingest", wire, "--db", path)
    assert run.code == 0
    assert run.out == ""
    summary = parse_summary(run)
    assert (summary.new, summary.db, summary.parts[0]) == (3, str(path), "0 already stored")
    assert run.err_lines[0].startswith(f"Stored 3 new articles in {path} (0 already stored")
    again = parse_summary(tidings("ingest", wire, "--db", path))
    assert (again.new, again.parts[0]) == (0, "3 already stored")


def test_ingest_summary_singular(tmp_path: Path, tidings: Tidings) -> None:
    path = tmp_path / "one.db"
    run = tidings("ingest", write_jsonl(tmp_path / "one.jsonl", [{"text": LIBRARY}]), "--db", path)
    assert run.err_lines[-1].startswith(f"Stored 1 new article in {path} (0 already stored")


def test_quiet_prints_errors_only(tmp_path: Path, tidings: Tidings) -> None:
    wire = write_jsonl(tmp_path / "w.jsonl", [{"text": LIBRARY}, "{oops"])
    run = tidings("ingest", wire, tmp_path / "missing.txt", "--db", tmp_path / "q.db", "-q")
    assert run.code == 1
    assert run.err_lines == [
        f"Error: {tmp_path}/missing.txt: no such file or directory",
        "Hint: check the path",
    ]
    assert query(tmp_path / "q.db", "SELECT COUNT(*) FROM articles") == [(1,)]


def test_at_most_fifty_warnings_are_shown(tmp_path: Path, tidings: Tidings) -> None:
    wire = write_jsonl(tmp_path / "w.jsonl", ["{broken"] * 60 + [{"text": LIBRARY}])
    run = tidings("ingest", wire, "--db", tmp_path / "w.db")
    assert run.code == 0
    warnings = [line for line in run.err_lines if line.startswith("Warning: ")]
    assert len(warnings) == 51
    assert warnings[0] == (
        f"Warning: {wire}:1: skipped: invalid JSON "
        "(Expecting property name enclosed in double quotes at column 2)"
    )
    assert warnings[-1] == "Warning: 10 more warnings not shown"
    summary = parse_summary(run)
    assert summary.new == 1
    assert summary.part("skipped") == "60 skipped: 60 invalid JSON"


def test_db_defaults_to_the_tidings_db_environment_variable(
    tmp_path: Path, wire: Path, tidings: Tidings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("TIDINGS_DB", str(path))
    assert tidings("ingest", wire).code == 0
    assert query(path, "SELECT COUNT(*) FROM articles") == [(3,)]


def test_db_defaults_to_tidings_db_in_the_current_folder(
    tmp_path: Path, wire: Path, tidings: Tidings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = tidings("ingest", wire)
    assert parse_summary(run).db == "tidings.db"
    assert (tmp_path / "tidings.db").is_file()


# -- articles -------------------------------------------------------------------------------------


def test_articles_table(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db)
    assert run.code == 0 and run.err == ""
    lines = run.out.splitlines()
    assert lines[0].split() == ["id", "published", "outlet", "lang", "title"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    rows = lines[2:]
    assert len(rows) == 3
    full_ids = [r[0] for r in query(db, "SELECT id FROM articles ORDER BY published DESC")]
    ids = [row.split()[0] for row in rows]
    assert all(len(i) == 12 for i in ids)
    assert [row.split()[1] for row in rows] == ["2022-03-05", "2022-03-03", "2022-03-01"]  # newest first
    assert rows[0] == f"{full_ids[0][:12]}  2022-03-05  River Post    en    Bridge closed"
    # titles over 70 characters are cut with an ellipsis
    assert rows[1].endswith(LONG_TITLE[:69] + "…")
    assert ids == [i[:12] for i in full_ids]


def test_articles_json(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db, "--json")
    assert run.code == 0
    rows = json.loads(run.out)
    assert [r["title"] for r in rows] == ["Bridge closed", LONG_TITLE, "Harbour reopens"]
    harbour = rows[2]
    assert harbour["text"] == HARBOUR
    assert (harbour["published"], harbour["outlet"], harbour["url"], harbour["lang"]) == (
        "2022-03-01",
        "Coast Times",
        "https://coast.example/1",
        "en",
    )
    assert (harbour["format"], harbour["n_chars"], len(harbour["id"])) == ("jsonl", len(HARBOUR), 64)
    assert harbour["source"].endswith("wire.jsonl:1")
    assert [harbour["text"][p["start"] : p["end"]] for p in harbour["paragraphs"]] == HARBOUR.split("\n\n")
    assert [s["outlet"] for s in harbour["sightings"]] == ["Coast Times"]


def test_articles_json_of_an_empty_database_is_an_empty_array(tmp_path: Path, tidings: Tidings) -> None:
    from tidings.store import Store

    Store.open(tmp_path / "empty.db").close()
    run = tidings("articles", "--db", tmp_path / "empty.db", "--json")
    assert (run.code, json.loads(run.out)) == (0, [])


def test_articles_nl(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db, "--nl", "--limit", "2")
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["title"] for line in lines] == ["Bridge closed", LONG_TITLE]


def test_articles_csv(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db, "--csv")
    assert run.code == 0
    reader = csv.DictReader(io.StringIO(run.out))
    assert reader.fieldnames == [
        "id",
        "published",
        "outlet",
        "lang",
        "title",
        "url",
        "n_chars",
        "format",
        "source",
        "text",
    ]
    rows = list(reader)
    assert [r["title"] for r in rows] == ["Bridge closed", LONG_TITLE, "Harbour reopens"]
    assert rows[0]["url"] == ""  # None is an empty cell
    assert rows[2]["url"] == "https://coast.example/1"
    assert rows[2]["text"] == HARBOUR  # multi-line text survives quoting
    assert rows[2]["n_chars"] == str(len(HARBOUR))


def test_articles_search(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db, "--search", "al-Kadhimi", "--nl")
    assert [json.loads(line)["title"] for line in run.out.splitlines()] == [LONG_TITLE]
    run = tidings("articles", "--db", db, "-s", "harbour OR bridge", "--fts-syntax", "--nl")
    assert sorted(json.loads(line)["title"] for line in run.out.splitlines()) == [
        "Bridge closed",
        "Harbour reopens",
    ]


def test_articles_limit_zero_prints_only_the_header(db: Path, tidings: Tidings) -> None:
    assert len(tidings("articles", "--db", db, "-n", "0").out.splitlines()) == 2


def test_invalid_fts_syntax_on_the_command_line(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db, "--search", '"unclosed', "--fts-syntax")
    assert run.code == 1
    assert run.err_lines == [
        "Error: invalid search query '\"unclosed': unterminated string",
        "Hint: quote phrases with double quotes, or drop --fts-syntax",
    ]
    assert_no_traceback(run)


def test_invalid_fts_syntax_with_json_prints_nothing_on_stdout(db: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", db, "--search", "AND OR", "--fts-syntax", "--json")
    assert run.code == 1
    assert run.out == ""


def test_articles_on_a_missing_database(tmp_path: Path, tidings: Tidings) -> None:
    run = tidings("articles", "--db", tmp_path / "none.db")
    assert run.code == 1
    assert run.err_lines == [
        f"Error: no database at {tmp_path}/none.db",
        "Hint: create one with: tidings ingest PATH --db FILE",
    ]
    assert not (tmp_path / "none.db").exists()


# -- stats ----------------------------------------------------------------------------------------


def test_stats_command(db: Path, tidings: Tidings) -> None:
    run = tidings("stats", "--db", db)
    assert run.code == 0
    lines = run.out.splitlines()
    assert f"database:              {db}" in lines
    assert "articles:              3" in lines
    assert "first_published:       2022-03-01" in lines
    assert "last_published:        2022-03-05" in lines
    assert "by_language:" in lines
    assert "  " + "en".ljust(30) + " " + "3".rjust(10) in lines


def test_stats_json(db: Path, tidings: Tidings) -> None:
    run = tidings("stats", "--db", db, "--json")
    stats = json.loads(run.out)
    assert stats["database"] == str(db)
    assert (stats["articles"], stats["sightings"], stats["undated"]) == (3, 3, 0)
    assert stats["characters"] == len(HARBOUR) + len(BRIDGE) + len(KADHIMI)
    assert stats["by_format"] == {"jsonl": 3}
    assert stats["by_outlet"] == {"Capital Wire": 1, "Coast Times": 1, "River Post": 1}
    assert stats["ingest_runs"] == 1


def test_stats_with_thousands_separators(tmp_path: Path, tidings: Tidings) -> None:
    from tidings.models import Article
    from tidings.store import Store

    path = tmp_path / "many.db"
    with Store.open(path) as store:
        store.add_articles(
            Article.create(f"Item {i}: the parish council approved {i} new benches.") for i in range(1200)
        )
    assert "articles:              1,200" in tidings("stats", "--db", path).out.splitlines()


# -- usage errors (exit 2) ---------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2021-13-01", "2021-02-30", "Nov 7 2021", "07/11/2021", "2021-11-7"])
def test_bad_date_option_is_a_usage_error(tmp_path: Path, wire: Path, tidings: Tidings, bad: str) -> None:
    run = tidings("ingest", wire, "--db", tmp_path / "x.db", "--date", bad)
    assert run.code == 2
    assert run.err == (
        "Usage: tidings ingest [OPTIONS] PATHS...\n"
        "Try 'tidings ingest -h' for help.\n\n"
        f"Error: Invalid value for '--date': {bad!r} is not a date in the form YYYY-MM-DD\n"
    )
    assert not (tmp_path / "x.db").exists()


def test_ingest_without_paths_is_a_usage_error(tidings: Tidings) -> None:
    run = tidings("ingest")
    assert run.code == 2
    assert run.err.endswith("Error: Missing argument 'PATHS...'.\n")


def test_unknown_format_is_a_usage_error(wire: Path, tidings: Tidings, tmp_path: Path) -> None:
    run = tidings("ingest", wire, "--db", tmp_path / "x.db", "--format", "pdf")
    assert run.code == 2
    assert "Error: Invalid value for '--format': 'pdf' is not one of" in run.err


def test_database_path_that_is_a_folder(tmp_path: Path, wire: Path, tidings: Tidings) -> None:
    run = tidings("ingest", wire, "--db", tmp_path)
    assert run.code == 2
    assert run.err_lines[-1] == f"Error: Invalid value for '--db': File '{tmp_path}' is a directory."


# -- errors (exit 1) ------------------------------------------------------------------------------


def test_missing_path_is_an_error_and_the_other_paths_are_stored(
    tmp_path: Path, wire: Path, tidings: Tidings
) -> None:
    path = tmp_path / "x.db"
    run = tidings("ingest", tmp_path / "nope.jsonl", wire, "--db", path)
    assert run.code == 1
    assert run.err_lines[:2] == [
        f"Error: {tmp_path}/nope.jsonl: no such file or directory",
        "Hint: check the path",
    ]
    summary = parse_summary(run)
    assert summary.new == 3
    assert summary.parts[-1] == "1 input failed"
    assert_no_traceback(run)


def test_glob_with_no_match(tmp_path: Path, tidings: Tidings) -> None:
    run = tidings("ingest", f"{tmp_path}/*.jsonl", "--db", tmp_path / "x.db")
    assert run.code == 1
    assert run.err_lines[:2] == [
        f"Error: {tmp_path}/*.jsonl: no files match",
        "Hint: check the pattern; quote it so the shell does not expand it",
    ]
    assert parse_summary(run).new == 0


def test_empty_files_exit_1(tmp_path: Path, tidings: Tidings) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n \t\n", encoding="utf-8")
    run = tidings("ingest", tmp_path / "empty.jsonl", tmp_path / "blank.txt", "--db", tmp_path / "x.db")
    assert run.code == 1
    errors = [line for line in run.err_lines if line.startswith("Error: ")]
    assert errors == [
        f"Error: {tmp_path}/empty.jsonl: empty file",
        f"Error: {tmp_path}/blank.txt: empty file",
    ]
    assert parse_summary(run).parts[-1] == "2 inputs failed"


def test_binary_file(tmp_path: Path, tidings: Tidings) -> None:
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 20)
    run = tidings("ingest", tmp_path / "photo.txt", "--db", tmp_path / "x.db")
    assert run.code == 1
    assert run.err_lines[:2] == [
        f"Error: {tmp_path}/photo.txt: binary data, not a news format",
        "Hint: tidings reads seed, text, jsonl, json, csv, html, feed, warc (and gzip of each); "
        "force one with --format",
    ]
    assert_no_traceback(run)


def test_folder_with_no_readable_files(tmp_path: Path, tidings: Tidings) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".hidden.txt").write_text(LIBRARY, encoding="utf-8")
    run = tidings("ingest", folder, "--db", tmp_path / "x.db")
    assert run.code == 1
    assert run.err_lines[0] == f"Error: {folder}: no readable files"
    assert run.err_lines[1].startswith("Hint: tidings reads .atom, .csv, ")


def test_database_in_a_missing_folder(tmp_path: Path, wire: Path, tidings: Tidings) -> None:
    path = tmp_path / "nowhere" / "x.db"
    run = tidings("ingest", wire, "--db", path)
    assert run.code == 1
    assert run.err_lines == [
        f"Error: cannot create database {path}: folder {path.parent} does not exist",
        f"Hint: create it first: mkdir -p {path.parent}",
    ]
    assert not path.parent.exists()


def test_database_in_a_location_that_cannot_be_written(wire: Path, tidings: Tidings) -> None:
    # root ignores permission bits, but nobody can create a file in /proc
    path = Path("/proc/tidings-test.db")
    run = tidings("ingest", wire, "--db", path)
    assert run.code == 1
    assert run.err_lines[0].startswith("Error: cannot ")
    assert str(path) in run.err_lines[0]
    assert run.err_lines[1].startswith("Hint: ")
    assert len(run.err_lines) == 2
    assert_no_traceback(run)
    assert not path.exists()


def test_database_in_a_location_that_cannot_be_written_has_a_helpful_hint(
    wire: Path, tidings: Tidings
) -> None:
    run = tidings("ingest", wire, "--db", "/proc/tidings-test.db")
    assert run.err_lines[0].startswith("Error: cannot create database /proc/tidings-test.db")
    assert "damaged" not in run.err


def test_database_file_that_is_not_a_database(tmp_path: Path, wire: Path, tidings: Tidings) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: bread, milk\n" * 200, encoding="utf-8")
    for args in (("ingest", wire), ("articles",), ("stats",)):
        run = tidings(*args, "--db", path)
        assert run.code == 1
        assert run.err_lines == [
            f"Error: cannot use database {path}: file is not a database",
            "Hint: the file is damaged or not a tidings database; ingest into a new --db file",
        ]


def test_database_name_with_a_hash_sign(tmp_path: Path, wire: Path, tidings: Tidings) -> None:
    path = tmp_path / "news#1.db"
    assert tidings("ingest", wire, "--db", path).code == 0
    assert not (tmp_path / "news").exists()
    assert tidings("articles", "--db", path).code == 0


def test_cli_runner_in_process(tmp_path: Path, wire: Path) -> None:
    """click's CliRunner runs the same commands in-process (outputs as for the shell)."""
    runner = CliRunner()
    path = tmp_path / "r.db"
    result = runner.invoke(cli, ["ingest", str(wire), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"Stored 3 new articles in {path} (0 already stored")
    result = runner.invoke(cli, ["articles", "--db", str(path), "--nl"])
    assert [json.loads(line)["outlet"] for line in result.stdout.splitlines()] == [
        "River Post",
        "Capital Wire",
        "Coast Times",
    ]
