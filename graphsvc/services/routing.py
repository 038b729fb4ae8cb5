"""Where an item (a case, a message) from a contact lands in a processing domain
(DOMAIN.md section 5). Its own module so that contacts, cases and the conditions that set
responsibilities all use it without importing each other."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graphsvc.db import run_one


def tx_responsibility(tx: ManagedTransaction, contact: str, domain: str) -> dict:
    """Where an item from the contact in the domain lands, with the paths that say why."""
    row = run_one(tx, "conditions/responsibility_for_contact", contact=contact, domain=domain)
    paths = [p for p in (row["area_path"], row["handler_path"], row["user_group_path"]) if p]
    return {"area": row["area"] or row["default_area"], "area_is_default": row["area"] is None,
            "handler": row["handler"], "user_group": row["user_group"],
            "default_user": row["default_user"], "paths": paths}
