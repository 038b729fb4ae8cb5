"""Org structure (DOMAIN.md section 1): locations, users, categories, meeting themes and
types, competence groups (a forest of at most 5 layers whose competences apply to all
subgroups), service groups and the installation level."""

from __future__ import annotations

from datetime import datetime

from neo4j import ManagedTransaction

from graphsvc.db import Graph, run, run_one
from graphsvc.errors import (
    Conflict,
    CycleDetected,
    DepthLimitExceeded,
    LastAdmin,
    NotFound,
    UnknownReference,
)
from graphsvc.pagination import page
from graphsvc.services import changes, crud
from graphsvc.windows import instant, require_may_ask

MAX_LAYERS = 5
HIERARCHY_LOCK = "competence-hierarchy"

LOCATION = crud.kind("Location", "location", "org/list_locations")
USER = crud.kind("User", "user", "org/list_users")
CATEGORY = crud.kind("CustomerCategory", "customer category", "org/list_customer_categories")
THEME = crud.kind("MeetingTheme", "meeting theme", "org/list_meeting_themes")
MEETING_TYPE = crud.kind("MeetingType", "meeting type", "org/list_meeting_types")
COMPETENCE_GROUP = crud.kind("CompetenceGroup", "competence group", "org/list_competence_groups")
SERVICE_GROUP = crud.kind("ServiceGroup", "service group", "org/list_service_groups")

WORKS_AT = crud.link_type("User", "WORKS_AT", "Location")
GROUP_MEMBER = crud.link_type("User", "MEMBER_OF", "CompetenceGroup")
SERVICE_MEMBER = crud.link_type("User", "MEMBER_OF", "ServiceGroup")
LINKED_GROUP = crud.link_type("ServiceGroup", "INCLUDES", "CompetenceGroup")
MANAGES_COMPETENCE_GROUP = crud.link_type("User", "MANAGES", "CompetenceGroup")
MANAGES_SERVICE_GROUP = crud.link_type("User", "MANAGES", "ServiceGroup")


# -- users ---------------------------------------------------------------------------------

def create_user(graph: Graph, data: dict) -> dict:
    """Create a user with the locations they work at and, unless the request opts out, the
    account-manager group named after the user (the user its member), in one transaction."""
    data = dict(data)
    locations = data.pop("locations", [])
    eponymous_group = data.pop("account_manager_group", True)

    def then(tx, uid):
        crud.tx_require(tx, LOCATION, locations, "locations")
        run(tx, "org/set_user_locations", uid=uid, locations=locations)
        if eponymous_group:
            run(tx, "contacts/create_eponymous_group", user=uid, uid=f"amg-{uid}")

    return crud.create(graph, USER, {"is_admin": False, "active": True, **data}, then)


def _set_locations(locations: list[str] | None):
    def then(tx, uid):
        if locations is not None:
            crud.tx_require(tx, LOCATION, locations, "locations")
            run(tx, "org/set_user_locations", uid=uid, locations=locations)

    return then


def tx_keep_an_admin(tx: ManagedTransaction, uid: str, field: str | None) -> None:
    """Refuse (409 `last_admin`) a change that would leave no active admin: `uid` is the
    user about to be deactivated, demoted or deleted. Takes the settings lock first, so
    concurrent changes of the last admins are judged one after the other."""
    row = run_one(tx, "org/lock_admins", uid=uid)
    if row["is_active_admin"] and row["others"] == 0:
        message = f"'{uid}' is the last active admin; make another admin first."
        if field:
            raise LastAdmin.field(field, "would leave no active admin", message=message)
        raise LastAdmin(message)


def update_user(graph: Graph, uid: str, changes: dict) -> dict:
    changes = dict(changes)
    then = _set_locations(changes.pop("locations", None))
    losing = next((key for key in ("active", "is_admin") if changes.get(key) is False), None)
    first = (lambda tx: tx_keep_an_admin(tx, uid, losing)) if losing else None
    return crud.update(graph, USER, uid, changes, then, first=first)


def delete_user(graph: Graph, uid: str) -> None:
    def work(tx):
        tx_keep_an_admin(tx, uid, None)
        crud.tx_delete(tx, USER, uid)

    graph.write_tx(work)


def create_admin(graph: Graph, data: dict) -> dict:
    """The first admin (or another): a user with is_admin, active; `graphsvc admin create`."""
    return create_user(graph, {**data, "is_admin": True, "active": True})


# -- meeting themes, types and categories -------------------------------------------------

def _set_theme(theme: str | None):
    def then(tx, uid):
        if theme is not None:
            crud.tx_require(tx, THEME, [theme], "theme")
            run(tx, "org/set_meeting_type_theme", uid=uid, theme=theme)

    return then


def create_meeting_type(graph: Graph, data: dict) -> dict:
    data = dict(data)
    then = _set_theme(data.pop("theme"))
    return crud.create(graph, MEETING_TYPE, data, then)


def update_meeting_type(graph: Graph, uid: str, changes: dict) -> dict:
    changes = dict(changes)
    then = _set_theme(changes.pop("theme", None))
    return crud.update(graph, MEETING_TYPE, uid, changes, then)


def delete_meeting_theme(graph: Graph, uid: str) -> None:
    """A theme that still holds meeting types is not deleted (each type needs its theme)."""

    def work(tx):
        usage = run_one(tx, "org/theme_usage", uid=uid)
        if usage and usage["meeting_types"]:
            raise Conflict(f"meeting theme '{uid}' still holds {usage['meeting_types']} "
                           "meeting type(s); move or delete them first", code="in_use")
        crud.tx_delete(tx, THEME, uid)

    graph.write_tx(work)


def delete_with_competences(kind: crud.Kind):
    """Deleting a meeting type or category also removes the competences built on it."""

    def delete(graph: Graph, uid: str) -> None:
        def work(tx):
            crud.tx_delete(tx, kind, uid)
            run(tx, "org/delete_competences_of", uid=uid)

        graph.write_tx(work)

    return delete


# -- competence groups ----------------------------------------------------------------------

def tx_place_group(tx: ManagedTransaction, uid: str | None, parent: str | None,
                   named: tuple[str, str]) -> None:
    """Refuse a placement that would put any group in layer 6 or create a cycle. `named`
    is the placed group's (uid, name), for the message when it is the deepest itself.

    Runs after the hierarchy lock, so two concurrent moves cannot each pass on their own
    and together break the rule."""
    if parent is None:
        placement = run_one(tx, "org/group_placement", uid=uid, parent=None)
        layer = 1
    else:
        placement = run_one(tx, "org/group_placement", uid=uid, parent=parent)
        if not placement["parent_found"]:
            raise UnknownReference.of("competence group", parent, "parent")
        if placement["cycle"]:
            raise CycleDetected.field(
                "parent", f"'{parent}' is '{uid}' itself or one of its subgroups",
                message=f"Moving '{uid}' under '{parent}' would create a cycle.",
                details={"group": uid, "parent": parent})
        layer = placement["parent_layer"] + 1
    deepest_layer = layer + placement["height"]
    if deepest_layer > MAX_LAYERS:
        deepest = placement["deepest"] or named[0]
        called = placement["deepest_name"] or named[1]
        raise DepthLimitExceeded.field(
            "parent", f"group '{deepest}' would sit in layer {deepest_layer}; at most "
            f"{MAX_LAYERS} layers are allowed",
            message=f"Competence group '{deepest}' ({called}) would sit in layer "
                    f"{deepest_layer}: at most {MAX_LAYERS} layers are allowed.",
            details={"group": deepest, "layer": deepest_layer, "max_layers": MAX_LAYERS})


def create_competence_group(graph: Graph, data: dict) -> dict:
    parent = data.pop("parent", None)
    props = {**data, "uid": data.get("uid") or crud.new_uid()}

    def work(tx):
        run(tx, "org/take_lock", name=HIERARCHY_LOCK)
        tx_place_group(tx, None, parent, (props["uid"], props["name"]))
        uid = crud.tx_create(tx, COMPETENCE_GROUP, props)
        if parent is not None:
            run(tx, "org/set_group_parent", uid=uid, parent=parent)
        group = crud.tx_get(tx, COMPETENCE_GROUP, uid)
        changes.tx_record(tx, changes.COMPETENCE_GROUP, uid, "create", "group",
                          after=_group_state(group))
        _tx_record_subgroup(tx, uid, None, parent)
        return group

    return graph.write_tx(work)


def _tx_record_subgroup(tx: ManagedTransaction, uid: str, old: str | None,
                        new: str | None) -> None:
    """A group that arrives under or leaves a parent is a change of the parent too."""
    if old == new:
        return
    if old is not None:
        changes.tx_record(tx, changes.COMPETENCE_GROUP, old, "remove", "subgroups",
                          target=uid, before={}, after=None)
    if new is not None:
        changes.tx_record(tx, changes.COMPETENCE_GROUP, new, "add", "subgroups",
                          target=uid, before=None, after={})


def _group_state(group: dict) -> dict:
    """What a competence group's change record keeps of the group itself."""
    return {"name": group["name"], "parent": group["parent"]}


def update_competence_group(graph: Graph, uid: str, patch: dict) -> dict:
    """Rename and/or move (`parent`: another group, or null for a root)."""
    props = dict(patch)
    moving = "parent" in props
    parent = props.pop("parent", None)

    def work(tx):
        if moving:
            run(tx, "org/take_lock", name=HIERARCHY_LOCK)
        before = crud.tx_get(tx, COMPETENCE_GROUP, uid)
        if moving:
            tx_place_group(tx, uid, parent, (uid, before["name"]))
            run(tx, "org/set_group_parent", uid=uid, parent=parent)
        crud.tx_update(tx, COMPETENCE_GROUP, uid, props)
        after = crud.tx_get(tx, COMPETENCE_GROUP, uid)
        changes.tx_record(tx, changes.COMPETENCE_GROUP, uid, "update", "group",
                          before=_group_state(before), after=_group_state(after))
        _tx_record_subgroup(tx, uid, before["parent"], after["parent"])
        return after

    return graph.write_tx(work)


def delete_competence_group(graph: Graph, uid: str) -> None:
    """A group with subgroups is not deleted: its subtree would silently become roots."""

    def work(tx):
        group = crud.tx_get(tx, COMPETENCE_GROUP, uid)
        if group["subgroups"]:
            raise Conflict(f"competence group '{uid}' has subgroups "
                           f"{sorted(group['subgroups'])}; move or delete them first",
                           code="has_subgroups")
        crud.tx_delete(tx, COMPETENCE_GROUP, uid)
        changes.tx_record(tx, changes.COMPETENCE_GROUP, uid, "delete", "group",
                          before=_group_state(group))
        _tx_record_subgroup(tx, uid, group["parent"], None)

    graph.write_tx(work)


def set_group_competence(graph: Graph, group: str, meeting_type: str, customer_category: str,
                         present: bool) -> None:
    def work(tx):
        row = run_one(tx, "org/set_group_competence", group=group, meeting_type=meeting_type,
                      customer_category=customer_category, present=present)
        if not row["group_found"]:
            raise NotFound.of("competence group", group)
        if present and not row["meeting_type_found"]:
            raise NotFound.of("meeting type", meeting_type)
        if present and not row["category_found"]:
            raise NotFound.of("customer category", customer_category)
        changes.tx_record(tx, changes.COMPETENCE_GROUP, group, "add" if present else "remove",
                          "competences", target=f"{meeting_type}|{customer_category}",
                          before={} if row["had"] else None, after={} if present else None)

    graph.write_tx(work)


def effective_competences(graph: Graph, uid: str, actor=None,
                          at: datetime | None = None) -> dict:
    """The user's effective competences with the memberships valid at `at` (default now;
    the past: admins only)."""

    def work(tx):
        if actor is not None:
            require_may_ask(actor, at)
        return run_one(tx, "org/effective_competences", uid=uid, at=instant(at))

    row = graph.read_tx(work)
    if row is None:
        raise NotFound.of("user", uid)
    return row


# -- service groups -------------------------------------------------------------------------

ACTIVATION_KINDS = {"locations": LOCATION, "customer_categories": CATEGORY,
                    "meeting_themes": THEME}


def tx_set_activation(tx: ManagedTransaction, uid: str, activation: dict) -> None:
    rules = {key: activation.get(key, []) for key in ACTIVATION_KINDS}
    for key, k in ACTIVATION_KINDS.items():
        crud.tx_require(tx, k, rules[key], f"activation.{key}")
    run(tx, "org/set_service_group_activation", uid=uid, **rules)


def _set_activation(activation: dict | None):
    def then(tx, uid):
        if activation is not None:
            tx_set_activation(tx, uid, activation)

    return then


def _service_group_state(group: dict) -> dict:
    """What a service group's change record keeps of the group itself."""
    return {key: group[key] for key in ("name", "email", "activation")}


def create_service_group(graph: Graph, data: dict) -> dict:
    data = dict(data)
    activation = data.pop("activation", {})
    props = {**data, "uid": data.get("uid") or crud.new_uid()}

    def work(tx):
        uid = crud.tx_create(tx, SERVICE_GROUP, props)
        tx_set_activation(tx, uid, activation)
        group = crud.tx_get(tx, SERVICE_GROUP, uid)
        changes.tx_record(tx, changes.SERVICE_GROUP, uid, "create", "group",
                          after=_service_group_state(group))
        return group

    return graph.write_tx(work)


def update_service_group(graph: Graph, uid: str, patch: dict) -> dict:
    props = dict(patch)
    activation = props.pop("activation", None)

    def work(tx):
        before = crud.tx_get(tx, SERVICE_GROUP, uid)
        crud.tx_update(tx, SERVICE_GROUP, uid, props)
        if activation is not None:
            tx_set_activation(tx, uid, activation)
        after = crud.tx_get(tx, SERVICE_GROUP, uid)
        changes.tx_record(tx, changes.SERVICE_GROUP, uid, "update", "group",
                          before=_service_group_state(before),
                          after=_service_group_state(after))
        return after

    return graph.write_tx(work)


def delete_service_group(graph: Graph, uid: str) -> None:
    def work(tx):
        group = crud.tx_get(tx, SERVICE_GROUP, uid)
        run_one(tx, "org/delete_service_group", uid=uid)
        changes.tx_record(tx, changes.SERVICE_GROUP, uid, "delete", "group",
                          before=_service_group_state(group))

    graph.write_tx(work)


def add_service_level(graph: Graph, group: str, data: dict) -> dict:
    return graph.write_tx(tx_add_service_level, group, data)


def tx_add_service_level(tx: ManagedTransaction, group: str, data: dict) -> dict:
    """Add the level (its uid, or a new one) to the group and record it; answers the
    level."""
    level = {"uid": data.get("uid") or crud.new_uid(), "name": data["name"],
             "mode": data["mode"]}
    locations, meeting_types = data.get("locations", []), data.get("meeting_types", [])
    crud.tx_get(tx, SERVICE_GROUP, group)
    crud.tx_require(tx, LOCATION, locations, "locations")
    crud.tx_require(tx, MEETING_TYPE, meeting_types, "meeting_types")
    run(tx, "org/create_service_level", group=group, level=level, locations=locations,
        meeting_types=meeting_types)
    created = _level(tx, group, level["uid"])
    changes.tx_record(tx, changes.SERVICE_GROUP, group, "add", "levels",
                      target=level["uid"], after=created)
    return created


def _level(tx: ManagedTransaction, group: str, uid: str) -> dict | None:
    return next((lvl for lvl in crud.tx_get(tx, SERVICE_GROUP, group)["levels"]
                 if lvl["uid"] == uid), None)


def delete_service_level(graph: Graph, group: str, uid: str) -> None:
    graph.write_tx(tx_delete_service_level, group, uid)


def tx_delete_service_level(tx: ManagedTransaction, group: str, uid: str,
                            field: str | None = None) -> None:
    """Delete one of the group's levels and record it (404, or 422 naming `field`, when the
    group has no such level)."""
    before = _level(tx, group, uid)
    if run_one(tx, "org/delete_service_level", group=group, uid=uid)["deleted"] == 0:
        if field:
            raise UnknownReference.of("service level", uid, field)
        raise NotFound.of("service level", uid)
    changes.tx_record(tx, changes.SERVICE_GROUP, group, "remove", "levels", target=uid,
                      before=before)


def service_group_members(graph: Graph, uid: str, at: datetime | None, limit: int,
                          after: str | None, actor=None) -> dict:
    """Members at `at` (default now; the past: admins only), keyset by user uid."""
    asked, at = at, instant(at)

    def work(tx):
        if actor is not None:
            require_may_ask(actor, asked)
        crud.tx_get(tx, SERVICE_GROUP, uid)
        return run(tx, "org/service_group_members", uid=uid, at=at, after=after,
                   limit=limit + 1)

    return page(graph.read_tx(work), limit, key=lambda row: row["user"]["uid"])


def service_group_activation(graph: Graph, uid: str | None, location: str,
                             customer_category: str, meeting_theme: str) -> list[dict]:
    """Activation-rule matching for one group (uid) or all groups (uid None)."""

    def work(tx):
        crud.tx_require(tx, LOCATION, [location], "location")
        crud.tx_require(tx, CATEGORY, [customer_category], "customer_category")
        crud.tx_require(tx, THEME, [meeting_theme], "meeting_theme")
        if uid is not None:
            crud.tx_get(tx, SERVICE_GROUP, uid)
        return run(tx, "org/service_group_activation", uid=uid, location=location,
                   customer_category=customer_category, meeting_theme=meeting_theme)

    return graph.read_tx(work)


def group_changes(graph: Graph, kind: str, k: crud.Kind, uid: str, limit: int,
                  cursor: str | None) -> dict:
    """A group's recorded changes, newest first; a deleted group's records stay listed."""
    answer = changes.changes_page(graph, kind, uid, limit, cursor)
    if not answer["items"] and cursor is None:
        crud.get(graph, k, uid)  # 404 for a group that never was
    return answer


# -- settings ---------------------------------------------------------------------------------

def get_settings(graph: Graph) -> dict:
    return graph.read_one("org/get_settings")["settings"]


def update_settings(graph: Graph, changes: dict) -> dict:
    def work(tx):
        run(tx, "org/update_settings", changes=changes)
        return run_one(tx, "org/get_settings")["settings"]

    return graph.write_tx(work)
