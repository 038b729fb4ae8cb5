"""What every blueprint shares: the graph handle, the acting user, pages, the docs assets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, g, make_response, request, send_from_directory
from marshmallow import Schema, fields, validate
from neo4j import ManagedTransaction

from graphsvc.actor import Actor, PendingActor
from graphsvc.api.errors import handle_service_error
from graphsvc.db import Graph, begin_prelude, end_prelude, prelude_pending, run_one
from graphsvc.errors import Forbidden, ServiceError, Unauthorized
from graphsvc.schemas.common import cursor_field
from graphsvc.services import changes, management

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


class Managed:
    """The policy of a write under a group: `needs(view_args, body)` says which groups the
    acting user must manage (`graphsvc.services.management.Needs`)."""

    def __init__(self, needs: Callable[[dict, dict], management.Needs]):
        self.needs = needs


def managed(needs: Callable[[dict, dict], management.Needs]):
    """Mark a view as open to admins and to managers of the groups `needs` names, decided
    by one traversal before validation (`load_acting_user`); others get 403 naming the
    group they would need to manage. Put it right above `def`, as `admin_only`."""

    def mark(view: V) -> V:
        setattr(view, ACCESS_ATTRIBUTE, Managed(needs))
        return view

    return mark


def access_policy(endpoint: str | None) -> str | Managed | None:
    """'admin', 'self', a `Managed` policy, or None (any active user; the service filters
    by visibility)."""
    view = current_app.view_functions.get(endpoint or "")
    return getattr(view, ACCESS_ATTRIBUTE, None)


def graph() -> Graph:
    return current_app.extensions["graphsvc.graph"]


def load_acting_user() -> None:
    """Every /api/v1 request names an active user in X-Acting-User; 401 otherwise.

    When the route's policy can be decided from the uid alone (any active user, or the
    user's own `/users/<uid>/...`), the check travels as the first statement of the
    request's first transaction (`graphsvc.db.begin_prelude`): one transaction per
    decision. `verify_unchecked_actor` checks it after the view when no transaction ran.
    Admin-only routes, and another user's `/users/<uid>/...`, read the acting user first,
    so the policy is decided before validation."""
    if not request.path.startswith("/api/v1/"):
        return
    uid = request.headers.get(ACTING_USER_HEADER, "").strip()
    if not uid:
        raise Unauthorized(f"The {ACTING_USER_HEADER} header is required.",
                           fields={ACTING_USER_HEADER: ["missing"]})
    g.change_actor = changes.set_actor(uid)
    policy = access_policy(request.endpoint)
    if isinstance(policy, Managed):
        _decide_managed(uid, policy)
        return
    if policy is None or (policy == "self" and (request.view_args or {}).get("uid") == uid):
        pending = PendingActor(uid)
        g.actor = pending
        g.actor_prelude = begin_prelude(lambda tx: _tx_verify(tx, pending))
        return
    row = graph().read_one("org/get_acting_user", uid=uid)
    if row is None:
        raise _unknown(uid)
    g.actor = Actor(uid=row["uid"], is_admin=bool(row["is_admin"]))
    authorize(g.actor)


def _raw_body() -> dict:
    """The JSON body as sent, before its schema reads it (a policy may depend on a field,
    e.g. the parent of a new group); anything but an object counts as empty."""
    body = request.get_json(silent=True) if request.is_json else None
    return body if isinstance(body, dict) else {}


def _decide_managed(uid: str, policy: Managed) -> None:
    needs = policy.needs(request.view_args or {}, _raw_body())
    decision = graph().read_tx(management.tx_decide, uid, needs)
    if decision is None:
        raise _unknown(uid)
    g.actor = Actor(uid=uid, is_admin=decision.is_admin)
    if not decision.allowed:
        raise decision.refusal


def _unknown(uid: str) -> Unauthorized:
    return Unauthorized(f"Unknown or inactive acting user '{uid}'.",
                        fields={ACTING_USER_HEADER: ["unknown or inactive user"]})


def _tx_verify(tx: ManagedTransaction, pending: PendingActor) -> None:
    row = run_one(tx, "org/get_acting_user", uid=pending.uid)
    if row is None:
        raise _unknown(pending.uid)
    pending.resolve(row["is_admin"])


def verify_unchecked_actor(response):
    """A request whose acting user was never checked (its view opened no transaction, or
    failed before one, e.g. a validation error) is checked now: an unknown user gets 401,
    never the view's answer."""
    pending = g.get("actor")
    if not (isinstance(pending, PendingActor) and prelude_pending()):
        return response
    end_prelude(g.pop("actor_prelude"))
    if response.status_code == 401 or response.status_code >= 500:
        return response  # refused already, or the database failed: nothing was answered
    try:
        graph().read_tx(_tx_verify, pending)
    except ServiceError as exc:  # unknown or inactive (401), or the database is gone (503)
        return make_response(handle_service_error(exc))
    return response


def close_actor_prelude(_exc=None) -> None:
    token = g.pop("actor_prelude", None)
    if token is not None:
        end_prelude(token)
    token = g.pop("change_actor", None)
    if token is not None:
        changes.reset_actor(token)


def authorize(current: Actor) -> None:
    """The route's access policy, decided before validation and before any service runs."""
    policy = access_policy(request.endpoint)
    if current.is_admin or policy is None or isinstance(policy, Managed):
        return
    if policy == "admin":
        raise Forbidden(f"Only administrators may do this; '{current.uid}' is not one.")
    owner = (request.view_args or {}).get("uid")
    if policy == "self" and owner != current.uid:
        raise Forbidden(f"Only '{owner}' or an administrator may do this.")


def actor() -> Actor | PendingActor:
    return g.actor




class PageArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()


def page_schema(item_schema: type[Schema], name: str,
                base: type[Schema] = Schema) -> type[Schema]:
    """`{"items": [...], "next_cursor": str | null}` for one item schema (and the fields of
    `base`, such as a decision's `cypher`)."""
    return base.from_dict(
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
