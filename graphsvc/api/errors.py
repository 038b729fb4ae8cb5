"""One place that turns errors into the API.md body:
`{"error": {"code", "message", "fields": {field: [reason]}}}`."""

from __future__ import annotations

from flask import Flask, jsonify
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired
from werkzeug.exceptions import HTTPException

from graphsvc.errors import ServiceError


def error_body(status: int, code: str, message: str, fields: dict | None = None,
               details: dict | None = None):
    error = {"code": code, "message": message, "fields": fields or {}}
    if details:
        error["details"] = details
    return jsonify({"error": error}), status


def _flatten(messages, prefix: str = "") -> dict[str, list[str]]:
    """webargs nests errors by location and field; the contract wants `field: [reasons]`."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, list):
        out[prefix or "_schema"] = [str(m) for m in messages]
        return out
    for key, value in messages.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            out.update(_flatten(value, name))
        else:
            out[name] = [str(m) for m in value]
    return out


def handle_service_error(exc: ServiceError):
    return error_body(exc.status, exc.code, exc.message, exc.fields, exc.details)


def handle_http_exception(exc: HTTPException):
    data = getattr(exc, "data", None) or {}
    if exc.code == 422 and "messages" in data:
        # webargs validation: strip the location level (json/query/...).
        fields: dict[str, list[str]] = {}
        for messages in data["messages"].values():
            fields.update(_flatten(messages))
        return error_body(422, "invalid", "The request does not fit the schema.", fields)
    if exc.code == 400:
        return error_body(400, "malformed", exc.description or "Malformed request.")
    code = (exc.name or "error").lower().replace(" ", "_")
    return error_body(exc.code or 500, code, exc.description or exc.name)


def handle_unavailable(exc: Exception):
    return error_body(503, "database_unavailable", f"Neo4j is not reachable: {exc}")


def handle_client_error(exc: ClientError):
    """A query that ran past its timeout is 503 (try again); any other is a bug: 500."""
    if "TransactionTimedOut" in (exc.code or ""):
        return error_body(503, "query_timeout",
                          "The question took longer than the query timeout; try a narrower one.")
    raise exc


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ServiceError, handle_service_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ServiceUnavailable, handle_unavailable)
    app.register_error_handler(SessionExpired, handle_unavailable)
    app.register_error_handler(ClientError, handle_client_error)
