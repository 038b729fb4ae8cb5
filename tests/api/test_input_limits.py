"""No 500 from input: each hostile or sloppy input answers a 4xx in the API.md error body,
names the field where there is one, and writes nothing."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from graphsvc.pagination import encode_cursor
from tests import factories as f
from tests.helpers import ApiClient

HEADERS = {"X-Acting-User": "admin", "Content-Type": "application/json"}


@pytest.fixture
def world(api, admin, clean_graph):
    g = clean_graph
    f.branch(g)
    f.contact(g, "cust", home="bergen", category="private", directories=["public"])
    return g


def counts(graph):
    return graph.read_one("system/count_all")


def raw_post(api, path: str, data: bytes):
    return api.client.post(path, data=data, headers=HEADERS)


def error(res, status: int, code: str | None = None) -> dict:
    assert res.status_code == status, (res.status_code, res.data[:300])
    assert res.is_json, res.data[:300]
    err = res.json["error"]
    if code:
        assert err["code"] == code, err
    return err


def test_json_nested_100000_deep_is_400(api, world):
    before = counts(world)
    err = error(raw_post(api, "/api/v1/locations", b"[" * 100_000 + b"]" * 100_000), 400,
                "malformed")
    assert "nested deeper" in err["message"]
    body = b'{"uid": "x", "name": ' + b"[" * 40 + b"]" * 40 + b"}"
    error(raw_post(api, "/api/v1/locations", body), 400, "malformed")
    assert counts(world) == before


def test_body_over_the_size_limit_is_413(api, world):
    big = b'{"uid": "x", "name": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    error(raw_post(api, "/api/v1/locations", big), 413)


def test_broken_json_names_the_position(api, world):
    before = counts(world)
    err = error(raw_post(api, "/api/v1/locations", b'{"uid": "x",, }'), 400, "malformed")
    assert "column 13" in err["message"] and err["details"]["position"] == 12
    assert counts(world) == before


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_415(api, world, content_type):
    before = counts(world)
    headers = {"X-Acting-User": "admin", **({"Content-Type": content_type} if content_type
                                            else {})}
    res = api.client.post("/api/v1/locations", data=b'{"uid": "x", "code": "X", "name": "x"}',
                          headers=headers)
    err = error(res, 415, "unsupported_media_type")
    assert "Content-Type" in err["fields"]
    assert counts(world) == before
    # JSON with a charset is JSON; a POST with no body at all is not refused for its type.
    res = api.client.post("/api/v1/locations", data=b'{"uid": "x", "code": "X", "name": "x"}',
                          headers={**HEADERS, "Content-Type": "application/json; charset=utf-8"})
    assert res.status_code == 201, res.json
    res = api.client.post("/api/v1/locations", headers={"X-Acting-User": "admin"})
    assert res.status_code == 422, res.json


@pytest.mark.parametrize("raw, field, reason", [
    (b'{"uid": "x", "code": "X", "name": "\\ud800"}', "name", "lone surrogate"),
    (b'{"uid": "x", "code": "X", "name": "a\\u0000b"}', "name", "NUL"),
    (b'{"uid": "x", "code": "X", "name": "ok", "\\udfff": 1}', "?", "lone surrogate"),
])
def test_strings_with_nul_or_lone_surrogates_are_refused(api, world, raw, field, reason):
    before = counts(world)
    err = error(raw_post(api, "/api/v1/locations", raw), 422, "invalid")
    [(name, [message])] = err["fields"].items()
    assert field in name and reason in message
    assert counts(world) == before


def test_nul_in_query_or_path_is_refused(api, world):
    err = error(api.get("/api/v1/contacts?cursor=a%00b"), 422)
    assert "cursor" in err["fields"]
    err = error(api.get("/api/v1/locations/a%00b"), 422)
    assert err["fields"] == {"uid": ["must not contain NUL"]}


def test_overlong_strings_are_refused_and_documented(api, world):
    res = api.post("/api/v1/users", json={"uid": "long", "name": "Long",
                                          "email": "a" * 5000 + "@bank.example"})
    err = error(res, 422, "invalid")
    assert "email" in err["fields"]
    spec = api.get("/openapi.json").json["components"]["schemas"]
    assert spec["UserIn"]["properties"]["email"]["maxLength"] == 254
    assert spec["UserIn"]["properties"]["uid"]["maxLength"] == 100


def test_every_input_string_has_a_documented_bound(api):
    spec = api.get("/openapi.json").json
    schemas = spec["components"]["schemas"]
    unbounded: set[str] = set()

    def walk(sch, where, seen):
        if "$ref" in sch:
            name = sch["$ref"].split("/")[-1]
            if name not in seen:
                seen.add(name)
                walk(schemas[name], name, seen)
            return
        kind = sch.get("type")
        if kind == "string" and not ({"maxLength", "enum"} & set(sch)):
            unbounded.add(where)
        if "items" in sch:
            walk(sch["items"], where + "[]", seen)
        for name, prop in sch.get("properties", {}).items():
            walk(prop, f"{where}.{name}", seen)

    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            if not isinstance(op, dict):
                continue
            for parameter in op.get("parameters", []):
                if parameter["in"] == "query":
                    walk(parameter["schema"], f"{method} {path} ?{parameter['name']}", set())
            for content in op.get("requestBody", {}).get("content", {}).values():
                walk(content["schema"], f"{method} {path}", set())
    assert not unbounded, sorted(unbounded)


@pytest.mark.parametrize("start", ["9999-12-31T23:45:00+00:00", "0001-01-01T00:00:00+00:00",
                                   "2300-01-01T00:00:00+00:00"])
def test_datetimes_outside_the_sane_range_are_refused(api, world, start):
    before = counts(world)
    res = api.post("/api/v1/bookings", json={"contact": "cust", "meeting_type": "mortgage",
                                             "mode": "online", "start": start,
                                             "advisor": "kari"})
    err = error(res, 422, "invalid")
    assert err["fields"] == {"start": ["must lie between 1900-01-01 and 2199-12-31"]}
    err = error(api.get("/api/v1/availability?contact=cust&meeting_type=mortgage&mode=online"
                        f"&from={start.replace('+', '%2B')}&to=2030-12-04T00:00:00%2B00:00"),
                422)
    assert "from" in err["fields"]
    assert counts(world) == before


def test_unknown_query_parameters_are_422(api, world):
    err = error(api.get("/api/v1/contacts?sort=x"), 422, "invalid")
    assert err["fields"] == {"sort": ["unknown query parameter"]}
    err = error(api.get("/api/v1/contacts/cust?expand=1&limit=3"), 422)
    assert set(err["fields"]) == {"expand", "limit"}
    assert api.get("/api/v1/contacts?limit=3").status_code == 200


@pytest.mark.parametrize("key", [42, ["a"], {"uid": "a"}, None])
def test_cursors_that_decode_to_other_things_are_422(api, world, key):
    err = error(api.get(f"/api/v1/contacts?cursor={encode_cursor(key)}"), 422)
    assert err["fields"] == {"cursor": ["not a cursor this API issued"]}


def test_patch_without_a_field_is_422(api, world):
    err = error(api.client.patch("/api/v1/locations/bergen", headers=HEADERS), 422)
    assert err["fields"] == {"_schema": ["name at least one field to change"]}
    error(api.patch("/api/v1/contacts/cust", json={}), 422)


def test_404_405_and_414_are_json(api, world):
    error(api.get("/api/v1/no-such-thing"), 404, "not_found")
    res = api.put("/api/v1/locations", json={})
    error(res, 405, "method_not_allowed")
    assert set(res.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    error(api.get("/api/v1/contacts?cursor=" + "a" * 5000), 414, "uri_too_long")


def test_a_booking_waiting_on_a_held_lock_past_the_timeout_is_503_busy(world, neo4j_settings):
    """A transaction holds the advisor's lock; the booking waits on it until the (short)
    query timeout stops it: 503 `busy` with Retry-After, nothing written."""
    from graphsvc.app import create_app
    from graphsvc.db import Graph

    app = create_app({"TESTING": True,
                      "GRAPHSVC_SETTINGS": replace(neo4j_settings, query_timeout=1.0)})
    client = ApiClient(app.test_client())
    holder = Graph(neo4j_settings)
    held, release = threading.Event(), threading.Event()

    def hold(tx):
        tx.run("MATCH (u:User {uid: 'kari'}) SET u.booking_lock = 1").consume()
        held.set()
        release.wait(10)
        raise RuntimeError("roll back")  # never commit the lock holder's change

    thread = threading.Thread(target=lambda: pytest.raises(RuntimeError, holder.write_tx, hold))
    thread.start()
    try:
        assert held.wait(10)
        before = counts(world)
        res = client.post("/api/v1/bookings", json={
            "contact": "cust", "meeting_type": "mortgage", "mode": "online",
            "start": "2030-12-03T10:00:00+00:00", "advisor": "kari"})
        err = error(res, 503, "busy")
        assert res.headers["Retry-After"] == "1" and "retry" in err["message"]
    finally:
        release.set()
        thread.join()
        holder.close()
        app.extensions["graphsvc.graph"].close()
    assert counts(world) == before
