"""Property: on random graphs, the access check, the visible-contacts list (pages of 1, 2
and 50: same set, no duplicates, no gaps), its searches (every start, both orders), the
cases a pull may hand out, the case lists (each
way in: all, status queue, contact, assignee; pages of 1 and 50), the tasks a pool hands out
and lists, and a plain-Python statement of the rule agree for every (user, contact) pair."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphsvc.actor import Actor
from graphsvc.seed import load_data, wipe
from graphsvc.services import access, cases, crud
from graphsvc.windows import now
from tests.conftest import OWNER_LABEL

USERS = [f"u{i}" for i in range(5)]
CONTACTS = [f"c{i}" for i in range(8)]
DIRS = ["d0", "d1", "d2"]
UGROUPS = ["ug0", "ug1"]
AMGS = ["amg0", "amg1", "amg2"]
ADMIN = Actor("root", True)
NAMES = ["Nora A", "nora b", "Nora A", "Ola", "Åse", "ola"]
EMAILS = [None, "nora@x.no", "Ola@X.no", "x@y.no"]
CATEGORIES = ["private", "business"]


@st.composite
def worlds(draw):
    subset = lambda items: draw(st.lists(st.sampled_from(items), unique=True))  # noqa: E731
    users = [{"uid": u, "is_admin": draw(st.booleans()) and draw(st.booleans()),
              "active": draw(st.booleans()) or draw(st.booleans())} for u in USERS]
    return {
        "second": draw(st.booleans()),
        "users": users,
        "ugroups": {g: subset(USERS) for g in UGROUPS},
        "amgs": {g: subset(USERS) for g in AMGS},
        "dirs": {d: {"visibility": draw(st.sampled_from(["all", "assigned"])),
                     "users": subset(USERS), "groups": subset(UGROUPS)} for d in DIRS},
        "contacts": {c: {"dirs": subset(DIRS), "name": draw(st.sampled_from(NAMES)),
                         "email": draw(st.sampled_from(EMAILS)),
                         "category": draw(st.sampled_from([None, *CATEGORIES])),
                         "primary": draw(st.none() | st.sampled_from(AMGS)),
                         "secondary": draw(st.none() | st.sampled_from(AMGS)),
                         "groups": subset(["cg0"])} for c in CONTACTS},
    }


def reference_failed(w, user, contact):
    """DOMAIN.md section 3, written plainly: None when the user sees the contact, otherwise
    the first condition that fails (inactive user, no directory reached, not assigned, or
    assigned only through a secondary group while those do not count)."""
    u = next(x for x in w["users"] if x["uid"] == user)
    if not u["active"]:
        return "inactive"
    if u["is_admin"]:
        return None
    c = w["contacts"][contact]
    managers = [c["primary"]] + ([c["secondary"]] if w["second"] else [])
    assigned = any(g is not None and user in w["amgs"][g] for g in managers)
    reached = False
    for d in c["dirs"]:
        spec = w["dirs"][d]
        reach = user in spec["users"] or any(user in w["ugroups"][g] for g in spec["groups"])
        if reach and (spec["visibility"] == "all" or assigned):
            return None
        reached = reached or reach
    if not reached:
        return "directory"
    secondary = c["secondary"]
    if not w["second"] and secondary is not None and user in w["amgs"][secondary]:
        return "secondary"  # the user's group is the secondary one, counted while on only
    return "assigned"


def reference_sees(w, user, contact):
    return reference_failed(w, user, contact) is None


def load_world(graph, w):
    load_data(graph, {
        "settings": [{"second_account_manager_group": w["second"]}],
        "users": [{**u, "name": u["uid"], "email": f"{u['uid']}@x.no"} for u in w["users"]]
        + [{"uid": "root", "name": "root", "email": "root@x.no", "is_admin": True}],
        "user_groups": [{"uid": g, "name": g, "members": m} for g, m in w["ugroups"].items()],
        "account_manager_groups": [{"uid": g, "name": g, "members": m}
                                   for g, m in w["amgs"].items()],
        "directories": [{"uid": d, "name": d, "visibility": s["visibility"],
                         "users": s["users"], "user_groups": s["groups"]}
                        for d, s in w["dirs"].items()],
        "customer_categories": [{"uid": k, "name": k} for k in CATEGORIES],
        "contacts": [{"uid": c, "name": s["name"], "email": s["email"],
                      "customer_category": s["category"], "directories": s["dirs"],
                      "primary_manager_group": s["primary"],
                      "secondary_manager_group": s["secondary"]}
                     for c, s in w["contacts"].items()],
        "contact_groups": [{"uid": "cg0", "name": "cg0", "directory": "d0",
                            "contacts": [c for c, s in w["contacts"].items() if s["groups"]]}],
        # one new case per contact: what a pull may hand out follows the same rule
        "cases": [{"uid": f"k-{c}", "subject": c, "status": "active_new", "contact": c,
                   "assignee": "root", "created_at": "2026-12-01T09:00:00+00:00",
                   "response_due": None, "resolution_due": None, "requirements": []}
                  for c in w["contacts"]],
    })
    # one task per contact in a pool every user is a member of, and one about no contact
    crud.create(graph, cases.TEAM, {"uid": "pool", "name": "pool"})
    for user in USERS:
        crud.set_link(graph, cases.TEAM_MEMBER, user, "pool", True)
    cases.add_tasks(graph, ADMIN, "pool", [{"uid": f"t-{c}", "title": c, "contact": c}
                                           for c in CONTACTS] + [{"uid": "t", "title": "-"}])


def visible_page(graph, user, limit, cursor, strategy, at=None):
    """One page through tx_visible with a forced strategy (at `at`, default now); paths
    checked complete."""
    from graphsvc.pagination import decode_cursor, page

    rows = graph.read_tx(access.tx_visible, user, decode_cursor(cursor), limit + 1, strategy,
                         at)
    for row in rows:
        assert row["reasons"] and row["paths"], (user, strategy, row)
    return page([row["contact"] for row in rows], limit)


def walk(fetch, size):
    """Every item of a keyset-paginated list, page by page."""
    seen, cursor = [], None
    for _ in range(len(CONTACTS) + 3):
        result = fetch(size, cursor)
        seen += [item["uid"] for item in result["items"]]
        cursor = result["next_cursor"]
        if cursor is None:
            return seen
    raise AssertionError("pagination did not end")


def case_lists_agree(graph, w, user, expected):
    actor = Actor(user, next(u["is_admin"] for u in w["users"] if u["uid"] == user))
    cases_seen = sorted(f"k-{c}" for c in expected)
    ways = [({}, cases_seen), ({"status": "active_new"}, cases_seen),
            ({"assignee": "root"}, cases_seen), ({"status": "closed"}, []),
            ({"assignee": "root", "status": "active_new"}, cases_seen),
            ({"assignee": "root", "status": "closed"}, [])]
    ways += [({"contact": c}, [f"k-{c}"] if c in expected else []) for c in CONTACTS[:3]]
    for filters, want in ways:
        for size in (1, 50):
            got = walk(lambda n, cur, f=filters: cases.list_cases(graph, actor, f, n, cur), size)
            assert got == want, (user, filters, size)
    active = next(u["active"] for u in w["users"] if u["uid"] == user)
    tasks_seen = sorted([f"t-{c}" for c in expected] + ["t"]) if active else []
    for size in (1, 50):
        got = walk(lambda n, cur: cases.team_tasks(graph, actor, "pool", "open", n, cur),
                   size)
        assert sorted(got) == tasks_seen, (user, "tasks", size)
    pullable = graph.read("teams/pull_candidates", team="pool", user=user, limit=100)
    assert sorted(r["uid"] for r in pullable) == tasks_seen, (user, "pull")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(w=worlds())
def test_check_list_and_reference_agree(graph, w):
    wipe(graph, keep_label=OWNER_LABEL)
    load_world(graph, w)
    for user in USERS:
        expected = sorted(c for c in CONTACTS if reference_sees(w, user, c))
        for contact in CONTACTS:
            answer = access.check(graph, ADMIN, user, contact)
            assert answer["allowed"] == (contact in expected), (user, contact)
            assert answer.get("failed") == reference_failed(w, user, contact), (user, contact)
            if answer["allowed"] or answer["failed"] in ("inactive", "assigned") or \
                    w["contacts"][contact]["dirs"]:
                assert answer["paths"], (user, contact, "a reason or the closest paths")
        for size in (1, 2, 50):
            got = walk(lambda n, cur, u=user: access.visible_contacts(graph, ADMIN, u, n, cur),
                       size)
            assert got == expected, (user, size)
        strategies = ["user", "index"]
        plan = graph.read_one("access/visible_plan", user=user, at=now(),
                                **access.NO_FILTERS)
        if plan and plan["in_all"] == 0 and not plan["admin"]:
            strategies.append("books")  # where it applies: everything in the user's books
        for strategy in strategies:  # every way of listing, whichever the plan picks
            for size in (1, 3):
                got = walk(lambda n, cur, u=user, st=strategy: visible_page(graph, u, n, cur,
                                                                             st), size)
                assert got == expected, (user, strategy, size)
        pullable = graph.read("cases/pull_candidates", agent=user, limit=100)
        assert sorted(row["uid"][2:] for row in pullable) == expected, (user, "pull")
        case_lists_agree(graph, w, user, expected)



@st.composite
def searches(draw):
    return {"q": draw(st.sampled_from([None, "n", "NO", "nora a", "o", "å", "x@"])),
            "category": draw(st.sampled_from([None, *CATEGORIES])),
            "directory": draw(st.sampled_from([None, *DIRS])),
            "home": None, "sort": draw(st.sampled_from(access.SORTS))}


def reference_search(w, user, search):
    def keeps(c, s):
        q = search["q"] and search["q"].lower()
        return ((not q or s["name"].lower().startswith(q)
                 or (s["email"] or "").lower().startswith(q))
                and search["category"] in (None, s["category"])
                and search["directory"] in (None, *s["dirs"]))

    found = [c for c, s in w["contacts"].items() if reference_sees(w, user, c) and keeps(c, s)]
    if search["sort"] == "name":
        return sorted(found, key=lambda c: (w["contacts"][c]["name"].lower(), c))
    return sorted(found)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(w=worlds(), search=searches())
def test_search_and_reference_agree(graph, w, search):
    """Each start a search may take, forced, pages (1, 2, 50) through the reference's
    answer: the rule, the filters and the order, written plainly."""
    wipe(graph, keep_label=OWNER_LABEL)
    load_world(graph, w)
    filters = {name: search[name] for name in access.FILTERS}
    starts = ["user", "ordered", *(name for name in access.FILTERS if filters[name])]
    for user in USERS:
        want = reference_search(w, user, search)
        plan = graph.read_one("access/visible_plan", user=user, at=now(), **filters)
        books = plan and plan["in_all"] == 0 and not plan["admin"] and search["sort"] == "uid"
        for start in starts + ["books"] * bool(books):  # books: where it applies
            for size in (1, 2, 50):
                got, after = [], None
                for _ in range(len(CONTACTS) + 2):
                    rows = graph.read_tx(access.tx_search, user, filters, search["sort"],
                                         after, size + 1, start)
                    got += [row["uid"] for row in rows[:size]]
                    if len(rows) <= size:
                        break
                    after = rows[size - 1]["key"]
                assert got == want, (user, search, start, size)
