"""Property (issue 15): on random graphs whose grants carry random validity windows (open,
one window, or an ended window and a later one), at random instants (the windows' own ends
included: `valid_from` counts, `valid_to` does not), the access check, the visible-contacts
list (pages of 1, 2 and 50, and each way of listing, forced) and a plain-Python statement
of the rule over the grants valid at that instant agree for every (user, contact) pair."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphsvc.seed import wipe
from graphsvc.services import access
from tests.conftest import OWNER_LABEL
from tests.graph.test_access_property import (
    ADMIN,
    CONTACTS,
    USERS,
    load_world,
    reference_failed,
    reference_search,
    searches,
    visible_page,
    walk,
    worlds,
)

CUTS = [datetime(2030, 1, day, 9, tzinfo=UTC) for day in (1, 2, 3, 4, 5)]
INSTANTS = sorted({c + d for c in CUTS for d in (timedelta(0), timedelta(hours=12))}
                  | {CUTS[0] - timedelta(days=1)})
OPEN = [(None, None)]


@st.composite
def grant_windows(draw):
    """The windows of one grant: open (the most common), one window, or two (an ended one and
    a later re-grant); either outer end may be open."""
    count = draw(st.sampled_from([0, 0, 1, 2]))
    if count == 0:
        return OPEN
    cuts = sorted(draw(st.lists(st.sampled_from(CUTS), min_size=2 * count,
                                max_size=2 * count, unique=True)))
    spans = [[cuts[2 * i], cuts[2 * i + 1]] for i in range(count)]
    if draw(st.booleans()):
        spans[0][0] = None
    if draw(st.booleans()):
        spans[-1][1] = None
    return [tuple(span) for span in spans]


def grants_of(w):
    """Every grant of the world as (type, source uid, target uid)."""
    out = [("MEMBER_OF", u, g) for g, members in w["ugroups"].items() for u in members]
    out += [("MEMBER_OF", u, g) for g, members in w["amgs"].items() for u in members]
    for d, spec in w["dirs"].items():
        out += [("CAN_ACCESS", u, d) for u in spec["users"]]
        out += [("CAN_ACCESS", g, d) for g in spec["groups"]]
    return out


@st.composite
def windowed_worlds(draw):
    w = draw(worlds())
    w["windows"] = {grant: draw(grant_windows()) for grant in grants_of(w)}
    w["instants"] = draw(st.lists(st.sampled_from(INSTANTS), min_size=2, max_size=3,
                                  unique=True))
    return w


def holds(windows, at):
    return any((start is None or start <= at) and (end is None or at < end)
               for start, end in windows)


def world_at(w, at):
    """The world as it stands at `at`: only the grants whose windows hold then."""
    valid = {grant for grant, windows in w["windows"].items() if holds(windows, at)}
    return {**w,
            "ugroups": {g: [u for u in m if ("MEMBER_OF", u, g) in valid]
                        for g, m in w["ugroups"].items()},
            "amgs": {g: [u for u in m if ("MEMBER_OF", u, g) in valid]
                     for g, m in w["amgs"].items()},
            "dirs": {d: {**s, "users": [u for u in s["users"] if ("CAN_ACCESS", u, d) in valid],
                         "groups": [g for g in s["groups"] if ("CAN_ACCESS", g, d) in valid]}
                     for d, s in w["dirs"].items()}}


def put_windows(graph, w):
    """Replace each windowed grant's open relationship by one relationship per window."""
    rows = [{"type": rel, "source": a, "target": b,
             "windows": [{"valid_from": start, "valid_to": end} for start, end in windows]}
            for (rel, a, b), windows in w["windows"].items() if windows != OPEN]
    for rel in ("MEMBER_OF", "CAN_ACCESS"):
        with graph.driver.session(database=graph.database) as session:
            session.run(
                f"UNWIND $rows AS row MATCH ({{uid: row.source}})-[r:{rel}]->"
                "({uid: row.target}) DELETE r WITH DISTINCT row "
                "MATCH (a {uid: row.source}), (b {uid: row.target}) UNWIND row.windows AS window "
                f"CREATE (a)-[r:{rel}]->(b) SET r = window",
                rows=[row for row in rows if row["type"] == rel]).consume()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(w=windowed_worlds(), search=searches())
def test_check_list_search_and_reference_agree_at_every_instant(graph, w, search):
    wipe(graph, keep_label=OWNER_LABEL)
    load_world(graph, w)
    put_windows(graph, w)
    for at in w["instants"]:
        then = world_at(w, at)
        for user in USERS:
            expected = sorted(c for c in CONTACTS if reference_failed(then, user, c) is None)
            for contact in CONTACTS:
                answer = access.check(graph, ADMIN, user, contact, at)
                assert answer["allowed"] == (contact in expected), (at, user, contact)
                assert answer.get("failed") == reference_failed(then, user, contact), \
                    (at, user, contact)
                for path in answer["paths"] if answer["allowed"] else []:
                    for step in path:  # each grant on the way shows a window holding `at`
                        if "valid_from" in step:
                            assert holds([(step["valid_from"], step["valid_to"])], at), step
            # the what-if's statement of the rule (every contact at once, from the user)
            reach = graph.read("access/reach_of_users", users=[user], at=at)
            person = next(u for u in w["users"] if u["uid"] == user)
            if not (person["is_admin"] and person["active"]):
                assert sorted(reach[0]["contacts"] if reach else []) == expected, (at, user)
            for size in (1, 2, 50):
                got = walk(lambda n, cur, u=user, t=at: access.visible_contacts(
                    graph, ADMIN, u, n, cur, t), size)
                assert got == expected, (at, user, size)
            plan = graph.read_one("access/visible_plan", user=user, at=at,
                                  **access.NO_FILTERS)
            strategies = ["user", "index"]
            if plan and plan["in_all"] == 0 and not plan["admin"]:
                strategies.append("books")
            for strategy in strategies:
                got = walk(lambda n, cur, u=user, s=strategy, t=at: visible_page(
                    graph, u, n, cur, s, t), 2)
                assert got == expected, (at, user, strategy)
            searched_agree(graph, then, user, search, at)


def searched_agree(graph, then, user, search, at):
    """Every start a search may take, forced, pages (2 and 50) through the reference's
    answer at `at`."""
    filters = {name: search[name] for name in access.FILTERS}
    want = reference_search(then, user, search)
    plan = graph.read_one("access/visible_plan", user=user, at=at, **filters)
    books = plan and plan["in_all"] == 0 and not plan["admin"] and search["sort"] == "uid"
    starts = ["user", "ordered", *(name for name in access.FILTERS if filters[name])]
    for start in starts + ["books"] * bool(books):
        for size in (2, 50):
            got, after = [], None
            for _ in range(len(CONTACTS) + 2):
                rows = graph.read_tx(access.tx_search, user, filters, search["sort"], after,
                                     size + 1, start, at)
                got += [row["uid"] for row in rows[:size]]
                if len(rows) <= size:
                    break
                after = rows[size - 1]["key"]
            assert got == want, (at, user, search, start, size)
