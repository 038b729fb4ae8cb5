"""Substitution with scope, expiry and provenance (issue 15): a substitute covers for an
absent user in a window. It is made of windowed memberships (graphsvc.windows), so every
decision already honours it, it ends by itself at its end (no job runs), the past stays
answerable, and each path through it says whom it substitutes for, until when.

Who may: an administrator, for any scope; the absent user themself, for their
account-manager groups only (handing one's customers to a colleague while away, as the
vendors' "substitute" does). Ending one early: an administrator, the absent user or the
substitute. Competence- and service-group memberships a substitution makes are recorded in
those groups' history, as every change of theirs is."""

from __future__ import annotations

from datetime import datetime, timedelta

from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Forbidden, Invalid, NotFound, UnknownReference
from graphsvc.pagination import page
from graphsvc.services import changes, crud, org
from graphsvc.windows import CLOCK_SKEW, now

SCOPES = ("account_manager_groups", "all")
MAX_SPAN = timedelta(days=366)
_HISTORY_KINDS = {"competence-group": changes.COMPETENCE_GROUP,
                  "service-group": changes.SERVICE_GROUP}


def tx_get(tx, uid: str) -> dict:
    row = run_one(tx, "substitutions/list_substitutions", uids=[uid], user=None, after=None,
                  limit=1)
    if row is None:
        raise NotFound.of("substitution", uid)
    return row["item"]


def _check(data: dict, at: datetime) -> tuple[datetime, datetime]:
    start = data.get("valid_from") or at
    end = data["valid_to"]
    if start < at - CLOCK_SKEW:
        raise Invalid.field("from", "must not be in the past: a substitution cannot "
                                          "change what was")
    if end <= start:
        raise Invalid.field("to", "must be after from")
    if end - start > MAX_SPAN:
        raise Invalid.field("to", f"a substitution may last at most {MAX_SPAN.days} "
                                        "days")
    if data["substitute"] == data["for_user"]:
        raise Invalid.field("substitute", "must not be the absent user")
    return start, end


def create(graph: Graph, actor, data: dict) -> dict:
    """Create the substitution and its windowed memberships in one transaction."""
    at = now()
    start, end = _check(data, at)
    uid = data.get("uid") or crud.new_uid()

    def work(tx):
        if not actor.is_admin and (actor.uid != data["for_user"]
                                   or data["scope"] != "account_manager_groups"):
            raise Forbidden("Only administrators may name a substitute for someone else, or "
                            "for competence and service groups; a user may name one for "
                            "their own account-manager groups.")
        users = {row["item"]["uid"]: row["item"] for row in run(
            tx, "org/list_users", uids=[data["substitute"], data["for_user"]], after=None,
            limit=2)}
        for field in ("substitute", "for_user"):
            if data[field] not in users:
                raise UnknownReference.of("user", data[field], field)
        if not users[data["substitute"]]["active"]:
            raise Invalid.field("substitute", "is not an active user")
        made = run_one(tx, "substitutions/create_substitution", uid=uid,
                       substitute=data["substitute"], for_user=data["for_user"],
                       scope=data["scope"], now=at, by=actor.uid,
                       **{"from": start, "to": end})
        changes.tx_record_many(tx, [
            {"kind": _HISTORY_KINDS[g["kind"]], "group": g["uid"], "action": "add",
             "aspect": "members", "target": data["substitute"], "before": None,
             "after": {"valid_from": g["valid_from"], "valid_to": g["valid_to"],
                       "substitution": uid, "substituting_for": data["for_user"]}}
            for g in made["groups"] if g["kind"] in _HISTORY_KINDS])
        return tx_get(tx, uid)

    return graph.write_tx(work)


def end(graph: Graph, actor, uid: str) -> dict:
    """End the substitution now (idempotent); answers it as it stands then."""

    def work(tx):
        current = tx_get(tx, uid)
        if not actor.is_admin and actor.uid not in (current["substitute"],
                                                     current["for_user"]):
            raise NotFound.of("substitution", uid)  # not one's own: as if missing
        at = now()
        run(tx, "substitutions/end_substitution", uid=uid, now=at)
        after = tx_get(tx, uid)
        ended = {(g["kind"], g["uid"]): g for g in after["groups"]}
        changes.tx_record_many(tx, [
            {"kind": _HISTORY_KINDS[g["kind"]], "group": g["uid"], "action": "remove",
             "aspect": "members", "target": current["substitute"], "before": g,
             "after": ended.get((g["kind"], g["uid"]))}
            for g in current["groups"] if g["kind"] in _HISTORY_KINDS
            and (g["valid_to"] is None or g["valid_to"] > at)])
        return after

    return graph.write_tx(work)


def get(graph: Graph, actor, uid: str) -> dict:
    def work(tx):
        item = tx_get(tx, uid)
        if not actor.is_admin and actor.uid not in (item["substitute"], item["for_user"]):
            raise NotFound.of("substitution", uid)
        return item

    return graph.read_tx(work)


def list_page(graph: Graph, actor, user: str | None, limit: int, after: str | None) -> dict:
    """Substitutions by uid; a non-admin sees only their own (as substitute or absent)."""

    def work(tx):
        who = user
        if not actor.is_admin:
            if user not in (None, actor.uid):
                raise Forbidden("Only administrators may list another user's substitutions.")
            who = actor.uid
        if who is not None:
            crud.tx_require(tx, org.USER, [who], "user")
        return [row["item"] for row in run(tx, "substitutions/list_substitutions", uids=None,
                                           user=who, after=after, limit=limit + 1)]

    return page(graph.read_tx(work), limit)
