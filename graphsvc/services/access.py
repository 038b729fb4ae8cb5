"""Who may see which contact (DOMAIN.md section 3). The rule is stated twice in Cypher, each
form for the side it starts from, and one property test holds both to one plain-Python
reference: `cypher/access/contact_access.cypher` from the contact (the access check and
filtering given contacts: cost of what the contact touches) and
`cypher/access/visible_contacts.cypher` from the user (pages of everything a user sees)."""

from __future__ import annotations

from datetime import datetime

from neo4j import ManagedTransaction

from graphsvc.actor import Actor
from graphsvc.db import Graph, run, run_collected, run_one
from graphsvc.errors import Forbidden, NotFound, UnknownReference
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import crud, org
from graphsvc.windows import instant, require_may_ask

FILTERS = ("directory", "category", "home", "q")
NO_FILTERS = dict.fromkeys(FILTERS)
SORTS = ("uid", "name")
Q_CAP = 10_000  # visible_plan counts a prefix's hits up to this many per key: at or over
# it, how many there are is not known, and a start from them is not taken


def tx_second_group_on(tx: ManagedTransaction) -> bool:
    return bool(run_one(tx, "org/get_settings")["settings"]["second_account_manager_group"])


def tx_visible(tx: ManagedTransaction, user: str, after: str | None, limit: int,
               strategy: str | None = None, at: datetime | None = None,
               explain: bool = True) -> list[dict]:
    """A page of the contacts `user` sees, in uid order after `after`, at the cost of the
    page (see visible_plan.cypher): book by book in uid order when everything the user
    reaches is in its books; else from the user's side when it reaches few contacts;
    else by walking the uid index and checking each contact from its side. `strategy`
    ("user", "index" or "books") forces one, for the tests that hold each to the rule
    ("books" only where it applies: a user without an 'all' directory).
    Rows are {contact, reasons, paths}; without `explain` the paths are not built and the
    walks of the index and the books answer only {contact}, which is all a page shows: no
    second query for the reasons.
    An unknown user is 404; an inactive one sees nothing."""
    at = instant(at)
    plan = _tx_plan(tx, user, at, NO_FILTERS)
    if not plan["active"]:
        return []
    if strategy is None:
        strategy = _strategy(plan, limit)
    if strategy == "user":
        return run_collected(tx, "access/visible_contacts", user=user, after=after,
                             limit=limit, at=at, paths=explain)
    query = "access/visible_by_books" if strategy == "books" else "access/visible_by_index"
    rows = run_collected(tx, query, user=user, after=after, limit=limit, at=at, **NO_FILTERS)
    if not explain:
        return [{"contact": row["contact"]} for row in rows]
    return tx_contact_access(tx, user, [row["uid"] for row in rows], at)


def _tx_plan(tx: ManagedTransaction, user: str, at: datetime, filters: dict) -> dict:
    """visible_plan.cypher's row; the user's existence travels in it (404 when unknown)."""
    plan = run_one(tx, "access/visible_plan", user=user, at=at, **filters)
    if plan is None:
        raise NotFound.of("user", user)
    return plan


def _strategy(plan: dict, limit: int) -> str:
    if plan["admin"]:
        return "index"
    if plan["in_all"] == 0 and plan["in_books"] > limit:
        return "books"
    return "index" if plan["reach"] ** 2 > limit * plan["contacts"] else "user"


def tx_contact_access(tx: ManagedTransaction, user: str, contacts: list[str],
                      at: datetime | None = None) -> list[dict]:
    """The rows granting `user` these contacts at `at` (default now), the rule from each
    contact's side."""
    return run(tx, "access/contact_access", users=[user], contacts=contacts, at=instant(at))


def tx_users_who_see(tx: ManagedTransaction, contact: str, users: list[str]) -> set[str]:
    """Which of these users see the contact (one query, whatever the number)."""
    if not users:
        return set()
    return {row["user"] for row in run(tx, "access/contact_access", users=users,
                                       contacts=[contact], at=instant(None))}


def tx_sees(tx: ManagedTransaction, user: str, contact: str,
            at: datetime | None = None) -> dict | None:
    """The row granting `user` the contact at `at` (default now), or None."""
    rows = tx_contact_access(tx, user, [contact], at)
    return rows[0] if rows else None


def tx_require_visible(tx: ManagedTransaction, user: str, contact: str,
                       field: str | None = None) -> None:
    """A contact the user may not see is reported exactly like a missing one: 404 in a
    path, 422 unknown reference in a body field."""
    if tx_sees(tx, user, contact) is None:
        if field:
            raise UnknownReference.of("contact", contact, field)
        raise NotFound.of("contact", contact)


def tx_filter_visible(tx: ManagedTransaction, user: str, uids: list[str]) -> set[str]:
    """Which of these contacts the user sees (one query, whatever the number)."""
    if not uids:
        return set()
    return {row["contact"]["uid"] for row in tx_contact_access(tx, user, uids)}


def check(graph: Graph, actor: Actor, user: str, contact: str,
          at: datetime | None = None) -> dict:
    """May `user` see `contact` at `at` (default now), and why. Only admins may ask about
    somebody else, or about the past."""
    asked, at = at, instant(at)

    def work(tx):  # the acting user is verified first, in this transaction
        if user != actor.uid and not actor.is_admin:
            raise Forbidden("Only administrators may ask about another user's access.")
        require_may_ask(actor, asked)
        row = tx_sees(tx, user, contact, at)
        if row is not None:  # so both exist: the decision was the only query
            return {"user": user, "contact": contact, "allowed": True,
                    "reasons": row["reasons"], "paths": row["paths"]}
        if actor.is_admin:
            # Denied, to an admin: why, and how close. Its row implies that both exist, so
            # a denial is two queries; only a missing user or contact is looked up below.
            denied = run_one(tx, "access/access_denied", user=user, contact=contact, at=at)
            if denied is not None:
                return {"user": user, "contact": contact, "allowed": False, "reasons": [],
                        "failed": denied["failed"], "paths": denied["paths"]}
        crud.tx_get(tx, org.USER, user)
        # Not seen, or missing: the same 404 (a user never learns that a contact exists).
        raise NotFound.of("contact", contact)

    return graph.read_tx(work)


def visible_contacts(graph: Graph, actor: Actor, user: str, limit: int,
                     cursor: str | None, at: datetime | None = None) -> dict:
    def work(tx):
        if user != actor.uid and not actor.is_admin:
            raise Forbidden("Only administrators may list another user's contacts.")
        require_may_ask(actor, at)
        return tx_visible(tx, user, decode_cursor(cursor), limit + 1, at=at, explain=False)

    return page([row["contact"] for row in graph.read_tx(work)], limit)


# -- search: filters and a sort, in one traversal per page -------------------------------

def search_start(plan: dict, filters: dict, sort: str, limit: int) -> str:
    """Where a search's page starts, by what each start would touch (visible_plan.cypher):
    - "user": the user's reach R (search_from_user.cypher; not for admins, who see all);
    - a filter ("directory", "category", "home", "q"): the contacts it names
      (search_from_seed.cypher);
    - "books": in uid order, for a user whose whole reach is its books (no 'all'
      directory): each book walked in contact-uid order (visible_by_books.cypher), about
      limit / (share the filters keep);
    - "ordered": the sort key's index, walked until the page is full: about
      limit / (share of contacts the user sees x share the filters keep), the filters
      taken as independent (visible_by_index.cypher, search_by_name.cypher). In name order
      a prefix is a range of that index, walked alone: it keeps every name it holds, and
      the walk ends with it."""
    contacts = max(plan["contacts"], 1)
    seen = contacts if plan["admin"] else plan["reach"]
    costs: dict[str, float] = {} if plan["admin"] else {"user": seen}
    kept, bound = 1.0, float("inf")
    for name in FILTERS:
        size = plan["q_hits" if name == "q" else f"in_{name}"]
        if filters.get(name) is None or size is None:
            continue
        costs[name] = size if name != "q" or size < Q_CAP else contacts
        if name == "q" and sort == "name":
            bound = costs[name]
        else:
            kept *= min(size, contacts) / contacts
    share = (min(seen, contacts) / contacts) * kept
    costs["ordered"] = min(limit / share if share > 0 else float("inf"), bound)
    if sort == "uid" and not plan["admin"] and plan["in_all"] == 0 and kept > 0:
        costs["books"] = limit / kept  # each book walked in uid order until the page is full
    return min(costs, key=lambda start: (costs[start], start != "ordered"))


def tx_search(tx: ManagedTransaction, user: str, filters: dict, sort: str,
              after: list | str | None, limit: int, start: str | None = None,
              at: datetime | None = None) -> list[dict]:
    """Up to `limit` rows {uid, key} of the contacts `user` sees that pass `filters`, in
    `sort` order after `after` (a uid in uid order, [name_key, uid] in name order);
    `start` forces where the walk starts (for the tests that hold each to the rule)."""
    at = instant(at)
    plan = _tx_plan(tx, user, at, filters)
    if not plan["active"]:
        return []
    for name, kind in (("directory", "directory"), ("category", "customer category"),
                       ("home", "location")):
        if plan[f"in_{name}"] == -1:
            raise UnknownReference.of(kind, filters[name], name)
    start = start or search_start(plan, filters, sort, limit)
    if start == "user" and plan["admin"]:
        start = "ordered"  # an admin's reach is every contact: never walked from the user
    if start in ("ordered", "books") and sort == "uid":
        query = "access/visible_by_books" if start == "books" else "access/visible_by_index"
        rows = run_collected(tx, query, user=user, after=after, limit=limit, at=at,
                             **filters)
        return [{"uid": row["uid"], "key": row["uid"]} for row in rows]
    if start == "ordered":
        return run_collected(tx, "access/search_by_name", user=user, after=after,
                             limit=limit, at=at, **filters)
    keyed = None if after is None else [after] if sort == "uid" else after
    if start == "user":
        rows = run_collected(tx, "access/search_from_user", user=user, sort=sort,
                             after=keyed, limit=limit, at=at, **filters)
    else:
        rows = run_collected(tx, "access/search_from_seed", user=user, start=start,
                             sort=sort, after=keyed, limit=limit, at=at, **filters)
    return [{"uid": row["uid"], "key": row["key"][-1] if sort == "uid" else row["key"]}
            for row in rows]


def search_visible(graph: Graph, actor: Actor, user: str, filters: dict, sort: str,
                   limit: int, cursor: str | None, at: datetime | None = None) -> dict:
    """A page of the contacts `user` sees that pass `filters` (directory, category, home: a
    uid; q: a name or email prefix, any case), in `sort` order (uid, or name: lowercased,
    ties by uid); keyset pages."""

    def work(tx):
        if user != actor.uid and not actor.is_admin:
            raise Forbidden("Only administrators may list another user's contacts.")
        require_may_ask(actor, at)
        after = decode_cursor(cursor, 1 if sort == "uid" else 2)
        rows = tx_search(tx, user, filters, sort, after, limit + 1, at=at)
        found = {row["item"]["uid"]: row["item"] for row in run(
            tx, "contacts/list_contacts", uids=[row["uid"] for row in rows], after=None,
            limit=len(rows))}
        return [{**found[row["uid"]], "key": row["key"]} for row in rows]

    return page(graph.read_tx(work), limit, key=lambda item: item["key"])
