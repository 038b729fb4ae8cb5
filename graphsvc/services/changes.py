"""Every change to a competence or service group, by anyone, is recorded (DOMAIN.md section
1, "Group managers"): who, when, what, before and after, written by the transaction of the
change itself, so a change and its record commit together and a refused or failed change
leaves none.

Who: the acting user of the request (`acting_as`, set by the API and the console); work
done outside a request (the CLI) is recorded as "system". Seed and bulk loads write the
graph directly and record nothing: they are the starting point, not changes.
"""

from __future__ import annotations

import json
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

from neo4j import ManagedTransaction

from graphsvc.db import Graph, plain, run
from graphsvc.pagination import decode_cursor, page

COMPETENCE_GROUP = "competence-group"
SERVICE_GROUP = "service-group"
GROUP_KINDS = (COMPETENCE_GROUP, SERVICE_GROUP)
SYSTEM = "system"

_acting: ContextVar[str | None] = ContextVar("graphsvc_change_actor", default=None)


def set_actor(uid: str | None):
    """Name who the changes of this request are by; returns the token for `reset_actor`."""
    return _acting.set(uid)


def reset_actor(token) -> None:
    _acting.reset(token)


@contextmanager
def acting_as(uid: str):
    token = set_actor(uid)
    try:
        yield
    finally:
        reset_actor(token)


def _text(value) -> str | None:
    if value is None:
        return None

    def default(item):
        if isinstance(item, (datetime, date)):
            return item.isoformat()
        return str(item)

    return json.dumps(plain(value), sort_keys=True, default=default)


def _change_uid() -> str:
    # time-ordered (newest last when sorted), unique within the same nanosecond too
    return f"{time.time_ns():020d}-{uuid.uuid4().hex[:12]}"


def _change(kind: str, group: str, action: str, aspect: str, target: str | None,
            before_text: str | None, after_text: str | None, now: datetime) -> dict:
    if kind not in GROUP_KINDS:
        raise ValueError(f"{kind!r} is not a group kind")
    return {"uid": _change_uid(), "at": now, "actor": _acting.get() or SYSTEM,
            "group": group, "group_kind": kind, "action": action, "aspect": aspect,
            "target": target, "before": before_text, "after": after_text}


def tx_record(tx: ManagedTransaction, kind: str, group: str, action: str, aspect: str, *,
              target: str | None = None, before=None, after=None) -> bool:
    """Record one change of `group` unless it changed nothing (before == after): `action`
    is create, update, delete, add or remove; `aspect` what it touched (group, members,
    competences, managers, competence-groups, levels). Returns whether it recorded."""
    return tx_record_many(tx, [{"kind": kind, "group": group, "action": action,
                                "aspect": aspect, "target": target, "before": before,
                                "after": after}]) == 1


def tx_record_many(tx: ManagedTransaction, items: list[dict]) -> int:
    """Several changes (`{kind, group, action, aspect, target, before, after}`, each as for
    `tx_record`) in one statement; those that changed nothing are not recorded."""
    now = datetime.now(UTC)
    texts = [(i, _text(i["before"]), _text(i["after"])) for i in items]
    rows = [_change(i["kind"], i["group"], i["action"], i["aspect"], i["target"], before,
                    after, now)
            for i, before, after in texts if before != after]
    if rows:
        run(tx, "manage/record_change", changes=rows)
    return len(rows)


def tx_record_sync(tx: ManagedTransaction, kind: str, changed: list[dict]) -> int:
    """A bulk sync's changes of one batch of groups (`{uid, before, after}`, before None
    for a new group) as one record per group (aspect "sync"), in one statement."""
    return tx_record_many(tx, [{"kind": kind, "group": item["uid"],
                                "action": "create" if item["before"] is None else "update",
                                "aspect": "sync", "target": None, "before": item["before"],
                                "after": item["after"]} for item in changed])


def changes_page(graph: Graph, kind: str, group: str, limit: int, cursor: str | None) -> dict:
    """A group's changes, newest first; `before`/`after` as the objects they were."""
    rows = graph.read("manage/list_changes", kind=kind, group=group,
                      before=decode_cursor(cursor), limit=limit + 1)
    items = []
    for row in rows:
        change = dict(row["change"])
        for key in ("before", "after"):
            change[key] = json.loads(change[key]) if change.get(key) is not None else None
        items.append(change)
    return page(items, limit)
