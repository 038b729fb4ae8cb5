"""Qualifications, cases, their SLA and assignment, pulls (DOMAIN.md 6)."""

from __future__ import annotations

from graphsvc.api.common import PageArgs, actor, admin_only, graph, page_schema
from graphsvc.api.contacts import MessagePage
from graphsvc.api.contract import may_forbid
from graphsvc.api.idempotency import idempotent, with_uid
from graphsvc.api.org import users
from graphsvc.api.replay import replayable
from graphsvc.api.resources import register_crud, resource_blueprint
from graphsvc.schemas import cases as schemas
from graphsvc.schemas.replay import ExplainArgs
from graphsvc.services import cases, messages

qualifications = resource_blueprint("qualifications", "Skills with a rating scale.")
register_crud(qualifications, cases.QUALIFICATION, schema_in=schemas.QualificationIn,
              schema_patch=schemas.QualificationPatch, schema_out=schemas.Qualification,
              create=cases.create_qualification)


@users.route("/<uid>/qualifications", methods=["GET"], endpoint="qualifications")
@users.response(200, schemas.HeldQualifications)
def get_user_qualifications(uid):
    """The qualifications a user holds, with ratings."""
    return {"items": cases.user_qualifications(graph(), uid)}


@users.route("/<uid>/qualifications/<qualification>", methods=["PUT"],
             endpoint="put_qualification")
@users.arguments(schemas.RatingIn)
@users.response(200, schemas.HeldQualifications)
@admin_only
def put_user_qualification(data, uid, qualification):
    """The user's rating, inside the qualification's scale (422 outside)."""
    return {"items": cases.set_rating(graph(), uid, qualification, data["rating"])}


@users.route("/<uid>/qualifications/<qualification>", methods=["DELETE"],
             endpoint="delete_qualification")
@users.response(200, schemas.HeldQualifications)
@admin_only
def delete_user_qualification(uid, qualification):
    """Take a qualification from a user."""
    return {"items": cases.set_rating(graph(), uid, qualification, None)}


@users.route("/<uid>/assignment-suggestions", methods=["GET"], endpoint="suggestions")
@users.arguments(schemas.SuggestionArgs, location="query")
@users.response(200, schemas.Suggestions)
@may_forbid
@replayable
def assignment_suggestions(args, uid):
    """Whom the user usually assigns to: most recent first, then most frequent. (All users:
    GET /api/v1/users.)"""
    return {"items": cases.suggestions(graph(), actor(), uid, args["limit"])}


case_blp = resource_blueprint("cases", "Service cases.")


@case_blp.route("", methods=["POST"], endpoint="create")
@idempotent
@case_blp.arguments(schemas.CaseIn)
@case_blp.arguments(ExplainArgs, location="query", as_kwargs=True)
@case_blp.response(201, schemas.CaseAnswer)
@replayable
def open_case(data):
    """Open a case: it lands in the responsible area with the responsible handler (or the
    default user, status active_new) under the contact's SLA; `paths` say why."""
    return cases.open_case(graph(), actor(), with_uid(data))


@case_blp.route("", methods=["GET"], endpoint="list")
@case_blp.arguments(schemas.CaseListArgs, location="query")
@case_blp.response(200, page_schema(schemas.Case, "CasePage"))
def list_cases(args):
    """Queues and lists: the cases the acting user sees, by status (`active_new`: the
    queue), assignee (`me`: my cases), area, domain and contact; keyset pages in uid
    order."""
    return cases.list_cases(graph(), actor(), args, args["limit"], args["cursor"])


@case_blp.route("/pull", methods=["POST"], endpoint="pull")
@case_blp.arguments(ExplainArgs, location="query", as_kwargs=True)
@case_blp.response(200, schemas.CaseAnswer)
@case_blp.alt_response(204, description="no new case matches the agent's qualifications")
@replayable
def pull_case():
    """The most urgent new case the acting agent is qualified for, assigned to the agent."""
    case = cases.pull_case(graph(), actor())
    return case if case is not None else ("", 204)


@case_blp.route("/<uid>", methods=["GET"], endpoint="get")
@case_blp.response(200, schemas.Case)
def get_case(uid):
    """A case the acting user may see."""
    return cases.get_case(graph(), actor(), uid)


@case_blp.route("/<uid>", methods=["PATCH"], endpoint="patch")
@case_blp.arguments(schemas.CasePatch)
@case_blp.response(200, schemas.Case)
def patch_case(changes, uid):
    """Subject, status (close with status closed) and severity (moves the SLA level)."""
    return cases.update_case(graph(), actor(), uid, changes)


@case_blp.route("/<uid>/messages", methods=["GET"], endpoint="messages")
@case_blp.arguments(PageArgs, location="query")
@case_blp.response(200, MessagePage)
def case_messages(args, uid):
    """The ticket's messages: content only for those the case's area and routed user group
    admit, metadata for the others (POST /api/v1/messages with `case` adds one)."""
    return messages.case_messages(graph(), actor(), uid, args["limit"], args["cursor"])


@case_blp.route("/<uid>/sla", methods=["PUT"], endpoint="put_sla")
@case_blp.arguments(schemas.SlaOverrideIn)
@case_blp.response(200, schemas.Case)
def override_case_sla(data, uid):
    """Change this one case's SLA by hand."""
    return cases.override_sla(graph(), actor(), uid, data["contract"], data["level"])


@case_blp.route("/<uid>/assignee", methods=["PUT"], endpoint="assign")
@case_blp.arguments(schemas.AssignIn)
@case_blp.response(200, schemas.Case)
def assign_case(data, uid):
    """Manual assignment to any active user (status active_assigned)."""
    return cases.assign(graph(), actor(), uid, data["user"])


BLUEPRINTS = [qualifications, case_blp]
