"""One place that turns errors into the API.md body:
`{"error": {"code", "message", "fields": {field: [reason]}}}`."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from neo4j.exceptions import (
    ClientError,
    DatabaseError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from werkzeug.exceptions import HTTPException

from graphsvc.errors import DatabaseUnavailable, ServiceError
from graphsvc.observability import request_id

log = logging.getLogger("graphsvc.api")

RETRY_AFTER_SECONDS = 1
# Lock waits and transactions stopped by the server's timeout: the database is busy, not
# broken; the same request may succeed a moment later.
_BUSY_CODES = ("LockClientStopped", "TransactionTimedOut", "Transaction.Terminated",
               "DeadlockDetected", "LockAcquisitionTimeout")


def error_body(status: int, code: str, message: str, fields: dict | None = None,
               details: dict | None = None, headers: dict | None = None):
    error = {"code": code, "message": message, "fields": fields or {}}
    if details:
        error["details"] = details
    rid = request_id()
    if rid:
        error["request_id"] = rid
    return jsonify({"error": error}), status, headers or {}


def flatten_messages(messages, prefix: str = "") -> dict[str, list[str]]:
    """webargs nests errors by location and field; the contract wants `field: [reasons]`."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, list):
        out[prefix or "_schema"] = [str(m) for m in messages]
        return out
    for key, value in messages.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            out.update(flatten_messages(value, name))
        else:
            out[name] = [str(m) for m in value]
    return out


def handle_service_error(exc: ServiceError):
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if exc.status == 503 else None
    return error_body(exc.status, exc.code, exc.message, exc.fields, exc.details,
                      headers=headers)


def handle_http_exception(exc: HTTPException):
    data = getattr(exc, "data", None) or {}
    if exc.code == 422 and "messages" in data:
        # webargs validation: strip the location level (json/query/...).
        fields: dict[str, list[str]] = {}
        for messages in data["messages"].values():
            fields.update(flatten_messages(messages))
        return error_body(422, "invalid", "The request does not fit the schema.", fields)
    # Allow on 405 and the like travel on; the body is always ours.
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    if exc.code == 400:
        return error_body(400, "malformed", exc.description or "Malformed request.",
                          headers=headers)
    code = (exc.name or "error").lower().replace(" ", "_")
    return error_body(exc.code or 500, code, exc.description or exc.name, headers=headers)


def handle_unavailable(exc: Exception):
    """The driver's own words (addresses, resolver internals) go to the log only."""
    log.warning("Neo4j unavailable: %s", exc)
    return _busy(DatabaseUnavailable().message, code="database_unavailable")


def _busy(message: str, code: str = "busy"):
    return error_body(503, code, message,
                      headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def handle_database_error(exc: ClientError | DatabaseError | TransientError):
    """A lock wait or a query past the timeout is 503 with Retry-After (try again); a
    transient error left after the driver's retries likewise; anything else is a bug:
    500 in the same body, the details in the log only."""
    code = exc.code or ""
    if "TransactionTimedOut" in code and "Lock" not in (exc.message or ""):
        return _busy("The question took longer than the query timeout; try a narrower one.",
                     code="query_timeout")
    if isinstance(exc, TransientError) or any(c in code for c in _BUSY_CODES):
        return _busy("The database is busy with a conflicting change; retry shortly.")
    log.exception("database error %s", code)
    return error_body(500, "internal_error", "The database refused the request.")


def handle_unexpected(exc: Exception):
    log.exception("unexpected error")
    return error_body(500, "internal_error", "Something went wrong on our side.")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ServiceError, handle_service_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ServiceUnavailable, handle_unavailable)
    app.register_error_handler(SessionExpired, handle_unavailable)
    app.register_error_handler(ClientError, handle_database_error)
    app.register_error_handler(DatabaseError, handle_database_error)
    app.register_error_handler(TransientError, handle_database_error)
    if not app.testing:
        # In tests an unexpected error should fail loudly with its traceback.
        app.register_error_handler(Exception, handle_unexpected)
