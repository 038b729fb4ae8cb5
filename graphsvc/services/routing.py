"""Where an item (a case, a message) from a contact lands in a processing domain
(DOMAIN.md section 5). Its own module so that contacts, cases and the conditions that set
responsibilities all use it without importing each other."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graphsvc.db import run_one
from graphsvc.services import access


def tx_responsibility(tx: ManagedTransaction, contact: str, domain: str) -> dict:
    """Where an item from the contact in the domain lands, with the paths that say why.

    The handler is the highest-priority active one who sees the contact (work goes only to
    people who can open it); those passed over are in `skipped_handlers`."""
    row = run_one(tx, "conditions/responsibility_for_contact", contact=contact, domain=domain)
    candidates, named = [], set()
    for h in row["handlers"]:  # each active handler once, in priority order
        if h["handler"] and h["handler"] not in named:
            named.add(h["handler"])
            candidates.append(h)
    seeing = access.tx_users_who_see(tx, contact, [h["handler"] for h in candidates])
    chosen = next((h for h in candidates if h["handler"] in seeing), None)
    skipped = [{"user": h["handler"], "reason": "does not see the contact"}
               for h in candidates[:candidates.index(chosen) if chosen else len(candidates)]]
    handler_path = chosen["path"] if chosen else None
    paths = [p for p in (row["area_path"], handler_path, row["user_group_path"]) if p]
    return {"area": row["area"] or row["default_area"], "area_is_default": row["area"] is None,
            "handler": chosen["handler"] if chosen else None, "skipped_handlers": skipped,
            "user_group": row["user_group"], "default_user": row["default_user"],
            "paths": paths}
