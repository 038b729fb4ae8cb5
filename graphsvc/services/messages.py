"""Protected communication (DOMAIN.md section 4): notes, mails and tickets' messages about
a contact. A message may belong to a case; then the case's area and the user group it was
routed to protect the message exactly as the message's own would. Who sees the contact is
`graphsvc.services.access`; what of a message a viewer may read is
`cypher/messages/read_messages.cypher`."""

from __future__ import annotations

from datetime import UTC, datetime

from neo4j import ManagedTransaction

from graphsvc.actor import Actor
from graphsvc.db import Graph, run
from graphsvc.errors import Invalid, NotFound
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import access, cases, contacts, crud, org, routing

# Set by the case for its messages, never by the message itself.
CASE_DECIDES = ("area", "user_group", "domain")


def _tx_case_contact(tx: ManagedTransaction, actor: Actor, data: dict) -> str:
    """The contact of the case the message belongs to (422 when the actor does not see the
    case, or the body contradicts it)."""
    case = cases.tx_visible_case(tx, actor, data["case"], field="case")
    if data.get("contact") and data["contact"] != case["contact"]:
        raise Invalid.field("contact", f"case '{case['uid']}' is about contact "
                                       f"'{case['contact']}'")
    for key in CASE_DECIDES:
        if data.get(key):
            raise Invalid.field(key, "a case's messages take the case's area and user group")
    return case["contact"]


def create_message(graph: Graph, actor: Actor, data: dict) -> dict:
    data = dict(data)
    message = {"uid": data.get("uid") or crud.new_uid(), "subject": data["subject"],
               "body": data.get("body", ""), "private": bool(data.get("recipient")),
               "sent_at": datetime.now(UTC)}

    def work(tx):
        if data.get("case"):
            contact = _tx_case_contact(tx, actor, data)
        else:
            contact = data["contact"]
            access.tx_require_visible(tx, actor.uid, contact, field="contact")
        if data.get("domain"):
            # Lands where the contact's groups say for the domain, restricted to their group.
            where = routing.tx_responsibility(tx, contact, data["domain"])
            data["area"] = data.get("area") or where["area"]
            data["user_group"] = data.get("user_group") or where["user_group"]
        if data.get("area"):
            crud.tx_require(tx, contacts.AREA, [data["area"]], "area")
        if data.get("recipient"):
            crud.tx_require(tx, org.USER, [data["recipient"]], "recipient")
        if data.get("user_group"):
            crud.tx_require(tx, contacts.USER_GROUP, [data["user_group"]], "user_group")
        run(tx, "messages/create_message", message=message, contact=contact,
            case=data.get("case"), sender=actor.uid, area=data.get("area"),
            recipient=data.get("recipient"), user_group=data.get("user_group"))
        return _tx_read(tx, actor, uids=[message["uid"]])[0]

    return graph.write_tx(work)


def _tx_read(tx: ManagedTransaction, actor: Actor, uids: list[str] | None = None,
             contact: str | None = None, case: str | None = None, after: str | None = None,
             limit: int = 1000) -> list[dict]:
    rows = run(tx, "messages/read_messages", user=actor.uid, uids=uids, contact=contact,
               case=case, after=after, limit=limit)
    return [{**row["message"], "readable": row["readable"],
             "withheld_because": row["withheld_because"]} for row in rows]


def get_message(graph: Graph, actor: Actor, uid: str) -> dict:
    """404 when the actor does not see the message's contact; metadata only when the
    content is protected from the actor."""

    def work(tx):
        found = _tx_read(tx, actor, uids=[uid])
        if not found or not access.tx_sees(tx, actor.uid, found[0]["contact"]):
            raise NotFound.of("message", uid)
        return found[0]

    return graph.read_tx(work)


def contact_messages(graph: Graph, actor: Actor, contact: str, limit: int,
                     cursor: str | None) -> dict:
    def work(tx):
        access.tx_require_visible(tx, actor.uid, contact)
        return _tx_read(tx, actor, contact=contact, after=decode_cursor(cursor),
                        limit=limit + 1)

    return page(graph.read_tx(work), limit)


def case_messages(graph: Graph, actor: Actor, case: str, limit: int,
                  cursor: str | None) -> dict:
    """The case's messages (404 when the actor does not see the case's contact): content
    only for those the case's area and routed user group admit."""

    def work(tx):
        cases.tx_visible_case(tx, actor, case)
        return _tx_read(tx, actor, case=case, after=decode_cursor(cursor), limit=limit + 1)

    return page(graph.read_tx(work), limit)
