"""Fail fast, say why, recover: the API on a second Neo4j server of its own, which the test
stops and starts again. With the database down every request answers 503
`database_unavailable` within 2 seconds in plain words; once it is back the same app answers
again, without a restart."""

from __future__ import annotations

import time

import pytest

from graphsvc import localdb
from graphsvc.app import create_app
from graphsvc.config import PROJECT_ROOT, Settings
from graphsvc.db import Graph
from graphsvc.schema import migrate
from tests import factories as f
from tests.helpers import own_server

HOME = PROJECT_ROOT / ".neo4j-test-outage"


@pytest.fixture
def second_server():
    with own_server(HOME, "outage-password") as server:
        yield server


def timed(call):
    started = time.monotonic()
    res = call()
    return res, time.monotonic() - started


def test_database_down_is_503_within_2_seconds_and_the_api_recovers(second_server):
    settings = Settings(neo4j_uri=second_server.bolt_uri, neo4j_user="neo4j",
                        neo4j_password=second_server.password)
    graph = Graph(settings)
    app = create_app({"TESTING": True, "GRAPHSVC_SETTINGS": settings})
    client = app.test_client()
    res = client.get("/readyz")  # reachable, but not migrated yet
    assert res.status_code == 503, res.json
    assert res.json == {"ready": False, "database": "reachable", "schema": "not migrated"}
    migrate(graph)
    assert client.get("/readyz").status_code == 200
    f.admin(graph)
    f.location(graph, "bergen")
    graph.close()
    headers = {"X-Acting-User": "admin"}
    assert client.get("/api/v1/locations", headers=headers).status_code == 200

    localdb.stop(second_server, echo=lambda m: None)
    calls = {
        "read": lambda: client.get("/api/v1/locations", headers=headers),
        "write": lambda: client.post("/api/v1/locations", headers=headers,
                                     json={"uid": "oslo", "code": "OSL", "name": "Oslo"}),
        "booking": lambda: client.post("/api/v1/bookings", headers=headers, json={
            "contact": "c", "meeting_type": "m", "mode": "online", "advisor": "admin",
            "start": "2030-12-03T09:00:00+00:00"}),
    }
    for name, call in calls.items():
        res, seconds = timed(call)
        assert res.status_code == 503, (name, res.json)
        assert seconds < 2.0, (name, seconds)
        error = res.json["error"]
        assert error["code"] == "database_unavailable"
        assert error["message"] == "The database is not reachable right now; try again shortly."
        assert res.headers["Retry-After"] == "1"
    res = client.get("/readyz")
    assert res.status_code == 503 and res.json["ready"] is False
    assert client.get("/livez").status_code == 200

    localdb.start(second_server, echo=lambda m: None)
    res = client.get("/api/v1/locations", headers=headers)
    assert res.status_code == 200, res.json
    assert [loc["uid"] for loc in res.json["items"]] == ["bergen"]
    assert client.get("/readyz").status_code == 200
    app.extensions["graphsvc.graph"].close()
