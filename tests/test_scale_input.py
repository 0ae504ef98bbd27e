"""Inputs at the sizes users feed unattended runs, each in its own process so that peak memory and
time can be asserted: a JSON Lines file of 1,000,000 lines with bad lines scattered, a 50 MB
article, HTML nested 100,000 deep, a 10,000-character token.

Peak memory is the child's own ``ru_maxrss``, read by a small wrapper process whose only child is
the ``tidings`` command (so no earlier subprocess of the test run can inflate it). Bounds on the
analysing runs are relative to a baseline run of a small article in the same test (the spaCy
model and the gazetteer dominate a process's memory); raw runs have absolute bounds.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import BRIDGE, HARBOUR, ORCHARD, Run, assert_no_traceback, parse_summary
from tidings.cli import _MAX_WARNINGS as MAX_WARNINGS
from tidings.text import _piecewise_id, article_id, normalize_for_id

_WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(code)
"""


@dataclass
class Measured:
    """A finished ``tidings`` process: its output, peak resident memory (MB), wall time and CPU
    time (user + system, s)."""

    run: Run
    peak_mb: float
    seconds: float
    cpu_seconds: float


def measured(tmp_path: Path, *args: str | os.PathLike[str], timeout: float = 300) -> Measured:
    """Run ``python -m tidings ARGS`` in a fresh process; its output, peak RSS and wall time."""
    report = tmp_path / f"rss-{time.monotonic_ns()}.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("TIDINGS_DB", "TIDINGS_DEBUG")}
    started = time.monotonic()
    wrapper = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, str(report), sys.executable, "-m", "tidings", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group: on timeout, the wrapper and its child go
    )
    try:
        out, err = wrapper.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(wrapper.pid, signal.SIGKILL)
        wrapper.communicate()
        raise
    seconds = time.monotonic() - started
    run = Run(wrapper.returncode, out.decode("utf-8"), err.decode("utf-8"))
    peak_kb, cpu = report.read_text().split()
    return Measured(run, int(peak_kb) / 1024, seconds, float(cpu))


# -- 1,000,000 JSON Lines ------------------------------------------------------------------------

N_LINES = 1_000_000
BAD_EVERY = 1_000  # one line in a thousand is bad, of the kinds below in turn
REPEAT_EVERY = 4_999  # and one in about five thousand repeats an earlier article
BAD_LINES = [
    ('{"text": ', "invalid JSON"),  # cut short
    ("not json at all", "invalid JSON"),
    ('{"title": "no text"}', "no text"),
    ("[1, 2, 3]", "not a JSON object"),
    ('{"text": "\\ud800"}', None),  # a lone surrogate: stored once, as U+FFFD, then duplicates
    ("\x00\x01", "invalid JSON"),
]


@dataclass
class Expected:
    new: int = 0
    duplicate: int = 0
    invalid_json: int = 0
    no_text: int = 0
    not_object: int = 0


def _write_million(path: Path) -> Expected:
    """Write the file and count what each line must become."""
    expected = Expected()
    surrogate_seen = False
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as stream:
        for i in range(N_LINES):
            if i % BAD_EVERY == BAD_EVERY - 1:
                line, kind = BAD_LINES[(i // BAD_EVERY) % len(BAD_LINES)]
                stream.write(line + "\n")
                if kind == "invalid JSON":
                    expected.invalid_json += 1
                elif kind == "no text":
                    expected.no_text += 1
                elif kind == "not a JSON object":
                    expected.not_object += 1
                elif surrogate_seen:
                    expected.duplicate += 1
                else:
                    surrogate_seen = True
                    expected.new += 1
                continue
            repeat = i % REPEAT_EVERY == REPEAT_EVERY - 1
            n = i // 2 if repeat else i  # a repeat names an earlier line that wrote its own notice
            while repeat and (n % BAD_EVERY == BAD_EVERY - 1 or n % REPEAT_EVERY == REPEAT_EVERY - 1):
                n -= 1
            record = {"text": f"Notice {n}: the council met on Tuesday to set the budget for the year."}
            if n % 3 == 0:
                record["title"] = f"Budget notice {n}"
                record["date"] = f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
            stream.write(json.dumps(record) + "\n")
            if repeat:
                expected.duplicate += 1
            else:
                expected.new += 1
    return expected


def test_a_million_json_lines_with_bad_lines_scattered(tmp_path: Path) -> None:
    source = tmp_path / "million.jsonl"
    expected = _write_million(source)
    total = expected.new + expected.duplicate + expected.invalid_json + expected.no_text + expected.not_object
    assert total == N_LINES
    db = tmp_path / "million.db"

    done = measured(tmp_path, "ingest", source, "--db", db, "--no-analyze", timeout=900)

    run = done.run
    assert run.code == 0, run.err[-2000:]
    assert_no_traceback(run)
    summary = parse_summary(run)
    assert summary.new == expected.new
    assert summary.part("already stored") == f"{expected.duplicate:,} already stored"
    n_skipped = expected.invalid_json + expected.no_text + expected.not_object
    assert summary.part("skipped") == (
        f"{n_skipped:,} skipped: {expected.invalid_json:,} invalid JSON, {expected.no_text:,} no text, "
        f"{expected.not_object:,} not a JSON object"
    )
    # a clear message naming the line for the first bad lines, then how many more there were
    warnings = [line for line in run.err_lines if line.startswith("Warning: ")]
    shown = min(n_skipped, MAX_WARNINGS)
    assert len(warnings) == shown + 1
    assert all(f"Warning: {source}:" in line and ": skipped: " in line for line in warnings[:shown])
    assert f"Warning: {source}:{BAD_EVERY}: skipped: invalid JSON" in warnings[0]
    assert warnings[-1] == f"Warning: {n_skipped - shown:,} more warnings not shown"
    with sqlite3.connect(db) as connection:
        one = connection.execute
        assert one("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert one("SELECT COUNT(*) FROM articles").fetchone()[0] == expected.new
        assert one("SELECT COUNT(*) FROM articles_fts_docsize").fetchone()[0] == expected.new
        # every stored line left its sighting: new articles and duplicates alike
        assert one("SELECT COUNT(*) FROM sightings").fetchone()[0] == expected.new + expected.duplicate
        assert one("SELECT n_read, n_new, n_duplicate, n_rejected, status FROM ingest_runs").fetchone() == (
            expected.new + expected.duplicate,
            expected.new,
            expected.duplicate,
            n_skipped,
            "done",
        )
        hits = one("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'council'").fetchone()[0]
        assert hits == expected.new - 1  # all but the U+FFFD article
    assert done.peak_mb < 250, f"peak RSS {done.peak_mb:.0f} MB"
    # The work is bounded in CPU time, which neighbours on a shared machine do not change; the
    # wall-time bound only catches a run that hangs.
    assert done.cpu_seconds < 300, f"{done.cpu_seconds:.0f} s of CPU"
    assert done.seconds < 900, f"{done.seconds:.0f} s"
    print(
        f"\n1,000,000 JSON Lines: {done.seconds:.1f} s wall, {done.cpu_seconds:.1f} s CPU, "
        f"peak RSS {done.peak_mb:.0f} MB"
    )


# -- one huge or deep article, with the memory of a small one as the baseline ---------------------


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Measured:
    """Ingesting and analysing one ordinary HTML article: the memory every analysing run starts from."""
    folder = tmp_path_factory.mktemp("baseline")
    page = folder / "small.html"
    page.write_text(f"<html><body><p>{HARBOUR}</p></body></html>", encoding="utf-8")
    done = measured(folder, "ingest", page, "--db", folder / "b.db")
    assert done.run.code == 0, done.run.err
    return done


def _stored(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT a.title, a.n_chars FROM articles a JOIN analyses n ON n.article_id = a.id "
            "ORDER BY a.rowid"
        ).fetchall()


def _big_text() -> str:
    return "The council debated the budget once more. " * 1_200_000  # 50.4 million characters


def test_a_50_mb_article_is_skipped_by_the_size_limit_in_bounded_memory(
    tmp_path: Path, baseline: Measured
) -> None:
    """The default ceiling (5,000,000 characters) refuses it before it is even parsed; the reader
    holds at most the line limit of it, and the small articles around it are analysed."""
    source = tmp_path / "dump.jsonl"
    with open(source, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"title": "harbour", "text": HARBOUR}) + "\n")
        stream.write(json.dumps({"title": "everything", "text": _big_text()}) + "\n")
        stream.write(json.dumps({"title": "orchard", "text": ORCHARD}) + "\n")
    db = tmp_path / "x.db"
    done = measured(tmp_path, "ingest", source, "--db", db)
    assert done.run.code == 0, done.run.err
    assert_no_traceback(done.run)
    [warning] = [line for line in done.run.err_lines if line.startswith("Warning: ")]
    assert warning.startswith(f"Warning: {source}:2: skipped: line of 50,400,0")
    assert warning.endswith("(raise it with --max-chars)")
    assert [title for title, _ in _stored(db)] == ["harbour", "orchard"]
    assert done.peak_mb < baseline.peak_mb + 150, f"{done.peak_mb:.0f} MB vs {baseline.peak_mb:.0f} MB"
    assert done.seconds < baseline.seconds + 60


def test_a_50_mb_article_stored_raw_with_the_limit_raised_in_bounded_memory(tmp_path: Path) -> None:
    """Raised past the ceiling, the raw path stores it whole (text and full-text index)."""
    source = tmp_path / "dump.jsonl"
    text = _big_text()
    with open(source, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"title": "everything", "text": text}) + "\n")
        stream.write(json.dumps({"title": "harbour", "text": HARBOUR}) + "\n")
    db = tmp_path / "x.db"
    done = measured(tmp_path, "ingest", source, "--db", db, "--no-analyze", "--max-chars", 60_000_000)
    assert done.run.code == 0, done.run.err
    assert parse_summary(done.run).new == 2
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT title, n_chars FROM articles ORDER BY rowid").fetchall()
        hits = connection.execute(
            "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'debated'"
        ).fetchone()[0]
    assert rows == [("everything", len(text.strip())), ("harbour", len(HARBOUR))]
    assert hits == 1
    # the text is held a few times over (JSON line, decoded, cleaned, encoded for SQLite); not more
    assert done.peak_mb < 8 * len(text) / 1e6, f"peak RSS {done.peak_mb:.0f} MB"
    assert done.seconds < 120


def test_html_nested_100000_deep_in_bounded_memory(tmp_path: Path, baseline: Measured) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>" + "<div>" * 100_000 + f"<p>{BRIDGE}</p>" + "</div>" * 100_000 + "</body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    done = measured(tmp_path, "ingest", page, "--db", db)
    assert_no_traceback(done.run)
    # an article, or one clear refusal of the page naming it; the run goes on either way
    assert done.run.code == 0, done.run.err
    warnings = [line for line in done.run.err_lines if line.startswith("Warning: ")]
    if parse_summary(done.run).new == 1:
        assert len(_stored(db)) == 1 and not warnings
    else:
        assert len(warnings) == 1 and warnings[0].startswith(f"Warning: {page}: skipped: ")
    assert done.peak_mb < baseline.peak_mb + 200, f"{done.peak_mb:.0f} MB vs {baseline.peak_mb:.0f} MB"
    assert done.seconds < baseline.seconds + 60


def test_a_10000_character_token_in_bounded_memory(tmp_path: Path, baseline: Measured) -> None:
    source = tmp_path / "token.txt"
    source.write_text(
        "Officials said " + "x" * 10_000 + " was found in Basra on Monday.\n\n" + HARBOUR, encoding="utf-8"
    )
    done = measured(tmp_path, "analyze", source, "--date", "2022-01-03", "--json")
    assert done.run.code == 0, done.run.err
    assert_no_traceback(done.run)
    [record] = [json.loads(line) for line in done.run.out.splitlines()]
    body = record["article"]["text"]
    assert "x" * 10_000 in body
    for item in record["entities"] + record["places"] + record["timexes"]:
        assert body[item["start"] : item["end"]] == item["text"]
    assert done.peak_mb < baseline.peak_mb + 150, f"{done.peak_mb:.0f} MB vs {baseline.peak_mb:.0f} MB"
    assert done.seconds < baseline.seconds + 60


def test_a_long_text_hashed_in_pieces_has_the_id_of_the_whole() -> None:
    """Long texts get their id piece by piece (bounded memory); the id must not change."""
    rng = random.Random(7)
    alphabet = ["a", "b", "xyz", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\u3000", "\u0645"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        whole = hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()
        for piece in (1, 2, 5, 13, 1000):
            assert _piecewise_id(text, piece) == whole, (text, piece)
    text = "The council met. " * 70_000 + "x" * 20_000  # over the piece size, ending in a long word
    assert article_id(text) == hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()
