"""Every API route against its own OpenAPI description (schemathesis): generated parameters, valid
and invalid, never get a 500, and every error has the one error shape."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import webdata
from tidings.web import create_app

schemathesis = pytest.importorskip("schemathesis")

DB = webdata.build(Path(tempfile.mkdtemp(prefix="tidings-fuzz-")) / "web.db")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(DB)))


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_route_answers_500_and_errors_have_one_shape(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert body["ok"] is False and body["status"] == response.status_code and body["error"]
