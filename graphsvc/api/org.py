"""Org structure endpoints (DOMAIN.md section 1)."""

from __future__ import annotations

from graphsvc.api.common import (
    PageArgs,
    actor,
    admin_only,
    graph,
    managed,
    page_schema,
    self_or_admin,
)
from graphsvc.api.contract import may_forbid
from graphsvc.api.replay import replayable
from graphsvc.api.resources import register_crud, register_link, resource_blueprint
from graphsvc.schemas import common as common_schemas
from graphsvc.schemas import org as schemas
from graphsvc.schemas.replay import ExplainAtArgs
from graphsvc.services import changes, management, org
from graphsvc.services.management import Needs

# -- who may change a group (DOMAIN.md section 1, "Group managers"): the route policies ---


def _manages_group(args: dict, _body: dict) -> Needs:
    return management.for_group(args["uid"])


def _manages_parent_of_new(_args: dict, body: dict) -> Needs:
    return management.for_new_group(body.get("parent"))


def _manages_moved_group(args: dict, body: dict) -> Needs:
    return management.for_move(args["uid"], body)


def _manages_group_above(args: dict, _body: dict) -> Needs:
    return management.for_delete(args["uid"])


def _manages_service_group(args: dict, _body: dict) -> Needs:
    return management.for_service_group(args["uid"])


def _manages_service_group_rules(args: dict, body: dict) -> Needs:
    return management.for_service_fields(args["uid"], body)


def _manages_both_ends(args: dict, _body: dict) -> Needs:
    return management.for_link(args["uid"], args["target"])


locations = resource_blueprint("locations", "Departments, centres and branches.")
register_crud(locations, org.LOCATION, schema_in=schemas.LocationIn,
              schema_patch=schemas.LocationPatch, schema_out=schemas.Location)

users = resource_blueprint("users", "Employees: advisors, agents, handlers.")
register_crud(users, org.USER, schema_in=schemas.UserIn, schema_patch=schemas.UserPatch,
              schema_out=schemas.User, create=org.create_user, update=org.update_user,
              delete=org.delete_user)
register_link(users, org.WORKS_AT, "locations")


@users.route("/<uid>/competences", methods=["GET"], endpoint="competences")
@users.arguments(ExplainAtArgs, location="query", as_kwargs=True)
@users.response(200, schemas.EffectiveCompetences)
@may_forbid
@replayable
def user_competences(uid, at=None):
    """Effective competences at `at` (default now): the union over the user's groups and all
    their ancestors, with the memberships valid then."""
    return org.effective_competences(graph(), uid, actor(), at)


categories = resource_blueprint("customer-categories", "Private, Business, Agriculture, ...")
register_crud(categories, org.CATEGORY, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.CustomerCategory,
              delete=org.delete_with_competences(org.CATEGORY))

themes = resource_blueprint("meeting-themes", "Themes grouping meeting types (e.g. Loans).")
register_crud(themes, org.THEME, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.MeetingTheme,
              delete=org.delete_meeting_theme)

meeting_types = resource_blueprint("meeting-types", "Meeting types with theme and duration.")
register_crud(meeting_types, org.MEETING_TYPE, schema_in=schemas.MeetingTypeIn,
              schema_patch=schemas.MeetingTypePatch, schema_out=schemas.MeetingType,
              create=org.create_meeting_type, update=org.update_meeting_type,
              delete=org.delete_with_competences(org.MEETING_TYPE))

competence_groups = resource_blueprint(
    "competence-groups", "A forest of at most 5 layers; competences apply to all subgroups.")
register_crud(competence_groups, org.COMPETENCE_GROUP, schema_in=schemas.CompetenceGroupIn,
              schema_patch=schemas.CompetenceGroupPatch, schema_out=schemas.CompetenceGroup,
              create=org.create_competence_group, update=org.update_competence_group,
              delete=org.delete_competence_group,
              guards={"create": managed(_manages_parent_of_new),
                      "patch": managed(_manages_moved_group),
                      "delete": managed(_manages_group_above)})
register_link(competence_groups, org.GROUP_MEMBER, "members", reverse=True,
              guard=managed(_manages_group), recorded_as=changes.COMPETENCE_GROUP,
              put_doc="Add a user to the group (membership is always explicit).")
register_link(competence_groups, org.MANAGES_COMPETENCE_GROUP, "managers", reverse=True,
              guard=managed(_manages_group), recorded_as=changes.COMPETENCE_GROUP,
              put_doc="Name a manager: they may change this group and every group below "
                      "it (admins, and managers of this group or a group above it).")


@competence_groups.route("/<uid>/competences/<meeting_type>/<customer_category>",
                         methods=["PUT"], endpoint="put_competence")
@competence_groups.response(204)
@managed(_manages_group)
def put_competence(uid, meeting_type, customer_category):
    """Grant the competence (meeting type, customer category) to the group and its subgroups."""
    org.set_group_competence(graph(), uid, meeting_type, customer_category, True)


@competence_groups.route("/<uid>/competences/<meeting_type>/<customer_category>",
                         methods=["DELETE"], endpoint="delete_competence")
@competence_groups.response(204)
@managed(_manages_group)
def delete_competence(uid, meeting_type, customer_category):
    """Remove a competence (meeting type, customer category)."""
    org.set_group_competence(graph(), uid, meeting_type, customer_category, False)


service_groups = resource_blueprint(
    "service-groups", "Connect users across locations so customers get more available times.")
register_crud(service_groups, org.SERVICE_GROUP, schema_in=schemas.ServiceGroupIn,
              schema_patch=schemas.ServiceGroupPatch, schema_out=schemas.ServiceGroup,
              create=org.create_service_group, update=org.update_service_group,
              delete=org.delete_service_group,
              guards={"patch": managed(_manages_service_group_rules)})
register_link(service_groups, org.LINKED_GROUP, "competence-groups",
              guard=managed(_manages_both_ends), recorded_as=changes.SERVICE_GROUP,
              put_doc="Link a competence group: its members and those of its subgroups "
                      "become members (a manager must manage both groups).")
register_link(service_groups, org.MANAGES_SERVICE_GROUP, "managers", reverse=True,
              guard=managed(_manages_service_group), recorded_as=changes.SERVICE_GROUP,
              put_doc="Name a manager of the service group (admins and its managers).")


@service_groups.route("/activation", methods=["GET"], endpoint="activation_all")
@service_groups.arguments(schemas.ActivationArgs, location="query")
@service_groups.response(200, schemas.ActivationList)
def activation_all(args):
    """Every service group with whether its activation rules match this request."""
    return {"service_groups": org.service_group_activation(graph(), None, **args)}


@service_groups.route("/<uid>/activation", methods=["GET"], endpoint="activation")
@service_groups.arguments(schemas.ActivationArgs, location="query")
@service_groups.response(200, schemas.ActivationResult)
def activation(args, uid):
    """Do this group's activation rules match (home location, category, theme)?"""
    return org.service_group_activation(graph(), uid, **args)[0]


@service_groups.route("/<uid>/levels", methods=["POST"], endpoint="create_level")
@service_groups.arguments(schemas.ServiceLevelIn)
@service_groups.response(201, schemas.ServiceLevel)
@managed(_manages_service_group)
def create_level(data, uid):
    """Add a service level (mode, extra locations, meeting types)."""
    return org.add_service_level(graph(), uid, data)


@service_groups.route("/<uid>/levels/<level>", methods=["DELETE"], endpoint="delete_level")
@service_groups.response(204)
@managed(_manages_service_group)
def delete_level(uid, level):
    """Delete one of the group's service levels."""
    org.delete_service_level(graph(), uid, level)


@service_groups.route("/<uid>/members", methods=["GET"], endpoint="members")
@service_groups.arguments(schemas.MembersArgs, location="query")
@service_groups.response(200, schemas.MemberPage)
def members(args, uid):
    """Members at time `at`: direct (inside their window) and via linked competence groups."""
    from graphsvc.pagination import decode_cursor

    return org.service_group_members(graph(), uid, args["at"], args["limit"],
                                     decode_cursor(args["cursor"]), actor())


register_link(service_groups, org.SERVICE_MEMBER, "members", reverse=True,
              guard=managed(_manages_service_group),
              recorded_as=changes.SERVICE_GROUP,
              put_doc="Add a direct member; a campaign member carries a window "
                      "[valid_from, valid_to).")


ChangePage = page_schema(schemas.GroupChange, "GroupChangePage")


def register_group_decisions(blp, kind: str, k, needs, who: str) -> None:
    """`GET /<uid>/changes` (the history) and `GET /<uid>/may-change` (the decision with
    its path) of one group kind; `who` says who may change such a group."""

    @blp.route("/<uid>/changes", methods=["GET"], endpoint="changes")
    @blp.doc(summary=f"The recorded changes of a {k.noun}",
             description="Newest first: who, when, what, before and after (admins and the "
                         "group's managers). A deleted group's history stays listed.")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, ChangePage)
    @managed(needs)
    def changes_view(args, uid):
        return org.group_changes(graph(), kind, k, uid, args["limit"], args["cursor"])

    @blp.route("/<uid>/may-change", methods=["GET"], endpoint="may_change")
    @blp.doc(summary=f"May this user change the {k.noun}?",
             description=f"Allowed for admins and {who}, with the path that allows it; only "
                         "admins may ask about other users.")
    @blp.arguments(schemas.MayChangeArgs, location="query")
    @blp.response(200, schemas.MayChange)
    @may_forbid
    def may_change_view(args, uid):
        return management.may_change(graph(), actor(), args.get("user") or actor().uid, kind,
                                     uid)


register_group_decisions(competence_groups, changes.COMPETENCE_GROUP, org.COMPETENCE_GROUP,
                         _manages_group, "managers of the group or of a group above it")
register_group_decisions(service_groups, changes.SERVICE_GROUP, org.SERVICE_GROUP,
                         _manages_service_group, "the group's managers")


@users.route("/<uid>/managed-groups", methods=["GET"], endpoint="managed_groups")
@users.arguments(PageArgs, location="query")
@users.response(200, page_schema(schemas.ManagedGroup, "ManagedGroupPage"))
@self_or_admin
def managed_groups(args, uid):
    """Every group the user may change as a manager, with the path that allows it: the
    competence groups they manage and all groups below, and the service groups they manage
    (an admin may change every group besides)."""
    return management.managed_groups(graph(), uid, args["limit"], args["cursor"])


settings = resource_blueprint("settings", "Global settings.")


@settings.route("", methods=["GET"], endpoint="get")
@settings.response(200, schemas.Settings)
def get_settings():
    """The global settings."""
    return org.get_settings(graph())


@settings.route("", methods=["PATCH"], endpoint="patch")
@settings.arguments(schemas.SettingsIn)
@settings.response(200, schemas.Settings)
@admin_only
def patch_settings(changes):
    """Change global settings (admins)."""
    if "default_user" in changes:
        from graphsvc.services import conditions

        conditions.set_default_user(graph(), changes.pop("default_user"))
    return org.update_settings(graph(), changes)


BLUEPRINTS = [locations, users, categories, themes, meeting_types, competence_groups,
              service_groups, settings]
