"""What every blueprint shares: the graph handle, the acting user, pages, the docs assets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, g, request, send_from_directory
from marshmallow import Schema, fields, validate

from graphsvc.actor import Actor
from graphsvc.db import Graph
from graphsvc.errors import Forbidden, Unauthorized
from graphsvc.schemas.common import cursor_field

ACTING_USER_HEADER = "X-Acting-User"
ACCESS_ATTRIBUTE = "graphsvc_access"

V = TypeVar("V", bound=Callable)


def admin_only(view: V) -> V:
    """Mark a view as admin-only. Put it right above `def` (innermost): the mark travels
    out through flask-smorest's wrappers, and `load_acting_user` enforces it before any
    argument is parsed, so a non-admin learns nothing about the body's schema."""
    setattr(view, ACCESS_ATTRIBUTE, "admin")
    return view


def self_or_admin(view: V) -> V:
    """Mark a view under `/users/<uid>/...` as for that user or an administrator only."""
    setattr(view, ACCESS_ATTRIBUTE, "self")
    return view


def access_policy(endpoint: str | None) -> str | None:
    """'admin', 'self' or None (any active user; the service filters by visibility)."""
    view = current_app.view_functions.get(endpoint or "")
    return getattr(view, ACCESS_ATTRIBUTE, None)


def graph() -> Graph:
    return current_app.extensions["graphsvc.graph"]


def load_acting_user() -> None:
    """Every /api/v1 request names an active user in X-Acting-User; 401 otherwise."""
    if not request.path.startswith("/api/v1/"):
        return
    uid = request.headers.get(ACTING_USER_HEADER, "").strip()
    if not uid:
        raise Unauthorized(f"The {ACTING_USER_HEADER} header is required.",
                           fields={ACTING_USER_HEADER: ["missing"]})
    row = graph().read_one("org/get_acting_user", uid=uid)
    if row is None:
        raise Unauthorized(f"Unknown or inactive acting user '{uid}'.",
                           fields={ACTING_USER_HEADER: ["unknown or inactive user"]})
    g.actor = Actor(uid=row["uid"], is_admin=bool(row["is_admin"]))
    authorize(g.actor)


def authorize(current: Actor) -> None:
    """The route's access policy, decided before validation and before any service runs."""
    policy = access_policy(request.endpoint)
    if current.is_admin or policy is None:
        return
    if policy == "admin":
        raise Forbidden(f"Only administrators may do this; '{current.uid}' is not one.")
    owner = (request.view_args or {}).get("uid")
    if policy == "self" and owner != current.uid:
        raise Forbidden(f"Only '{owner}' or an administrator may do this.")


def actor() -> Actor:
    return g.actor




class PageArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()


def page_schema(item_schema: type[Schema], name: str) -> type[Schema]:
    """`{"items": [...], "next_cursor": str | null}` for one item schema."""
    return Schema.from_dict(
        {"items": fields.List(fields.Nested(item_schema)),
         "next_cursor": fields.String(allow_none=True)},
        name=name,
    )


def register_docs_assets(app: Flask) -> None:
    """Swagger UI's files come from the swagger-ui-bundle package, so /docs works offline."""
    from swagger_ui_bundle import swagger_ui_path

    @app.get("/docs/assets/<path:filename>")
    def docs_assets(filename: str):
        return send_from_directory(str(swagger_ui_path), filename)
