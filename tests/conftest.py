"""Shared fixtures and helpers for the tidings test suite.

Every article text below was written for these tests; none is copied from ../shared or examples/.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = REPO / "examples"
SEED_FILE = SHARED / "seed" / "000_0cbdc410b123fccd.txt"

# -- article texts written for the tests ----------------------------------------------------------

HARBOUR = (
    "The city harbour reopened on Tuesday after a week of repairs to the main quay, the port "
    "authority said.\n\nFishing boats that had been diverted to a neighbouring town began returning "
    "in the afternoon, and the first catch was sold at the market before dark."
)
BRIDGE = (
    "Engineers closed the old river bridge on Wednesday after inspectors found cracks in two of its "
    "stone supports.\n\nDrivers were told to use the ring road, adding about twenty minutes to the "
    "journey into the centre."
)
LIBRARY = (
    "A new public library opened in the town centre on Saturday with space for forty thousand books "
    "and a reading garden on the roof.\n\nThe mayor said it was the largest building project the town "
    "had finished in a decade."
)
ORCHARD = (
    "Firefighters contained a blaze that swept through an apple orchard on the edge of the village on "
    "Tuesday afternoon.\n\nNo one was hurt, but the owner said most of this year's crop had been lost."
)
FERRY = (
    "Ferry workers returned to their posts on Wednesday after a two-day strike over pay ended with a "
    "revised offer.\n\nThe union said its members had voted by a large majority to accept the deal."
)
MUSEUM = (
    "Two paintings stolen from a small regional museum thirty years ago were handed back on Monday "
    "after they surfaced at an auction abroad.\n\nThe director thanked the detectives who traced them "
    "and said both landscapes would go on display again next month."
)
KADHIMI = (
    "Prime Minister Mustafa al-Kadhimi chaired a meeting of the national security council on Sunday "
    "to review the protection of government buildings in the capital.\n\nOfficials said new "
    "checkpoints would be set up around the ministries before the end of the week."
)
FRENCH = (
    "Les habitants du quartier ont inauguré samedi un nouveau marché couvert, après deux années de "
    "travaux et plusieurs retards.\n\nLe maire a salué un projet attendu depuis longtemps par les "
    "commerçants, qui pourront désormais vendre à l'abri de la pluie."
)
ARABIC = (
    "أعلنت وزارة الصحة يوم الأحد افتتاح مستشفى جديد في المدينة لخدمة آلاف السكان في الأحياء الشمالية."
    "\n\nوقال الوزير إن المستشفى سيضم مئتي سرير وقسما للطوارئ يعمل على مدار الساعة."
)


def norm(text: str) -> str:
    """Whitespace-collapsed text, to compare texts whatever their paragraph breaks."""
    return " ".join(text.split())


def write_jsonl(path: Path, records: Iterable[dict[str, Any] | str]) -> Path:
    """Write records (dicts, or raw strings for broken lines) as JSON Lines."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def html_page(
    title: str,
    paragraphs: list[str],
    *,
    site: str | None = "Hilltop Chronicle",
    published: str | None = "2022-08-15T09:30:00+02:00",
) -> str:
    """A news page with navigation, a cookie banner and a footer around the article body."""
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {site or 'News'}</title>{meta}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav>"
        "<div class='cookie-banner'>We use cookies to improve your experience. Accept all cookies?</div>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<aside class='related'><h3>Related stories</h3><ul><li><a href='/a'>Pigeon race delayed</a></li>"
        "<li><a href='/b'>Bakery wins award</a></li></ul></aside>"
        "<footer><p>Copyright Hilltop Chronicle. Subscribe to our newsletter for daily headlines.</p>"
        "</footer></body></html>"
    )


# -- running the CLI -------------------------------------------------------------------------------


@dataclass
class Run:
    """What a tidings command did: exit code, standard output and standard error."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture(autouse=True)
def _no_env_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIDINGS_DB", raising=False)
    monkeypatch.delenv("TIDINGS_DEBUG", raising=False)


@pytest.fixture
def tidings(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``tidings.cli.main`` in-process, as the ``tidings`` command does, and capture it."""
    from tidings.cli import main

    def run(*args: str | os.PathLike[str]) -> Run:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        code = exited.value.code
        return Run(code if isinstance(code, int) else 0, captured.out, captured.err)

    return run


def run_subprocess(
    *args: str | os.PathLike[str], input: bytes | None = None, cwd: Path | None = None, timeout: float = 120
) -> Run:
    """Run ``python -m tidings ARGS`` in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-m", "tidings", *[str(a) for a in args]],
        input=input,
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        env={k: v for k, v in os.environ.items() if k not in ("TIDINGS_DB", "TIDINGS_DEBUG")},
    )
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


# -- reading results -------------------------------------------------------------------------------


def query(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` on the database file ``db`` (opened directly with sqlite3)."""
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def stored_articles(db: Path) -> list[dict[str, Any]]:
    """Every stored article with its sightings, through the store's own reader."""
    from tidings.store import Store

    with Store.open(db, readonly=True) as store:
        return list(store.articles())


def read_all(paths: list[str | Path], **options: Any) -> list[Any]:
    """Every item ``read_inputs`` yields for ``paths`` with ``ReadOptions(**options)``."""
    from tidings.ingest.base import ReadOptions
    from tidings.ingest.sources import read_inputs

    return list(read_inputs([str(p) for p in paths], ReadOptions(**options)))


def articles_of(items: list[Any]) -> list[Any]:
    from tidings.models import Article

    return [item for item in items if isinstance(item, Article)]


def summary_line(run: Run) -> str:
    """The ``Stored …`` summary line of an ingest run."""
    lines = [line for line in run.err_lines if line.startswith("Stored ")]
    assert len(lines) == 1, run.err
    return lines[0]


@dataclass
class Summary:
    """The summary line ``Stored N new articles in DB (M already stored; …).``, taken apart."""

    new: int
    db: str
    parts: list[str]

    def part(self, suffix: str) -> str | None:
        """The part that ends with (or, for ``skipped``, contains) ``suffix``, if any."""
        for part in self.parts:
            if part.endswith(suffix) or f" {suffix}" in part:
                return part
        return None


_SUMMARY = re.compile(r"^Stored ([\d,]+) new articles? in (.+) \((.*)\)\.$")


def parse_summary(run: Run) -> Summary:
    match = _SUMMARY.match(summary_line(run))
    assert match, run.err
    return Summary(int(match.group(1).replace(",", "")), match.group(2), match.group(3).split("; "))


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err
    assert "Traceback" not in run.out
    assert "internal error" not in run.err


def requires_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} is absent")
    return path


def write_warc(
    path: Path,
    responses: list[tuple[str, bytes, str]],
    *,
    gz: bool,
    warc_date: str = "2022-11-01T12:00:00Z",
    status: str = "200 OK",
) -> Path:
    """A WARC file (gzipped per record when ``gz``) with a warcinfo record and one response record
    per ``(uri, payload, content_type)``, written with warcio's WARCWriter."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tidings tests"}))
        for uri, payload, content_type in responses:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": warc_date},
            )
            writer.write_record(record)
    return path


# -- counting generated hostile-input cases (reported at the end of the run) ----------------------

_HOSTILE_CASES: dict[str, int] = {}


def count_case(kind: str) -> None:
    """Count one generated hostile-input case of ``kind`` (readers, analyze, store, …)."""
    _HOSTILE_CASES[kind] = _HOSTILE_CASES.get(kind, 0) + 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _HOSTILE_CASES:
        total = sum(_HOSTILE_CASES.values())
        parts = ", ".join(f"{kind} {n:,}" for kind, n in sorted(_HOSTILE_CASES.items()))
        terminalreporter.write_line(f"hostile-input cases run: {total:,} ({parts})")


def acled_coded(note: str, day: str = "2023-05-02") -> dict[str, Any]:
    """The ACLED export row of a note's primary event, as the ACLED evaluator reads it (the note
    must yield one)."""
    from tidings.eval.acled import predicted_events, primary_event
    from tidings.store.exports import acled_row

    event = primary_event(predicted_events(note, day))
    assert event is not None, note
    return acled_row(event)


def acled_types(note: str, day: str = "2024-05-06") -> tuple[str | None, str | None]:
    """The event and sub-event type of a note's primary event, as the ACLED evaluator reads it."""
    from tidings.eval.acled import predicted_events, primary_event

    event = primary_event(predicted_events(note, day))
    if event is None:
        return (None, None)
    return (event.get("event_type"), event.get("sub_event_type"))


def acled_all_types(note: str, day: str = "2024-05-06") -> list[tuple[Any, Any]]:
    """The event and sub-event types of every event of a note."""
    from tidings.eval.acled import predicted_events

    return [(r.get("event_type"), r.get("sub_event_type")) for r in predicted_events(note, day)]
