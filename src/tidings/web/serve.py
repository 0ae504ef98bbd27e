"""Running the web app: a real server (uvicorn) or one request answered in process (``--get``)."""

from __future__ import annotations

from typing import Any

from tidings.errors import TidingsError
from tidings.store.db import Store


def check_database(path: str) -> None:
    """Fail early, with the store's own error and hint, if ``path`` cannot be served."""
    with Store.open(path, readonly=True):
        pass


def get(path: str, url: str) -> tuple[int, str]:
    """Answer one GET request for ``url`` in process (no socket): status and body."""
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    check_database(path)
    with TestClient(create_app(path), raise_server_exceptions=False) as client:
        response = client.get(url if url.startswith("/") else f"/{url}")
    return response.status_code, response.text


def serve(path: str, host: str, port: int, echo: Any = print) -> None:
    """Serve the database at ``path`` on ``host:port`` until interrupted."""
    import uvicorn

    from tidings.web.app import create_app

    check_database(path)
    if not 0 < port < 65536:
        raise TidingsError(f"port {port} is out of range", hint="use a port between 1 and 65535", code=2)
    config = uvicorn.Config(create_app(path), host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    echo(f"Serving {path} at http://{shown}:{port}/ (Ctrl-C stops)")
    server.run()
    if not server.started:
        raise TidingsError(
            f"cannot listen on {host}:{port}", hint="is another program using that port? try --port 8001"
        )
