"""Org structure: locations and users (DOMAIN.md section 1)."""

from __future__ import annotations

from graphsvc.db import Graph
from graphsvc.services import crud

LOCATION = crud.kind("Location", "location", "org/list_locations")
USER = crud.kind("User", "user", "org/list_users")
WORKS_AT = crud.link_type("User", "WORKS_AT", "Location")


def create_user(graph: Graph, data: dict) -> dict:
    """Create a user with the locations they work at, in one transaction."""
    locations = data.pop("locations", [])
    props = {"is_admin": False, "active": True, **data, "uid": data.get("uid") or crud.new_uid()}

    def work(tx):
        crud.tx_require(tx, LOCATION, locations, "locations")
        uid = crud.tx_create(tx, USER, props)
        tx.run(crud.queries["org/set_user_locations"], uid=uid, locations=locations)
        return crud.tx_get(tx, USER, uid)

    return graph.write_tx(work)


def update_user(graph: Graph, uid: str, changes: dict) -> dict:
    locations = changes.pop("locations", None)

    def work(tx):
        crud.tx_update(tx, USER, uid, changes)
        if locations is not None:
            crud.tx_require(tx, LOCATION, locations, "locations")
            tx.run(crud.queries["org/set_user_locations"], uid=uid, locations=locations)
        return crud.tx_get(tx, USER, uid)

    return graph.write_tx(work)
