"""The read-only web app: a FastAPI application over one tidings database.

``create_app(path)`` opens nothing until the first request; each worker thread then keeps its own
read-only SQLite connection (``mode=ro`` and ``PRAGMA query_only``), so the app answers while
``tidings ingest`` writes to the same file (WAL). Every error has one shape,
``{"ok": false, "error": "…", "status": 400}``; bad parameters are 4xx, never 500.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.errors import StoreError
from tidings.store.db import Store

STATIC = Path(str(files("tidings") / "web" / "static"))

#: The page loads only its own files: an article's text can never bring a script, a frame or a
#: remote image into it, whatever slips past the rendering.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


#: Page cache of each read connection, in KiB.
CACHE_KIB = 65_536


class Database:
    """One read-only connection per thread to the database at ``path``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (opened on first use)."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            store = Store.open(self.path, readonly=True)
            connection = store.connection
            connection.execute("PRAGMA query_only = ON")
            # the indexes' inner pages stay in this connection's cache (SQLite's default is 2 MiB)
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._local.connection = connection
        yield connection


class ApiError(Exception):
    """A request the API refuses: ``status`` is the HTTP status, ``message`` says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str) -> JSONResponse:
    """The API's one error shape."""
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def create_app(path: str) -> FastAPI:
    """The web app over the tidings database at ``path`` (read only)."""
    from tidings.web.routes import router

    app = FastAPI(
        title="tidings",
        version=__version__,
        description="Events, articles and stories from a tidings database (read only).",
    )
    app.state.db = Database(path)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path"))
            problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
        return error_response(400, "; ".join(problems) or "invalid request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, f"{exc.message} ({exc.hint})" if exc.hint else exc.message)

    @app.exception_handler(sqlite3.OperationalError)
    async def sqlite_error(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        if "fts5" in str(exc) or "syntax error" in str(exc):
            return error_response(400, f"invalid search query: {exc}")
        return error_response(503, f"database busy or unavailable: {exc}")

    return app
