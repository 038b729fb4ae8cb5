"""What-if (issue 15, item 5): changes applied inside one write transaction, the decisions
they touch compared before and after, and the transaction rolled back. Nothing is ever
persisted: the work ends by raising, so the driver rolls it back, whatever happened.

The changes are the real services' own transaction pieces (a move checks the 5-layer and
cycle rules as the real move does, a removed membership ends its window as the real
removal does); a move the real change would refuse is reported in `refused` and not
applied, and the others still are. Bad input (an unknown group or user) refuses the whole
request with 422, and that is rolled back too.

What is compared, for the users the changes can touch (those named, the members of named
user groups, the members of moved competence groups and their subgroups, the members of a
service group whose rules change):
  - visibility: every contact each sees, from the users' side (`access/reach_of_users`):
    gained and lost pairs, counts per user and the first page of pairs. It costs the
    users' reach. An admin sees everything: an admin who loses that (deactivated) loses
    every contact, counted from the count store;
  - effective competences: the pairs each gains or loses, and whether they turn
    (un)restricted;
  - eligibility (conditions 1 to 3, as sets): what each can serve (meeting type, category,
    home location, mode; `whatif/serves`), and from that the customers who gain or lose an
    eligible advisor, per meeting type and mode, counted and listed by (category, home).
"""

from __future__ import annotations

from graphsvc.db import Graph, run, run_one
from graphsvc.errors import CycleDetected, DepthLimitExceeded, UnknownReference
from graphsvc.services import cases, contacts, crud, org
from graphsvc.windows import now

MEMBER_LINKS = {"competence-group": org.GROUP_MEMBER, "service-group": org.SERVICE_MEMBER,
                "user-group": contacts.USER_GROUP_MEMBER,
                "account-manager-group": contacts.MANAGER_GROUP_MEMBER,
                "team": cases.TEAM_MEMBER}
OPS = ("move_group", "add_member", "remove_member", "deactivate_user", "grant_directory",
       "revoke_directory", "set_activation", "add_level", "remove_level")


class _Simulated(Exception):  # noqa: N818 (not an error: how the answer leaves, rolled back)
    """Carries the what-if's answer out of its transaction function, which rolls it back."""

    def __init__(self, answer: dict):
        super().__init__("what-if: rolled back")
        self.answer = answer


def _scope(changes: list[dict]) -> dict[str, list[str]]:
    users, user_groups, groups, service_groups = [], [], [], []
    for change in changes:
        if change.get("user"):
            users.append(change["user"])
        if change.get("user_group"):
            user_groups.append(change["user_group"])
        if change["op"] == "move_group":
            groups.append(change["group"])
        if change["op"] in ("set_activation", "add_level", "remove_level"):
            service_groups.append(change["service_group"])
    return {"users": sorted(set(users)), "user_groups": sorted(set(user_groups)),
            "competence_groups": sorted(set(groups)),
            "service_groups": sorted(set(service_groups))}


def _tx_state(tx, scope: dict, at, basic: bool) -> dict[str, dict]:
    """Per user in scope: flags, the contacts seen, the effective competences, and what
    they can serve (meeting type, category, home location, mode)."""
    people = {row["uid"]: row for row in run(tx, "whatif/affected_users", at=at, **scope)}
    seen = {row["user"]: set(row["contacts"]) for row in run(
        tx, "access/reach_of_users", users=sorted(people), at=at)}
    serves: dict[str, set] = {uid: set() for uid in people}
    for row in run(tx, "whatif/serves", users=sorted(people), at=at, basic=basic):
        serves[row["user"]].add((row["meeting_type"], row["category"], row["location"],
                                 row["mode"]))
    competences = {row["user"]: set(row["competences"]) for row in run(
        tx, "whatif/competences_of", users=sorted(people), at=at)}
    return {uid: {"admin": bool(person["active"] and person["is_admin"]),
                  "contacts": seen.get(uid, set()),
                  "competences": competences[uid],
                  "unrestricted": not competences[uid],
                  "serves": serves[uid]}
            for uid, person in people.items()}


def _tx_require_references(tx, changes: list[dict]) -> None:
    """422 naming `changes.<i>.<field>` for the first uid that names nothing (one query
    per kind of node named, whatever the number of changes)."""
    named: list[tuple[crud.Kind, str, str]] = []  # (kind, uid, field), in the changes' order
    for index, change in enumerate(changes):
        kinds = {"user": org.USER, "user_group": contacts.USER_GROUP,
                 "directory": contacts.DIRECTORY, "service_group": org.SERVICE_GROUP,
                 "parent": org.COMPETENCE_GROUP,
                 "group": (crud.KINDS[MEMBER_LINKS[change["kind"]].target]
                           if change.get("kind") else org.COMPETENCE_GROUP)}
        named += [(k, change[field], f"changes.{index}.{field}")
                  for field, k in kinds.items() if change.get(field)]
    by_kind: dict[str, list[str]] = {}
    for k, uid, _ in named:
        by_kind.setdefault(k.label, []).append(uid)
    found = {label: crud.tx_existing(tx, crud.KINDS[label], uids)
             for label, uids in by_kind.items()}
    for k, uid, field in named:
        if uid not in found[k.label]:
            raise UnknownReference.of(k.noun, uid, field)


def _tx_apply(tx, index: int, change: dict) -> None:
    op = change["op"]
    if op == "move_group":
        before = crud.tx_get(tx, org.COMPETENCE_GROUP, change["group"])
        org.tx_place_group(tx, change["group"], change.get("parent"),
                           (change["group"], before["name"]))
        run(tx, "org/set_group_parent", uid=change["group"], parent=change.get("parent"))
    elif op in ("add_member", "remove_member"):
        crud.tx_set_link(tx, MEMBER_LINKS[change["kind"]], change["user"], change["group"],
                         op == "add_member")
    elif op == "deactivate_user":
        org.tx_keep_an_admin(tx, change["user"], "user")
        crud.tx_update(tx, org.USER, change["user"], {"active": False})
    elif op in ("grant_directory", "revoke_directory"):
        link, source = ((contacts.DIRECTORY_USER, change["user"]) if change.get("user")
                        else (contacts.DIRECTORY_USER_GROUP, change["user_group"]))
        crud.tx_set_link(tx, link, source, change["directory"], op == "grant_directory")
    elif op == "set_activation":
        crud.tx_get(tx, org.SERVICE_GROUP, change["service_group"])
        org.tx_set_activation(tx, change["service_group"], change["activation"])
    elif op == "add_level":
        org.tx_add_service_level(tx, change["service_group"], change["level"])
    elif op == "remove_level":
        org.tx_delete_service_level(tx, change["service_group"], change["level_uid"],
                                    f"changes.{index}.level_uid")


def _tx_eligibility(tx, before: dict, after: dict, limit: int) -> dict:
    """Customers who gain or lose an eligible advisor, per meeting type and mode: those at
    home where, and of the category for which, an advisor in scope stops (or starts) being
    able to serve that type and mode."""
    moves: dict[str, dict[tuple, set]] = {"gained": {}, "lost": {}}
    for uid in sorted(set(before) | set(after)):
        b = before.get(uid, {"serves": set()})["serves"]
        a = after.get(uid, {"serves": set()})["serves"]
        for which, tuples in (("gained", a - b), ("lost", b - a)):
            for meeting_type, category, location, mode in tuples:
                moves[which].setdefault((meeting_type, mode, category, location), set()).add(uid)
    keys = sorted({(k[2], k[3]) for side in moves.values() for k in side})
    found = {tuple(row["key"]): row for row in run(
        tx, "whatif/customers_at", keys=[list(k) for k in keys], limit=limit)} if keys else {}
    out = {}
    for which, side in moves.items():
        per: dict[tuple, dict] = {}
        for (meeting_type, mode, category, location), advisors in sorted(side.items()):
            row = found.get((category, location))
            if row is None:
                continue  # nobody lives there in that category
            entry = per.setdefault((meeting_type, mode), {
                "meeting_type": meeting_type, "mode": mode, "customers": 0, "advisors": set(),
                "first": []})
            entry["customers"] += row["customers"]
            entry["advisors"] |= advisors
            entry["first"] = sorted(entry["first"] + row["first"])[:limit]
        out[which] = [{**e, "advisors": sorted(e["advisors"])} for e in per.values()]
    return out


def _diff(before: dict, after: dict, total_contacts: int, limit: int) -> dict:
    gained, lost, competences = [], [], []
    counts = {"gained": {}, "lost": {}}
    for uid in sorted(set(before) | set(after)):
        b, a = before.get(uid), after.get(uid)
        if b is None or a is None:
            continue
        if b["admin"] != a["admin"]:  # everything, one way or the other
            which = "lost" if b["admin"] else "gained"
            other = a["contacts"] if b["admin"] else b["contacts"]
            counts[which][uid] = total_contacts - len(other)
        else:
            for which, diff in (("gained", a["contacts"] - b["contacts"]),
                                ("lost", b["contacts"] - a["contacts"])):
                if diff:
                    counts[which][uid] = len(diff)
                    (gained if which == "gained" else lost).extend(
                        {"user": uid, "contact": c} for c in sorted(diff)[:limit])
        if (b["competences"], b["unrestricted"]) != (a["competences"], a["unrestricted"]):
            competences.append({"user": uid,
                                "gained": sorted(a["competences"] - b["competences"]),
                                "lost": sorted(b["competences"] - a["competences"]),
                                "unrestricted_before": b["unrestricted"],
                                "unrestricted_after": a["unrestricted"]})

    def side(which: str, pairs: list[dict]) -> dict:
        per_user = [{"user": u, "count": n} for u, n in sorted(counts[which].items())]
        return {"count": sum(counts[which].values()), "per_user": per_user,
                "pairs": sorted(pairs, key=lambda p: (p["user"], p["contact"]))[:limit]}

    return {"visibility": {"gained": side("gained", gained), "lost": side("lost", lost)},
            "competences": competences}


def simulate(graph: Graph, changes: list[dict], limit: int = 50) -> dict:
    """Apply `changes` in one write transaction, answer what they would change, and roll
    it all back."""
    scope = _scope(changes)

    def work(tx):
        _tx_require_references(tx, changes)
        total = run_one(tx, "whatif/count_contacts")["contacts"]
        basic = run_one(tx, "org/get_settings")["settings"]["installation_level"] == "basic"
        before = _tx_state(tx, scope, now(), basic)
        refused = []
        for index, change in enumerate(changes):
            try:
                _tx_apply(tx, index, change)
            except (DepthLimitExceeded, CycleDetected) as exc:
                refused.append({"index": index, "op": change["op"], "code": exc.code,
                                "message": exc.message, "details": exc.details})
        # after the changes, which end and open windows at the moment they are applied
        after = _tx_state(tx, scope, now(), basic)
        answer = _diff(before, after, total, limit)
        answer["eligibility"] = _tx_eligibility(tx, before, after, limit)
        answer["refused"] = refused
        answer["users_compared"] = sorted(set(before) | set(after))
        raise _Simulated(answer)

    try:
        graph.write_tx(work)
    except _Simulated as done:
        return done.answer
    raise AssertionError("unreachable: the what-if's work always raises")
