"""The OpenAPI document as the contract: written through flask-smorest and apispec, never by
hand. One error schema (the real body), the error statuses each operation can answer, the
acting-user requirement on every /api/v1 operation, and a realistic example on every schema
and parameter."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from apispec import BasePlugin
from flask import Flask
from flask_smorest import Api
from marshmallow import Schema, fields

from graphsvc.api import inputs
from graphsvc.api.common import ACCESS_ATTRIBUTE, ACTING_USER_HEADER
from graphsvc.api.examples import example_for, value_for
from graphsvc.api.idempotency import IDEMPOTENT_ATTRIBUTE
from graphsvc.api.idempotency import PARAMETER_DOC as IDEMPOTENCY_HEADER

SECURITY_SCHEME = "ActingUser"
MAY_FORBID_ATTRIBUTE = "graphsvc_may_forbid"
BODY_METHODS = {method.lower() for method in inputs.BODY_METHODS}  # apispec spells them so


class ErrorDetail(Schema):
    code = fields.String(required=True, metadata={
        "description": "what happened, for programs: invalid, unknown_reference, not_found, "
                       "forbidden, unauthorized, duplicate, slot_taken, not_available, "
                       "last_admin, malformed, unsupported_media_type, busy, ...",
        "example": "not_available"})
    message = fields.String(required=True, metadata={
        "description": "what happened, for people",
        "example": "Advisor 'kari' cannot serve this request: the time condition fails."})
    fields_ = fields.Dict(data_key="fields", keys=fields.String(),
                          values=fields.List(fields.String()), required=True, metadata={
                              "description": "each field in error with its reasons ({} when "
                                             "no field is at fault)",
                              "example": {"advisor": ["fails the time condition"]}})
    details = fields.Dict(metadata={
        "description": "more, where the code has it: the failed condition and paths of a "
                       "refusal, the parser's line/column/position of malformed JSON",
        "example": {"failed": "time", "paths": []}})
    request_id = fields.String(metadata={
        "description": "the request's X-Request-Id (sent or made up), also in the logs",
        "example": "9f1c2e7a4b8d4f0e9a3c5b7d1e2f3a4b"})


class ErrorBody(Schema):
    """Every error answer: `{"error": {"code", "message", "fields", "details"?}}`."""

    error = fields.Nested(ErrorDetail, required=True)


class ContractApi(Api):
    ERROR_SCHEMA = ErrorBody
    # No catch-all "default" response: each status an operation can answer is listed, so
    # a client (and schemathesis' status check) can rely on the list.
    DEFAULT_ERROR_RESPONSE_NAME = None


def may_forbid(view):
    """Mark a view whose service answers 403 on its own (an admin-only variant of an open
    route, a team's members only), so the document lists 403 for it."""
    setattr(view, MAY_FORBID_ATTRIBUTE, True)
    return view


def error_statuses(method: str, path: str, view: Any) -> list[int]:
    """The error statuses an /api/v1 operation can answer, from how the API is built:
    every request names its user (401), may carry unknown query parameters (422), an
    overlong URL (414) and meet a busy or absent database (503); bodies may be malformed
    (400), too large (413) or not JSON (415); writes may conflict (409); a path that names an
    object may name nothing (404); a route with an access policy, or a service that checks
    rights of its own, may refuse (403)."""
    statuses = {401, 414, 422, 503}
    if method in BODY_METHODS:
        statuses |= {400, 409, 413, 415}
    if "{" in path:
        statuses.add(404)
    if getattr(view, ACCESS_ATTRIBUTE, None) or getattr(view, MAY_FORBID_ATTRIBUTE, False):
        statuses.add(403)
    return sorted(statuses)


class ContractPlugin(BasePlugin):
    """Runs after the marshmallow plugin, on every operation and schema it has resolved."""

    def __init__(self, app: Flask):
        self.app = app

    def schema_helper(self, name, definition, **kwargs):
        schema = kwargs.get("schema")
        if schema is None:
            return None
        instance = schema() if isinstance(schema, type) else schema
        return {"example": example_for(instance)}

    def operation_helper(self, path=None, operations=None, **kwargs):
        if not path or not path.startswith("/api/v1/"):
            return
        rule = kwargs.get("rule")
        view = self.app.view_functions.get(rule.endpoint) if rule is not None else None
        for method, operation in operations.items():
            operation.setdefault("security", [{SECURITY_SCHEME: []}])
            if getattr(view, IDEMPOTENT_ATTRIBUTE, False):
                operation.setdefault("parameters", []).append(IDEMPOTENCY_HEADER)
            responses = operation.setdefault("responses", {})
            for status in error_statuses(method, path, view):
                responses.setdefault(str(status), HTTPStatus(status).name)
            for parameter in operation.get("parameters", []):
                if isinstance(parameter, dict) and "example" not in parameter:
                    example = value_for(parameter.get("name", ""),
                                        parameter.get("schema") or {})
                    if example is not None:
                        parameter["example"] = example


def register_contract(app: Flask) -> ContractApi:
    api = ContractApi(app, spec_kwargs={
        "info": {"description": (
            "Org-chart decisions answered as Neo4j traversals. Every /api/v1 request names "
            f"its acting user in the {ACTING_USER_HEADER} header (Authorize with a user's "
            "uid). Errors always have the ErrorBody shape. Date-times are ISO 8601 with an "
            "offset; in a query string encode + as %2B.")},
        "extra_plugins": [ContractPlugin(app)]})
    api.spec.components.security_scheme(
        SECURITY_SCHEME, {"type": "apiKey", "in": "header", "name": ACTING_USER_HEADER,
                          "description": "the uid of an active user"})
    return api

