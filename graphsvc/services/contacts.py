"""Contacts (DOMAIN.md section 3): customers, suppliers and colleagues."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graphsvc.db import Graph, run
from graphsvc.services import crud, org

CONTACT = crud.kind("Contact", "contact", "contacts/list_contacts")


LINKS = (("customer_category", org.CATEGORY), ("home_location", org.LOCATION))


def _tx_set_links(tx: ManagedTransaction, uid: str, links: dict) -> None:
    """Set the category and/or home location named in `links` (None removes one)."""
    if not links:
        return
    for key, kind in LINKS:
        if links.get(key) is not None:
            crud.tx_require(tx, kind, [links[key]], key)
    run(tx, "contacts/set_contact_links", uid=uid,
        customer_category=links.get("customer_category"),
        home_location=links.get("home_location"),
        set_category="customer_category" in links, set_home="home_location" in links)


def create_contact(graph: Graph, data: dict) -> dict:
    data = dict(data)
    links = {key: data.pop(key) for key, _ in LINKS if key in data}
    props = {"kind": "customer", **data, "uid": data.get("uid") or crud.new_uid()}

    def work(tx):
        uid = crud.tx_create(tx, CONTACT, props)
        _tx_set_links(tx, uid, links)
        return crud.tx_get(tx, CONTACT, uid)

    return graph.write_tx(work)


def update_contact(graph: Graph, uid: str, changes: dict) -> dict:
    changes = dict(changes)
    links = {key: changes.pop(key) for key, _ in LINKS if key in changes}

    def work(tx):
        crud.tx_update(tx, CONTACT, uid, changes)
        _tx_set_links(tx, uid, links)
        return crud.tx_get(tx, CONTACT, uid)

    return graph.write_tx(work)
