"""Group managers (DOMAIN.md section 1, "Group managers"): who may change which competence
and service groups, decided by one traversal and explained with its path.

A manager of a competence group may change it and every group below it; a manager of a
service group may change that group (and link to it only competence groups they also
manage). Everything else is admin-only. `tx_decide` is the one place the rule is read: the
API's route policies and the console both ask it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neo4j import ManagedTransaction

from graphsvc.actor import Actor, PendingActor
from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Forbidden, NotFound
from graphsvc.pagination import decode_cursor, page
from graphsvc.services.changes import COMPETENCE_GROUP, SERVICE_GROUP

NOUNS = {COMPETENCE_GROUP: "competence group", SERVICE_GROUP: "service group"}


@dataclass(frozen=True)
class Needs:
    """What a change needs from a non-admin: to manage each of `competence` (group, strict:
    strictly above it) and of `service`; `admin_only` names a change only admins may make."""

    competence: tuple[tuple[str, bool], ...] = ()
    service: tuple[str, ...] = ()
    admin_only: str | None = None


# -- what each change needs (the API's route policies and the console both use these) --------

def for_group(uid: str) -> Needs:
    """Change a competence group's members, competences, managers, name; read its history."""
    return Needs(competence=((uid, False),))


def for_new_group(parent) -> Needs:
    if isinstance(parent, str) and parent:
        return Needs(competence=((parent, False),))
    return Needs(admin_only="create a root competence group")


def for_move(uid: str, fields: dict) -> Needs:
    """A rename needs the group; a move also needs the new parent (so nothing leaves the
    mover's subtree), and only admins make a root."""
    needs = [(uid, False)]
    if "parent" in fields:
        parent = fields["parent"]
        if parent is None or parent == "":
            return Needs(admin_only="make a competence group a root")
        if isinstance(parent, str):
            needs.append((parent, False))
    return Needs(competence=tuple(needs))


def for_delete(uid: str) -> Needs:
    """Deleting needs a manager strictly above: a manager's own top group is not theirs to
    delete."""
    return Needs(competence=((uid, True),))


def for_service_group(uid: str) -> Needs:
    """Change a service group's members, windows, levels, managers; read its history."""
    return Needs(service=(uid,))


def for_service_fields(uid: str, fields: dict) -> Needs:
    """Its activation rules are the manager's; its name and email are the admins'."""
    if set(fields) - {"activation"}:
        return Needs(admin_only="rename a service group or change its email")
    return Needs(service=(uid,))


def for_link(service: str, competence: str) -> Needs:
    """Linking a competence group to a service group needs both."""
    return Needs(service=(service,), competence=((competence, False),))


@dataclass
class Decision:
    uid: str
    is_admin: bool
    allowed: bool
    paths: list = field(default_factory=list)
    refusal: Forbidden | None = None


def _refusal(uid: str, kind: str, group: str, strict: bool) -> Forbidden:
    noun = NOUNS[kind]
    scope = f"a group above '{group}'" if strict else f"'{group}' or a group above it"
    if kind == SERVICE_GROUP:
        scope = f"'{group}'"
    return Forbidden(f"'{uid}' may not change {noun} '{group}': that needs a manager of "
                     f"{scope}.",
                     details={"needs": {"kind": kind, "group": group, "strict": strict}})


def tx_decide(tx: ManagedTransaction, uid: str, needs: Needs) -> Decision | None:
    """May active user `uid` make a change with these needs? None for an unknown or inactive
    user. Groups that do not exist pass: the change itself answers 404 or 422 for them."""
    row = run_one(tx, "manage/may_change", uid=uid,
                  competence_groups=[{"group": g, "strict": s} for g, s in needs.competence],
                  service_groups=list(needs.service))
    if row is None:
        return None
    if row["is_admin"]:
        return Decision(uid, True, True)
    if needs.admin_only:
        return Decision(uid, False, False, refusal=Forbidden(
            f"Only administrators may {needs.admin_only}; '{uid}' is not one."))
    strict = dict(needs.competence)
    paths = []
    for kind, answers in ((COMPETENCE_GROUP, row["competence"]),
                          (SERVICE_GROUP, row["service"])):
        for answer in answers:
            if not answer["found"]:
                continue
            if answer["path"] is None:
                return Decision(uid, False, False, refusal=_refusal(
                    uid, kind, answer["group"], strict.get(answer["group"], False)
                    if kind == COMPETENCE_GROUP else False))
            paths.append(answer["path"])
    return Decision(uid, False, True, paths)


def authorize(graph: Graph, uid: str, needs: Needs) -> Decision:
    """`tx_decide` in a read transaction of its own; raises the refusal (403) or, for an
    unknown or inactive user, None is returned as a refused decision without a path."""
    decision = graph.read_tx(tx_decide, uid, needs)
    if decision is None:
        return Decision(uid, False, False, refusal=Forbidden(f"'{uid}' is not active."))
    return decision


def may_change(graph: Graph, actor: Actor | PendingActor, uid: str, kind: str,
               group: str) -> dict:
    """The decision as an answer: may `uid` change this group, and the path that allows it.
    Only admins may ask about somebody else."""
    needs = for_group(group) if kind == COMPETENCE_GROUP else for_service_group(group)

    def work(tx):  # the acting user is verified first, in this transaction
        if uid != actor.uid and not actor.is_admin:
            raise Forbidden("Only administrators may ask about another user.")
        exists = run_one(tx, "manage/group_exists", kind=kind, group=group, user=uid)
        if not exists["group"]:
            raise NotFound.of(NOUNS[kind], group)
        if not exists["user"]:
            raise NotFound.of("user", uid, "user")
        return tx_decide(tx, uid, needs)

    decision = graph.read_tx(work)
    if decision is None:  # an inactive user changes nothing
        return {"user": uid, "allowed": False, "admin": False, "paths": [],
                "reason": f"'{uid}' is not active"}
    reason = None if decision.allowed else decision.refusal.message
    return {"user": uid, "allowed": decision.allowed, "admin": decision.is_admin,
            "paths": decision.paths, "reason": reason}


def managed_groups(graph: Graph, uid: str, limit: int, cursor: str | None) -> dict:
    """Every group `uid` may change as a manager, with its paths (keyset by kind/uid)."""

    def work(tx):
        if not run_one(tx, "manage/group_exists", kind=COMPETENCE_GROUP, group="",
                       user=uid)["user"]:
            raise NotFound.of("user", uid)
        return run(tx, "manage/managed_groups", uid=uid, after=decode_cursor(cursor),
                   limit=limit + 1)

    return page(graph.read_tx(work), limit, key=lambda row: row["key"])
