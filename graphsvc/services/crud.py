"""Plain create/read/update/delete of nodes and links, for every kind of node the domain has.

Labels and relationship types are substituted into the `cypher/crud/*` templates only from
the allow-lists below; every value travels as a parameter.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from neo4j import ManagedTransaction

from graphsvc import windows
from graphsvc.cypher import queries
from graphsvc.db import Graph, plain
from graphsvc.errors import NotFound, UnknownReference
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import changes


@dataclass(frozen=True)
class Kind:
    label: str
    noun: str
    list_query: str  # named query taking $uids, $after, $limit and returning `item`


KINDS: dict[str, Kind] = {}


def kind(label: str, noun: str, list_query: str) -> Kind:
    KINDS[label] = Kind(label, noun, list_query)
    return KINDS[label]


@dataclass(frozen=True)
class Link:
    source: str
    rel: str
    target: str


LINKS: set[Link] = set()


def link_type(source: str, rel: str, target: str) -> Link:
    item = Link(source, rel, target)
    LINKS.add(item)
    return item


def template(name: str, **names: str) -> str:
    """A `cypher/crud` template with allow-listed labels and types substituted."""
    text = queries[f"crud/{name}"]
    for placeholder, value in names.items():
        if value not in _allowed_names():
            raise ValueError(f"{value!r} is not an allow-listed label or relationship type")
        text = text.replace(f"__{placeholder.upper()}__", value)
    return text


def _allowed_names() -> set[str]:
    names = set(KINDS)
    for item in LINKS:
        names.update((item.source, item.rel, item.target))
    return names


def new_uid() -> str:
    return uuid.uuid4().hex


# -- transaction pieces (safe to repeat) -------------------------------------------------

def tx_create(tx: ManagedTransaction, k: Kind, props: dict) -> str:
    return tx.run(template("create_node", label=k.label), props=props).single()["uid"]


def tx_update(tx: ManagedTransaction, k: Kind, uid: str, changes: dict) -> None:
    if tx.run(template("update_node", label=k.label), uid=uid, changes=changes).single() is None:
        raise NotFound.of(k.noun, uid)


def tx_delete(tx: ManagedTransaction, k: Kind, uid: str) -> None:
    if tx.run(template("delete_node", label=k.label), uid=uid).single()["deleted"] == 0:
        raise NotFound.of(k.noun, uid)


def tx_existing(tx: ManagedTransaction, k: Kind, uids: list[str]) -> set[str]:
    """Which of these uids name a node of this kind (one indexed query)."""
    if not uids:
        return set()
    return {r["uid"] for r in tx.run(template("existing_uids", label=k.label),
                                     uids=list(dict.fromkeys(uids)))}


def tx_require(tx: ManagedTransaction, k: Kind, uids: list[str], field: str) -> None:
    """422 naming `field` unless every uid exists as a node of this kind."""
    wanted = list(dict.fromkeys(uids))
    found = tx_existing(tx, k, wanted)
    for uid in wanted:
        if uid not in found:
            raise UnknownReference.of(k.noun, uid, field)


def tx_get(tx: ManagedTransaction, k: Kind, uid: str) -> dict:
    record = tx.run(queries[k.list_query], uids=[uid], after=None, limit=1).single()
    if record is None:
        raise NotFound.of(k.noun, uid)
    return plain(record["item"])


def is_grant(link: Link) -> bool:
    """Whether the relationship grants something and so keeps its windows (graphsvc.windows)."""
    return (link.source, link.rel, link.target) in windows.GRANTS


def tx_set_link(tx: ManagedTransaction, link: Link, source_uid: str, target_uid: str,
                present: bool, props: dict | None = None, erase: bool = False) -> dict | None:
    """Add (with `props`) or remove the relationship; answers its properties before (None:
    there was none). A grant keeps its past: see `tx_set_link_change`."""
    return tx_set_link_change(tx, link, source_uid, target_uid, present, props, erase)[0]


def tx_set_link_change(tx: ManagedTransaction, link: Link, source_uid: str, target_uid: str,
                       present: bool, props: dict | None = None,
                       erase: bool = False) -> tuple[dict | None, dict | None]:
    """`tx_set_link`, answering the relationship's properties before and after (None: none).

    A grant (graphsvc.windows.GRANTS) is windowed (cypher/crud/set_grant.cypher): adding
    sets the live window (a new one opens from now when none is live), removing ends the
    running window now and drops a planned one, and `erase` (admins, for erasure requests)
    deletes every window of the pair. Any other link is simply added or deleted."""
    names = {"from": link.source, "rel": link.rel, "to": link.target}
    grant = is_grant(link)
    extra = {"erase": erase, "now": windows.now()} if grant else {}
    row = tx.run(template("set_grant" if grant else "set_link", **names), from_uid=source_uid,
                 to_uid=target_uid, present=present, props=props or {}, **extra).single()
    if not row["from_found"]:
        raise NotFound.of(KINDS[link.source].noun, source_uid)
    if not row["to_found"]:
        raise NotFound.of(KINDS[link.target].noun, target_uid)
    after = plain(row["after"]) if grant else (props or {}) if present else None
    return plain(row["before"]), after


@dataclass(frozen=True)
class Recorded:
    """Where a link change is recorded (`graphsvc.services.changes`): the group's kind and
    uid, the aspect it changes (members, managers, ...) and the uid of the other end."""

    kind: str
    group: str
    aspect: str
    target: str


def tx_set_recorded_link(tx: ManagedTransaction, link: Link, source_uid: str,
                         target_uid: str, present: bool, props: dict | None,
                         record: Recorded, erase: bool = False) -> None:
    """`tx_set_link` and, in the same transaction, the group's change record."""
    before, after = tx_set_link_change(tx, link, source_uid, target_uid, present, props, erase)
    action = "remove" if not present else ("update" if before is not None else "add")
    changes.tx_record(tx, record.kind, record.group, action, record.aspect,
                      target=record.target, before=before, after=after)


# -- whole operations --------------------------------------------------------------------

def get(graph: Graph, k: Kind, uid: str) -> dict:
    return graph.read_tx(tx_get, k, uid)


def list_page(graph: Graph, k: Kind, limit: int, cursor: str | None) -> dict:
    rows = graph.read(k.list_query, uids=None, after=decode_cursor(cursor), limit=limit + 1)
    return page([r["item"] for r in rows], limit)


def create(graph: Graph, k: Kind, props: dict,
           then: Callable[[ManagedTransaction, str], None] | None = None) -> dict:
    """Create the node and, in the same transaction, run `then(tx, uid)` (links, checks);
    answer the node as its list query shows it."""
    props = {**props, "uid": props.get("uid") or new_uid()}

    def work(tx):
        uid = tx_create(tx, k, props)
        if then:
            then(tx, uid)
        return tx_get(tx, k, uid)

    return graph.write_tx(work)


def update(graph: Graph, k: Kind, uid: str, changes: dict,
           then: Callable[[ManagedTransaction, str], None] | None = None,
           first: Callable[[ManagedTransaction], None] | None = None) -> dict:
    """Change the node's properties; `first(tx)` runs before (access checks), `then(tx,
    uid)` after (links), all in one transaction."""

    def work(tx):
        if first:
            first(tx)
        tx_update(tx, k, uid, changes)
        if then:
            then(tx, uid)
        return tx_get(tx, k, uid)

    return graph.write_tx(work)


def delete(graph: Graph, k: Kind, uid: str) -> None:
    graph.write_tx(tx_delete, k, uid)


def set_link(graph: Graph, link: Link, source_uid: str, target_uid: str, present: bool,
             props: dict | None = None, record: Recorded | None = None,
             erase: bool = False) -> None:
    if record is None:
        graph.write_tx(tx_set_link, link, source_uid, target_uid, present, props, erase)
    else:
        graph.write_tx(tx_set_recorded_link, link, source_uid, target_uid, present, props,
                       record, erase)
