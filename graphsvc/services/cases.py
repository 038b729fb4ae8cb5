"""Service cases and their assignment (DOMAIN.md section 6), qualifications, and the pools
teams pull tasks from (section 7).

Pulls never hand out an item twice: the candidates are read in urgency order, and each claim
locks one item and re-checks its status inside a transaction of its own before taking it.
A transaction holds one lock at most, so pulls never deadlock and never wait for a driver
retry; a lost race just moves on to another candidate. Without contention a pull takes the
most urgent item; under contention a loser takes one of the next most urgent.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from neo4j import ManagedTransaction

from graphsvc.actor import Actor
from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Forbidden, Invalid, NotFound, UnknownReference
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import access, conditions, crud, org, routing

QUALIFICATION = crud.kind("Qualification", "qualification", "cases/list_qualifications")
TEAM = crud.kind("Team", "team", "teams/list_teams")
HOLDS = crud.link_type("User", "HOLDS", "Qualification")
TEAM_MEMBER = crud.link_type("User", "MEMBER_OF", "Team")

# Sort key of items with no due time: after every real one (see cypher/schema/*pull_due_order).
NO_DUE = datetime(9999, 12, 31, tzinfo=UTC)
CANDIDATES = 32  # how many of the most urgent items one pull looks at


def now() -> datetime:
    return datetime.now(UTC)


# -- qualifications ---------------------------------------------------------------------------

def _tx_check_ratings(tx: ManagedTransaction, ratings: dict[str, int], field: str) -> None:
    """422 unless every rating lies inside its qualification's scale."""
    scales = {r["uid"]: r for r in run(tx, "cases/scales", uids=list(ratings))}
    for uid, rating in ratings.items():
        scale = scales.get(uid)
        if scale is None:
            raise Invalid.field(field, f"unknown qualification '{uid}'", code="unknown_reference")
        if not scale["scale_min"] <= rating <= scale["scale_max"]:
            raise Invalid.field(field, f"{rating} is outside the scale of '{uid}' "
                                       f"({scale['scale_min']}..{scale['scale_max']})")


def create_qualification(graph: Graph, data: dict) -> dict:
    if data["scale_max"] <= data["scale_min"]:
        raise Invalid.field("scale_max", "must be greater than scale_min")
    return crud.create(graph, QUALIFICATION, data)


def set_rating(graph: Graph, user: str, qualification: str, rating: int | None) -> list[dict]:
    def work(tx):
        crud.tx_get(tx, org.USER, user)
        crud.tx_get(tx, QUALIFICATION, qualification)
        if rating is not None:
            _tx_check_ratings(tx, {qualification: rating}, "rating")
        crud.tx_set_link(tx, HOLDS, user, qualification, False)
        if rating is not None:
            crud.tx_set_link(tx, HOLDS, user, qualification, True, {"rating": rating})
        return run(tx, "cases/user_qualifications", user=user)

    return graph.write_tx(work)


def user_qualifications(graph: Graph, user: str) -> list[dict]:
    def work(tx):
        crud.tx_get(tx, org.USER, user)
        return run(tx, "cases/user_qualifications", user=user)

    return graph.read_tx(work)


# -- cases -------------------------------------------------------------------------------------

def _due(created_at: datetime, level: dict) -> tuple[datetime, datetime]:
    return (created_at + timedelta(minutes=level["response_minutes"]),
            created_at + timedelta(minutes=level["resolution_minutes"]))


def _tx_get_case(tx: ManagedTransaction, uid: str) -> dict:
    rows = run(tx, "cases/get_cases", uids=[uid])
    if not rows:
        raise NotFound.of("case", uid)
    return rows[0]["item"]


def tx_visible_case(tx: ManagedTransaction, actor: Actor, uid: str,
                    field: str | None = None) -> dict:
    """The case, or (when it does not exist or the actor does not see its contact) 404, or
    422 unknown reference when a body `field` names it."""
    rows = run(tx, "cases/get_cases", uids=[uid])
    if not rows or access.tx_sees(tx, actor.uid, rows[0]["item"]["contact"]) is None:
        if field:
            raise UnknownReference.of("case", uid, field)
        raise NotFound.of("case", uid)
    return rows[0]["item"]


CASE_FILTERS = ("status", "assignee", "area", "domain", "contact")


def list_cases(graph: Graph, actor: Actor, filters: dict, limit: int,
               cursor: str | None) -> dict:
    """A page of the cases the actor sees, by status, assignee (`me`: the actor), area,
    domain and contact, in uid order: one query, each way in from an index."""
    chosen = {key: filters.get(key) for key in CASE_FILTERS}
    if chosen["assignee"] == "me":
        chosen["assignee"] = actor.uid
    rows = graph.read("cases/list_cases", user=actor.uid, after=decode_cursor(cursor),
                      limit=limit + 1, **chosen)
    return page([row["item"] for row in rows], limit)


def open_case(graph: Graph, actor: Actor, data: dict) -> dict:
    """Open a case: area, handler and user group from the contact's groups for the domain
    (default area otherwise); assigned to the responsible handler (active_assigned) or else
    to the default user (active_new); SLA of the contact's highest-priority group with a
    contract, at its default level (or the level matching a given severity)."""
    created = now()
    uid = data.get("uid") or crud.new_uid()
    requirements = data.get("requirements", [])

    def work(tx):
        access.tx_require_visible(tx, actor.uid, data["contact"], field="contact")
        if requirements:
            _tx_check_ratings(tx, {r["qualification"]: r["min_rating"] for r in requirements},
                              "requirements")
        where = routing.tx_responsibility(tx, data["contact"], data["domain"])
        if where["handler"]:
            assignee, status = where["handler"], "active_assigned"
        elif where["default_user"]:
            assignee, status = where["default_user"], "active_new"
        else:
            raise Invalid("No handler is responsible for this contact and no default user is "
                          "set: set one with PATCH /api/v1/settings {\"default_user\": ...}.",
                          code="no_default_user", fields={"contact": [
                              "no responsible handler and no default user"]})
        sla = run_one(tx, "conditions/sla_for_contact", contact=data["contact"])
        level, paths = None, list(where["paths"])
        if sla:
            level = sla["level"]
            paths.append(sla["path"])
            if data.get("severity"):
                level = _tx_level_for(tx, sla["contract"], data["severity"])
        response_due, resolution_due = _due(created, level) if level else (None, None)
        run(tx, "cases/create_case", contact=data["contact"], area=where["area"],
            assignee=assignee, level=level["uid"] if level else None,
            user_group=where["user_group"], requirements=requirements,
            case={"uid": uid, "subject": data["subject"], "domain": data["domain"],
                  "severity": level["severity"] if level else data.get("severity"),
                  "status": status, "created_at": created, "updated_at": created,
                  "response_due": response_due, "resolution_due": resolution_due,
                  "pull_due": response_due or NO_DUE, "created_by": actor.uid})
        return {**_tx_get_case(tx, uid), "paths": paths,
                "skipped_handlers": where["skipped_handlers"]}

    return graph.write_tx(work)


def _tx_level_for(tx: ManagedTransaction, contract: str, severity: str) -> dict:
    row = run_one(tx, "conditions/sla_level_for_severity", contract=contract, severity=severity)
    if row is None:
        raise Invalid.field("severity", f"SLA contract '{contract}' has no level for "
                                        f"severity '{severity}'")
    return row["level"]


def get_case(graph: Graph, actor: Actor, uid: str) -> dict:
    return graph.read_tx(tx_visible_case, actor, uid)


def update_case(graph: Graph, actor: Actor, uid: str, changes: dict) -> dict:
    """Subject, status (pending, closed, back to active) and severity; a new severity moves
    the case to the matching level of its contract and recomputes the due times."""
    severity = changes.pop("severity", None)
    at = now()

    def work(tx):
        case = tx_visible_case(tx, actor, uid)
        plain = {k: v for k, v in changes.items() if k in ("subject", "status")}
        if plain.get("status") == "closed" and case["status"] != "closed":
            plain["closed_at"] = at
        if plain.get("status") in ("active_new", "active_assigned", "pending"):
            plain["closed_at"] = None
        if plain:
            run(tx, "cases/update_case", uid=uid, changes={**plain, "updated_at": at})
        if severity is not None:
            context = run_one(tx, "cases/case_sla_context", uid=uid)
            if context["contract"] is None:
                run(tx, "cases/update_case", uid=uid, changes={"severity": severity})
            else:
                level = _tx_level_for(tx, context["contract"], severity)
                response_due, resolution_due = _due(context["created_at"], level)
                run(tx, "cases/set_case_sla", uid=uid, level=level["uid"],
                    response_due=response_due, resolution_due=resolution_due,
                    manual=bool(case["sla"] and case["sla"]["manual"]),
                    severity=level["severity"], at=at)
        return _tx_get_case(tx, uid)

    return graph.write_tx(work)


def override_sla(graph: Graph, actor: Actor, uid: str, contract: str, level: str) -> dict:
    """Change the SLA of one case by hand: another contract and level, due times anew."""
    at = now()

    def work(tx):
        tx_visible_case(tx, actor, uid)
        found = crud.tx_get(tx, conditions.SLA_CONTRACT, contract)
        chosen = next((lvl for lvl in found["levels"] if lvl["uid"] == level), None)
        if chosen is None:
            raise Invalid.field("level", f"not a level of SLA contract '{contract}'")
        context = run_one(tx, "cases/case_sla_context", uid=uid)
        response_due, resolution_due = _due(context["created_at"], chosen)
        run(tx, "cases/set_case_sla", uid=uid, level=level, response_due=response_due,
            resolution_due=resolution_due, manual=True, severity=chosen["severity"], at=at)
        return _tx_get_case(tx, uid)

    return graph.write_tx(work)


def assign(graph: Graph, actor: Actor, uid: str, assignee: str) -> dict:
    """Manual assignment to any active user who sees the case's contact: status
    active_assigned."""
    at = now()

    def work(tx):
        case = tx_visible_case(tx, actor, uid)
        user = crud.tx_get(tx, org.USER, assignee)
        if not user["active"]:
            raise Invalid.field("user", f"user '{assignee}' is not active")
        if access.tx_sees(tx, assignee, case["contact"]) is None:
            # Work goes only to people who can open it.
            raise Invalid.field("user", f"user '{assignee}' does not see contact "
                                        f"'{case['contact']}' (no directory of the contact "
                                        "grants it)", code="cannot_see_contact")
        run(tx, "cases/assign_case", uid=uid, assignee=assignee, by=actor.uid,
            assignment={"uid": crud.new_uid(), "at": at})
        return _tx_get_case(tx, uid)

    return graph.write_tx(work)


def suggestions(graph: Graph, actor: Actor, user: str, limit: int) -> list[dict]:
    def work(tx):
        if user != actor.uid and not actor.is_admin:
            raise Forbidden("Only administrators may see another user's suggestions.")
        crud.tx_get(tx, org.USER, user)
        return run(tx, "cases/assignment_suggestions", user=user, limit=limit)

    return graph.read_tx(work)


def _claim_first(graph: Graph, candidates: str, claim: str,
                 read: Callable[[ManagedTransaction, str], dict], params: dict,
                 claimer: dict) -> dict | None:
    """Walk the most urgent candidates in order, each claim in a transaction of its own:
    lock the item, re-check it is still free, take it. A claim that lost the race commits
    nothing and releases its lock at once. After a lost race the rest of the candidates are
    tried in random order, so agents racing for the same items spread out instead of
    queueing on each one in turn. None only when no candidate is left: every round some
    pull takes an item, so the loop ends."""
    while True:
        rows = [row["uid"] for row in graph.read(candidates, limit=CANDIDATES, **params)]
        if not rows:
            return None
        first, rest = rows[0], rows[1:]
        for uid in [first, *random.sample(rest, len(rest))]:
            try:
                taken = graph.write_tx(_tx_claim, claim, read, uid, claimer)
            except _NotVisibleAnyMore:
                continue  # the claim rolled back; the next read leaves this case out
            if taken:
                return taken


def _tx_claim(tx: ManagedTransaction, claim: str,
              read: Callable[[ManagedTransaction, str], dict], uid: str,
              claimer: dict) -> dict | None:
    if run_one(tx, claim, uid=uid, at=now(), **claimer) is None:
        return None
    return read(tx, uid)


class _NotVisibleAnyMore(Exception):
    """A claimed case's contact is no longer visible to the agent: undo the claim."""


def _if_visible(get: Callable[[ManagedTransaction, str], dict],
                agent: str) -> Callable[[ManagedTransaction, str], dict]:
    """Read the claimed item back with `get`; raise _NotVisibleAnyMore (rolling the claim
    back) when it concerns a contact the agent no longer sees: access may have been revoked
    since the candidates were read."""

    def read(tx: ManagedTransaction, uid: str) -> dict:
        item = get(tx, uid)
        if item["contact"] and access.tx_sees(tx, agent, item["contact"]) is None:
            raise _NotVisibleAnyMore
        return item

    return read


def pull_case(graph: Graph, actor: Actor) -> dict | None:
    """The most urgent new case the agent is qualified for and whose contact the agent
    sees, now assigned to the agent."""
    return _claim_first(graph, "cases/pull_candidates", "cases/claim_case",
                        _if_visible(_tx_get_case, actor.uid), {"agent": actor.uid},
                        {"agent": actor.uid})


# -- teams and task pools ---------------------------------------------------------------------

def add_tasks(graph: Graph, actor: Actor, team: str, tasks: list[dict]) -> list[dict]:
    """Put tasks in the team's pool; a task about a contact names one the actor sees
    (422 unknown reference otherwise, like any contact the actor may not see)."""
    rows = [{"uid": t.get("uid") or crud.new_uid(), "title": t["title"], "status": "open",
             "created_at": now(), "due": t.get("due"), "pull_due": t.get("due") or NO_DUE,
             "contact": t.get("contact")} for t in tasks]

    def work(tx):
        crud.tx_get(tx, TEAM, team)
        named = sorted({r["contact"] for r in rows if r["contact"]})
        seen = access.tx_filter_visible(tx, actor.uid, named)
        for i, row in enumerate(rows):
            if row["contact"] and row["contact"] not in seen:
                raise UnknownReference.of("contact", row["contact"], f"tasks.{i}.contact")
        run(tx, "teams/create_tasks", team=team, tasks=rows)
        return _tx_get_tasks(tx, [r["uid"] for r in rows])

    return graph.write_tx(work)


def _tx_require_member(tx: ManagedTransaction, actor: Actor, team: str,
                       admins_too: bool) -> None:
    """A team's pool is its members' business (`admins_too`: and admins'): 404 unknown
    team, else 403."""
    row = run_one(tx, "teams/is_member", team=team, user=actor.uid)
    if not row["team_found"]:
        raise NotFound.of("team", team)
    if not (row["member"] or (admins_too and actor.is_admin)):
        raise Forbidden(f"'{actor.uid}' is not a member of team '{team}'.")


def team_tasks(graph: Graph, actor: Actor, team: str, status: str | None, limit: int,
               cursor: str | None) -> dict:
    def work(tx):
        _tx_require_member(tx, actor, team, admins_too=True)
        return run(tx, "teams/get_tasks", uids=None, team=team, user=actor.uid,
                   status=status, after=decode_cursor(cursor), limit=limit + 1)

    return page([r["item"] for r in graph.read_tx(work)], limit)


def pull_task(graph: Graph, actor: Actor, team: str) -> dict | None:
    """The next open task of the team's pool (about a contact the member sees, if about
    one), claimed by the acting member."""
    graph.read_tx(_tx_require_member, actor, team, admins_too=False)  # claimers are members
    return _claim_first(graph, "teams/pull_candidates", "teams/claim_task",
                        _if_visible(_tx_get_task, actor.uid), {"team": team, "user": actor.uid},
                        {"user": actor.uid})


def _tx_get_tasks(tx: ManagedTransaction, uids: list[str]) -> list[dict]:
    return [r["item"] for r in run(tx, "teams/get_tasks", uids=uids, team=None, user=None,
                                   status=None, after=None, limit=len(uids))]


def _tx_get_task(tx: ManagedTransaction, uid: str) -> dict:
    return _tx_get_tasks(tx, [uid])[0]
