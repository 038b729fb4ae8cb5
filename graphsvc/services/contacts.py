"""Contacts, directories, user groups, contact groups, account-manager groups and areas
(DOMAIN.md section 3). Every read of a contact is filtered by what the acting user sees
(`graphsvc.services.access`); messages are `graphsvc.services.messages`."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graphsvc.actor import Actor
from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Invalid
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import access, crud, org

CONTACT = crud.kind("Contact", "contact", "contacts/list_contacts")
DIRECTORY = crud.kind("Directory", "directory", "contacts/list_directories")
USER_GROUP = crud.kind("UserGroup", "user group", "contacts/list_user_groups")
MANAGER_GROUP = crud.kind("AccountManagerGroup", "account-manager group",
                          "contacts/list_account_manager_groups")
CONTACT_GROUP = crud.kind("ContactGroup", "contact group", "contacts/list_contact_groups")
AREA = crud.kind("Area", "area", "contacts/list_areas")

USER_GROUP_MEMBER = crud.link_type("User", "MEMBER_OF", "UserGroup")
MANAGER_GROUP_MEMBER = crud.link_type("User", "MEMBER_OF", "AccountManagerGroup")
DIRECTORY_USER = crud.link_type("User", "CAN_ACCESS", "Directory")
DIRECTORY_USER_GROUP = crud.link_type("UserGroup", "CAN_ACCESS", "Directory")
AREA_USER = crud.link_type("User", "CAN_ACCESS", "Area")
AREA_USER_GROUP = crud.link_type("UserGroup", "CAN_ACCESS", "Area")
CONTACT_GROUP_MEMBER = crud.link_type("Contact", "IN_GROUP", "ContactGroup")
STORED_IN = crud.link_type("Contact", "STORED_IN", "Directory")

LINKS = (("customer_category", org.CATEGORY), ("home_location", org.LOCATION))
MANAGERS = (("primary_manager_group", False), ("secondary_manager_group", True))


def _tx_set_links(tx: ManagedTransaction, uid: str, links: dict) -> None:
    """Set what `links` names: category, home location (None removes one), directories,
    primary and secondary account-manager groups."""
    for key, kind in LINKS:
        if links.get(key) is not None:
            crud.tx_require(tx, kind, [links[key]], key)
    if {"customer_category", "home_location"} & set(links):
        run(tx, "contacts/set_contact_links", uid=uid,
            customer_category=links.get("customer_category"),
            home_location=links.get("home_location"),
            set_category="customer_category" in links, set_home="home_location" in links)
    if "directories" in links:
        crud.tx_require(tx, DIRECTORY, links["directories"], "directories")
        run(tx, "contacts/set_contact_directories", uid=uid, directories=links["directories"])
    for key, secondary in MANAGERS:
        if key not in links:
            continue
        if secondary and links[key] is not None and not access.tx_second_group_on(tx):
            raise Invalid.field(key, "the setting 'second account-manager group' is off",
                                code="setting_off")
        if links[key] is not None:
            crud.tx_require(tx, MANAGER_GROUP, [links[key]], key)
        run(tx, "contacts/set_contact_manager", uid=uid, group=links[key], secondary=secondary)


LINK_KEYS = ("customer_category", "home_location", "directories", "primary_manager_group",
             "secondary_manager_group")


def _split_links(data: dict) -> tuple[dict, dict]:
    data = dict(data)
    return data, {key: data.pop(key) for key in LINK_KEYS if key in data}


def search_keys(props: dict) -> dict:
    """`props` with the lowercased search keys of the name and email it changes (what the
    Cypher writers set with toLower)."""
    keys = {f"{field}_key": props[field].lower() if props[field] is not None else None
            for field in ("name", "email") if field in props}
    return {**props, **keys}


def create_contact(graph: Graph, data: dict) -> dict:
    props, links = _split_links(data)
    return crud.create(graph, CONTACT, search_keys({"kind": "customer", **props}),
                       lambda tx, uid: _tx_set_links(tx, uid, links))


def get_contact(graph: Graph, actor: Actor, uid: str) -> dict:
    def work(tx):
        access.tx_require_visible(tx, actor.uid, uid)
        return crud.tx_get(tx, CONTACT, uid)

    return graph.read_tx(work)


def list_contacts(graph: Graph, actor: Actor, limit: int, cursor: str | None) -> dict:
    """The contacts the actor sees, in uid order (keyset)."""

    def work(tx):
        rows = access.tx_visible(tx, actor.uid, decode_cursor(cursor), limit + 1,
                                 explain=False)
        uids = [row["contact"]["uid"] for row in rows]
        return run(tx, "contacts/list_contacts", uids=uids, after=None, limit=len(uids))

    return page([row["item"] for row in graph.read_tx(work)], limit)


def update_contact(graph: Graph, actor: Actor, uid: str, changes: dict) -> dict:
    props, links = _split_links(changes)
    return crud.update(graph, CONTACT, uid, search_keys(props),
                       then=lambda tx, uid: _tx_set_links(tx, uid, links),
                       first=lambda tx: access.tx_require_visible(tx, actor.uid, uid))


def delete_contact(graph: Graph, actor: Actor, uid: str) -> None:
    def work(tx):
        access.tx_require_visible(tx, actor.uid, uid)
        crud.tx_delete(tx, CONTACT, uid)

    graph.write_tx(work)


# -- contact groups -----------------------------------------------------------------------

def _set_directory(directory: str | None):
    def then(tx, uid):
        if directory is not None:
            crud.tx_require(tx, DIRECTORY, [directory], "directory")
            run(tx, "contacts/set_contact_group_directory", uid=uid, directory=directory)

    return then


def create_contact_group(graph: Graph, data: dict) -> dict:
    data = dict(data)
    then = _set_directory(data.pop("directory"))
    return crud.create(graph, CONTACT_GROUP, {"priority": 0, **data}, then)


def update_contact_group(graph: Graph, uid: str, changes: dict) -> dict:
    changes = dict(changes)
    then = _set_directory(changes.pop("directory", None))
    return crud.update(graph, CONTACT_GROUP, uid, changes, then)


def contact_group_members(graph: Graph, actor: Actor, group: str, limit: int,
                          cursor: str | None) -> dict:
    """The group's members the actor sees (membership itself never grants access).

    Pages are cut from the visible members: scan the members in uid order, batch by batch,
    keeping the visible ones, until the page is full."""

    def work(tx):
        crud.tx_get(tx, CONTACT_GROUP, group)
        after, found = decode_cursor(cursor), []
        while len(found) <= limit:
            batch = [r["uid"] for r in run(tx, "contacts/contact_group_member_page",
                                           group=group, after=after, limit=200)]
            if not batch:
                break
            visible = access.tx_filter_visible(tx, actor.uid, batch)
            found += [uid for uid in batch if uid in visible]
            after = batch[-1]
        uids = found[:limit + 1]
        return run(tx, "contacts/list_contacts", uids=uids, after=None, limit=len(uids) or 1)

    rows = graph.read_tx(work)
    return page([row["item"] for row in rows], limit)


def set_group_member(graph: Graph, actor: Actor, group: str, contact: str,
                     present: bool) -> None:
    def work(tx):
        access.tx_require_visible(tx, actor.uid, contact)
        crud.tx_set_link(tx, CONTACT_GROUP_MEMBER, contact, group, present)

    graph.write_tx(work)


# -- campaign status (informational) ------------------------------------------------------

def set_campaign_status(graph: Graph, actor: Actor, contact: str, area: str,
                        data: dict) -> dict:
    def work(tx):
        access.tx_require_visible(tx, actor.uid, contact)
        crud.tx_require(tx, AREA, [area], "area")
        if data.get("advisor"):
            crud.tx_require(tx, org.USER, [data["advisor"]], "advisor")
        return run_one(tx, "contacts/set_campaign_status", contact=contact, area=area,
                       status=data.get("status"), advisor=data.get("advisor"))

    return graph.write_tx(work)
