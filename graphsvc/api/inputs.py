"""What the API accepts before any schema sees a request: bounded URLs and bodies, JSON of
bounded depth, strings without NUL or lone surrogates, and only the query parameters the
route declares. Each refusal is a 4xx in the API.md error body, never a 500."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app, request
from flask_smorest import Blueprint
from marshmallow import Schema
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request

from graphsvc.errors import Invalid, Malformed, ServiceError

MAX_BODY_BYTES = 2 * 1024 * 1024  # 413 above (but for LARGE_BODIES)
MAX_URL_CHARS = 4096               # 414 above
LARGE_BODIES = {"import.run": 512 * 1024 * 1024}  # a bank's whole org in one document
MAX_JSON_DEPTH = 32                # 400 above
# Taken by every route (see graphsvc.api.consistency).
GLOBAL_QUERY_PARAMETERS = {"consistency_token"}
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_FORBIDDEN_CHARS = re.compile("[\x00\ud800-\udfff]")
TOO_DEEP = f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels."


class UriTooLong(ServiceError):
    status = 414
    code = "uri_too_long"


class UnsupportedMediaType(ServiceError):
    status = 415
    code = "unsupported_media_type"


def _bad_string_reason(value: str) -> str | None:
    match = _FORBIDDEN_CHARS.search(value)
    if match is None:
        return None
    return "must not contain NUL" if match.group() == "\x00" else \
        "must not contain a lone surrogate (not valid Unicode text)"


def check_json(value: Any) -> None:
    """Depth and strings of a parsed body, walked without recursion: 400 when nested deeper
    than MAX_JSON_DEPTH, 422 naming the field when a key or string holds NUL or a lone
    surrogate (Neo4j stores UTF-8, which cannot hold one)."""
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, where, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise Malformed(TOO_DEEP)
        if isinstance(item, str):
            reason = _bad_string_reason(item)
            if reason:
                raise Invalid.field(where or "_body", reason)
        elif isinstance(item, dict):
            for key, child in item.items():
                name = f"{where}.{key}" if where else str(key)
                reason = _bad_string_reason(key)
                if reason:
                    raise Invalid.field(name.encode("utf-8", "replace").decode(), reason)
                stack.append((child, name, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, f"{where}.{i}" if where else str(i), depth + 1)
                         for i, child in enumerate(item))


def parse_json_body(data: bytes) -> Any:
    """The body as JSON: 400 `malformed` with the parser's position when it is not JSON."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise Malformed(f"The body is not UTF-8 (byte {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        raise Malformed(f"The body is not valid JSON: {exc.msg} at line {exc.lineno} "
                        f"column {exc.colno} (char {exc.pos}).",
                        details={"line": exc.lineno, "column": exc.colno,
                                 "position": exc.pos}) from exc
    except RecursionError as exc:
        raise Malformed(TOO_DEEP) from exc
    check_json(value)
    return value


class StrictParser(FlaskParser):
    """webargs' Flask parser with our JSON rules."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            return core.missing
        data = req.get_data(cache=True)
        return parse_json_body(data) if data else core.missing


class ApiBlueprint(Blueprint):
    ARGUMENTS_PARSER = StrictParser()


def _query_names(schema: type[Schema] | Schema) -> set[str]:
    instance = schema() if isinstance(schema, type) else schema
    return {f.data_key or name for name, f in instance.fields.items()}


def declared_query_parameters(endpoint: str | None) -> frozenset[str]:
    """The query parameters a route's schemas declare (read from flask-smorest's docs)."""
    return _declared(current_app.view_functions.get(endpoint or ""))


@functools.cache
def _declared(view: Callable | None) -> frozenset[str]:
    """Worked out once per view, not on every request."""
    arguments = (getattr(view, "_apidoc", None) or {}).get("arguments", {})
    names: set[str] = set()
    for parameter in arguments.get("parameters", []):
        if parameter.get("in") == "query":
            names |= _query_names(parameter["schema"])
    return frozenset(names)


def check_request() -> None:
    """Before the acting user is even looked up: URL length, NUL and surrogates in the path
    and query, and query parameters the route does not declare (422, naming them)."""
    if request.endpoint in LARGE_BODIES:
        request.max_content_length = LARGE_BODIES[request.endpoint]
    if len(request.full_path) > MAX_URL_CHARS:
        raise UriTooLong(f"The URL is longer than {MAX_URL_CHARS} characters.")
    for name, value in (request.view_args or {}).items():
        reason = _bad_string_reason(str(value))
        if reason:
            raise Invalid.field(name, reason)
    if not request.path.startswith("/api/v1/"):
        return
    if request.method in BODY_METHODS and not is_json_request(request) and (
            request.content_length or request.get_data(cache=True)):
        # A body the API would not read: say so, instead of reporting every field missing.
        raise UnsupportedMediaType(
            f"The body must be JSON (Content-Type: application/json), not "
            f"{request.mimetype or 'a body without a Content-Type'}.",
            fields={"Content-Type": ["must be application/json"]})
    declared = declared_query_parameters(request.endpoint) | GLOBAL_QUERY_PARAMETERS
    unknown = sorted(set(request.args) - declared)
    if unknown:
        raise Invalid("The request has query parameters this route does not take.",
                      fields={name: ["unknown query parameter"] for name in unknown})
    for name, value in request.args.items(multi=True):
        reason = _bad_string_reason(name) or _bad_string_reason(value)
        if reason:
            raise Invalid.field(name, reason)


def register_input_rules(app: Flask) -> None:
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.before_request(check_request)
