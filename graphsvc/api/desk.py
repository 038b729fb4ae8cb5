"""Prices, SLA, responsibility, cases, qualifications, teams and task pools (DOMAIN.md 5-7)."""

from __future__ import annotations

from graphsvc.api.common import actor, admin_only, graph, page_schema
from graphsvc.api.contacts import blp as contacts_blp
from graphsvc.api.contacts import contact_groups
from graphsvc.api.idempotency import derived_uid, idempotent, with_uid
from graphsvc.api.org import settings as settings_blp
from graphsvc.api.org import users
from graphsvc.api.resources import register_crud, register_link, resource_blueprint
from graphsvc.schemas import common as common_schemas
from graphsvc.schemas import desk as schemas
from graphsvc.schemas.org import Settings
from graphsvc.services import cases, conditions

products = resource_blueprint("products", "Products that price lists price.")
register_crud(products, conditions.PRODUCT, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.Product)

price_lists = resource_blueprint("price-lists", "Price lists and their prices.")
register_crud(price_lists, conditions.PRICE_LIST, schema_in=schemas.PriceListIn,
              schema_patch=schemas.PriceListPatch, schema_out=schemas.PriceList)


@price_lists.route("/<uid>/prices/<product>", methods=["PUT"], endpoint="put_price")
@price_lists.arguments(schemas.PriceIn)
@price_lists.response(200, schemas.PriceList)
@admin_only
def put_price(data, uid, product):
    return conditions.set_price(graph(), uid, product, data["amount"])


@price_lists.route("/<uid>/prices/<product>", methods=["DELETE"], endpoint="delete_price")
@price_lists.response(200, schemas.PriceList)
@admin_only
def delete_price(uid, product):
    return conditions.set_price(graph(), uid, product, None)


register_link(contact_groups, conditions.GROUP_PRICE_LIST, "price-lists",
              props_schema=schemas.PriorityIn,
              put_doc="The group uses the price list with this priority (higher wins).")


@contacts_blp.route("/<uid>/personal-price-list/<price_list>", methods=["PUT"],
                    endpoint="put_personal_price_list")
@contacts_blp.response(204)
@admin_only
def put_personal_price_list(uid, price_list):
    """The contact's personal price list (highest priority; at most one)."""
    conditions.set_personal_price_list(graph(), actor(), uid, price_list, True)


@contacts_blp.route("/<uid>/personal-price-list/<price_list>", methods=["DELETE"],
                    endpoint="delete_personal_price_list")
@contacts_blp.response(204)
@admin_only
def delete_personal_price_list(uid, price_list):
    conditions.set_personal_price_list(graph(), actor(), uid, price_list, False)


@contacts_blp.route("/<uid>/price", methods=["GET"], endpoint="price")
@contacts_blp.arguments(schemas.PriceArgs, location="query")
@contacts_blp.response(200, schemas.PriceAnswer)
def contact_price(args, uid):
    """The winning price with its list and group, and the losing candidates with why."""
    return conditions.price(graph(), actor(), uid, args["product"])


sla_contracts = resource_blueprint("sla-contracts", "SLA contracts with levels and a default.")
register_crud(sla_contracts, conditions.SLA_CONTRACT, schema_in=schemas.SlaContractIn,
              schema_patch=schemas.SlaContractPatch, schema_out=schemas.SlaContract,
              create=conditions.create_sla_contract, delete=conditions.delete_sla_contract)


@contact_groups.route("/<uid>/sla-contract/<contract>", methods=["PUT"], endpoint="put_sla")
@contact_groups.response(204)
@admin_only
def put_group_sla(uid, contract):
    """The group's SLA contract (one per group)."""
    conditions.set_group_sla(graph(), uid, contract)


@contact_groups.route("/<uid>/sla-contract", methods=["DELETE"], endpoint="delete_sla")
@contact_groups.response(204)
@admin_only
def delete_group_sla(uid):
    conditions.set_group_sla(graph(), uid, None)


@contact_groups.route("/<uid>/responsibilities", methods=["GET"], endpoint="responsibilities")
@contact_groups.response(200, schemas.Responsibilities)
def group_responsibilities(uid):
    return {"items": conditions.responsibilities(graph(), uid)}


@contact_groups.route("/<uid>/responsibilities/<domain>", methods=["PUT"],
                      endpoint="put_responsibility")
@contact_groups.arguments(schemas.ResponsibilityIn)
@contact_groups.response(200, schemas.Responsibilities)
@admin_only
def put_responsibility(data, uid, domain):
    """Area, handler and user group for items of this group's contacts in a domain."""
    return {"items": conditions.set_responsibility(graph(), uid, domain, data)}


@contact_groups.route("/<uid>/responsibilities/<domain>", methods=["DELETE"],
                      endpoint="delete_responsibility")
@contact_groups.response(204)
@admin_only
def delete_responsibility(uid, domain):
    conditions.delete_responsibility(graph(), uid, domain)


@settings_blp.route("/default-areas/<domain>", methods=["PUT"], endpoint="put_default_area")
@settings_blp.arguments(schemas.DefaultAreaIn)
@settings_blp.response(200, Settings)
@admin_only
def put_default_area(data, domain):
    """Items of a domain land here when the contact's groups set no area."""
    return conditions.set_default_area(graph(), domain, data["area"])


@settings_blp.route("/default-areas/<domain>", methods=["DELETE"],
                    endpoint="delete_default_area")
@settings_blp.response(200, Settings)
@admin_only
def delete_default_area(domain):
    return conditions.set_default_area(graph(), domain, None)


qualifications = resource_blueprint("qualifications", "Skills with a rating scale.")
register_crud(qualifications, cases.QUALIFICATION, schema_in=schemas.QualificationIn,
              schema_patch=schemas.QualificationPatch, schema_out=schemas.Qualification,
              create=cases.create_qualification)


@users.route("/<uid>/qualifications", methods=["GET"], endpoint="qualifications")
@users.response(200, schemas.HeldQualifications)
def get_user_qualifications(uid):
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
    return {"items": cases.set_rating(graph(), uid, qualification, None)}


@users.route("/<uid>/assignment-suggestions", methods=["GET"], endpoint="suggestions")
@users.arguments(schemas.SuggestionArgs, location="query")
@users.response(200, schemas.Suggestions)
def assignment_suggestions(args, uid):
    """Whom the user usually assigns to: most recent first, then most frequent. (All users:
    GET /api/v1/users.)"""
    return {"items": cases.suggestions(graph(), actor(), uid, args["limit"])}


case_blp = resource_blueprint("cases", "Service cases.")


@case_blp.route("", methods=["POST"], endpoint="create")
@idempotent
@case_blp.arguments(schemas.CaseIn)
@case_blp.response(201, schemas.Case)
def open_case(data):
    """Open a case: it lands in the responsible area with the responsible handler (or the
    default user, status active_new) under the contact's SLA; `paths` say why."""
    return cases.open_case(graph(), actor(), with_uid(data))


@case_blp.route("/pull", methods=["POST"], endpoint="pull")
@case_blp.response(200, schemas.Case)
@case_blp.alt_response(204, description="no new case matches the agent's qualifications")
def pull_case():
    """The most urgent new case the acting agent is qualified for, assigned to the agent."""
    case = cases.pull_case(graph(), actor())
    return case if case is not None else ("", 204)


@case_blp.route("/<uid>", methods=["GET"], endpoint="get")
@case_blp.response(200, schemas.Case)
def get_case(uid):
    return cases.get_case(graph(), actor(), uid)


@case_blp.route("/<uid>", methods=["PATCH"], endpoint="patch")
@case_blp.arguments(schemas.CasePatch)
@case_blp.response(200, schemas.Case)
def patch_case(changes, uid):
    """Subject, status (close with status closed) and severity (moves the SLA level)."""
    return cases.update_case(graph(), actor(), uid, changes)


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


teams = resource_blueprint("teams", "Teams distribute work through task pools.")
register_crud(teams, cases.TEAM, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.Team)
register_link(teams, cases.TEAM_MEMBER, "members", reverse=True)


@teams.route("/<uid>/tasks", methods=["POST"], endpoint="create_tasks")
@idempotent
@teams.arguments(schemas.TasksIn)
@teams.response(201, schemas.Tasks)
def create_tasks(data, uid):
    tasks = [task if task.get("uid") or derived_uid() is None
             else {**task, "uid": derived_uid(f"-{i}")} for i, task in enumerate(data["tasks"])]
    return {"items": cases.add_tasks(graph(), uid, tasks)}


@teams.route("/<uid>/tasks", methods=["GET"], endpoint="tasks")
@teams.arguments(schemas.TaskListArgs, location="query")
@teams.response(200, page_schema(schemas.Task, "TaskPage"))
def list_tasks(args, uid):
    return cases.team_tasks(graph(), actor(), uid, args["status"], args["limit"],
                            args["cursor"])


@teams.route("/<uid>/tasks/pull", methods=["POST"], endpoint="pull")
@teams.response(200, schemas.Task)
@teams.alt_response(204, description="the pool holds no open task")
def pull_task(uid):
    """The next open task of the pool, claimed by the acting member."""
    task = cases.pull_task(graph(), actor(), uid)
    return task if task is not None else ("", 204)


BLUEPRINTS = [products, price_lists, sla_contracts, qualifications, case_blp, teams]
