"""Substitutions (issue 15): a substitute covers for an absent user until a given time."""

from __future__ import annotations

from graphsvc.api.common import actor, graph, page_schema
from graphsvc.api.contract import may_forbid
from graphsvc.api.idempotency import idempotent, with_uid
from graphsvc.api.resources import resource_blueprint
from graphsvc.pagination import decode_cursor
from graphsvc.schemas import substitutions as schemas
from graphsvc.services import substitutions

SubstitutionPage = page_schema(schemas.Substitution, "SubstitutionPage")

blp = resource_blueprint(
    "substitutions", "A substitute covering for an absent user: windowed memberships of the "
                     "absent user's groups, marked with their provenance, that end by "
                     "themselves.")


@blp.route("", methods=["POST"], endpoint="create")
@idempotent
@blp.arguments(schemas.SubstitutionIn)
@blp.response(201, schemas.Substitution)
@may_forbid
def create_substitution(data):
    """Name a substitute for an absent user from `from` (default now) to `to`: admins for
    any scope, a user for their own account-manager groups."""
    return substitutions.create(graph(), actor(), with_uid(data))


@blp.route("", methods=["GET"], endpoint="list")
@blp.arguments(schemas.SubstitutionListArgs, location="query")
@blp.response(200, SubstitutionPage)
@may_forbid
def list_substitutions(args):
    """Substitutions by uid (a non-admin: their own)."""
    return substitutions.list_page(graph(), actor(), args["user"], args["limit"],
                                   decode_cursor(args["cursor"]))


@blp.route("/<uid>", methods=["GET"], endpoint="get")
@blp.response(200, schemas.Substitution)
def get_substitution(uid):
    """One substitution with the memberships it made (404 unless admin or one's own)."""
    return substitutions.get(graph(), actor(), uid)


@blp.route("/<uid>/end", methods=["POST"], endpoint="end")
@blp.response(200, schemas.Substitution)
def end_substitution(uid):
    """End it early, now (idempotent; the record stays): its memberships end now, the past
    stays answerable (an admin, the absent user or the substitute)."""
    return substitutions.end(graph(), actor(), uid)


BLUEPRINTS = [blp]
