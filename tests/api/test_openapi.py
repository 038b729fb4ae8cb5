"""The document is the contract: every /api/v1 operation requires the acting user, has a
summary, lists the real error body on every error status it can answer, and every schema
and parameter carries an example the API itself accepts."""

from __future__ import annotations

import pytest
from marshmallow import Schema
from openapi_spec_validator import validate

from graphsvc.api.examples import example_for

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get("/openapi.json").json


def operations(spec):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_every_operation_requires_the_acting_user_and_has_a_summary(spec):
    validate(spec)
    ops = [(p, m, o) for p, m, o in operations(spec) if p.startswith("/api/v1/")]
    assert len(ops) > 150
    assert [(p, m) for p, m, o in ops if o.get("security") != [{"ActingUser": []}]] == []
    assert [(p, m) for p, m, o in ops if not o.get("summary")] == []
    scheme = spec["components"]["securitySchemes"]["ActingUser"]
    assert scheme == {"type": "apiKey", "in": "header", "name": "X-Acting-User",
                      "description": "the uid of an active user"}


def test_every_error_status_is_documented_with_the_real_body(spec):
    responses = spec["components"]["responses"]
    for path, method, op in operations(spec):
        if not path.startswith("/api/v1/"):
            continue
        statuses = {s for s in op["responses"] if s != "default" and int(s) >= 400}
        assert {"401", "422", "503"} <= statuses, (path, method)
        if "{" in path:
            assert "404" in statuses, (path, method)
        if method != "get":
            assert {"400", "409", "415"} <= statuses, (path, method)
        assert "default" not in op["responses"], (path, method)
        for status in statuses:
            ref = op["responses"][status]["$ref"].rsplit("/", 1)[-1]
            schema = responses[ref]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)
    body = spec["components"]["schemas"]["ErrorBody"]
    detail = spec["components"]["schemas"]["ErrorDetail"]
    assert body["required"] == ["error"]
    assert set(detail["properties"]) == {"code", "message", "fields", "details", "request_id"}
    # admin-only routes say so, and so do routes whose service checks rights itself
    assert "403" in spec["paths"]["/api/v1/locations"]["post"]["responses"]
    assert "403" in spec["paths"]["/api/v1/access/contacts/{uid}"]["get"]["responses"]
    assert "403" not in spec["paths"]["/api/v1/locations"]["get"]["responses"]


def test_documented_errors_are_the_answered_ones(api, admin):
    """The body a 404, 409 and 415 really carry fits the documented ErrorBody."""
    from graphsvc.api.contract import ErrorBody

    answers = [api.get("/api/v1/locations/nowhere"),
               api.post("/api/v1/locations", json={"uid": "x", "code": "X", "name": "X"}),
               api.post("/api/v1/locations", json={"uid": "x", "code": "Y", "name": "Y"}),
               api.client.post("/api/v1/locations", data=b"x",
                               headers={"X-Acting-User": "admin", "Content-Type": "text/plain"})]
    assert [a.status_code for a in answers] == [404, 201, 409, 415]
    for answer in (answers[0], answers[2], answers[3]):
        assert ErrorBody().validate(answer.json) == {}, answer.json


def test_every_schema_and_parameter_has_an_example(spec):
    schemas = spec["components"]["schemas"]
    assert [n for n, s in schemas.items() if "example" not in s] == []
    missing = [(p, m, prm["name"]) for p, m, o in operations(spec)
               for prm in o.get("parameters", [])
               if "example" not in prm and prm["name"] != "cursor"]
    assert missing == []


def _argument_schemas(app):
    for endpoint, view in app.view_functions.items():
        for argument in (getattr(view, "_apidoc", {}).get("arguments", {})
                         .get("parameters", [])):
            schema = argument["schema"]
            yield endpoint, argument.get("location", "json"), \
                schema() if isinstance(schema, type) else schema


def test_every_request_example_is_accepted_by_its_own_schema(app):
    checked = 0
    for endpoint, location, schema in _argument_schemas(app):
        assert isinstance(schema, Schema)
        example = example_for(schema)
        errors = schema.validate(example)
        assert errors == {}, (endpoint, location, example, errors)
        checked += 1
    assert checked > 60
