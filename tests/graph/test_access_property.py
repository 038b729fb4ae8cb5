"""Property: on random graphs, the access check, the visible-contacts list (pages of 1, 2
and 50: same set, no duplicates, no gaps), the cases a pull may hand out, and a plain-Python
statement of the rule agree for every (user, contact) pair."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphsvc.actor import Actor
from graphsvc.seed import load_data, wipe
from graphsvc.services import access
from tests.conftest import OWNER_LABEL

USERS = [f"u{i}" for i in range(5)]
CONTACTS = [f"c{i}" for i in range(8)]
DIRS = ["d0", "d1", "d2"]
UGROUPS = ["ug0", "ug1"]
AMGS = ["amg0", "amg1", "amg2"]
ADMIN = Actor("root", True)


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
        "contacts": {c: {"dirs": subset(DIRS),
                         "primary": draw(st.none() | st.sampled_from(AMGS)),
                         "secondary": draw(st.none() | st.sampled_from(AMGS)),
                         "groups": subset(["cg0"])} for c in CONTACTS},
    }


def reference_sees(w, user, contact):
    """DOMAIN.md section 3, written plainly."""
    u = next(x for x in w["users"] if x["uid"] == user)
    if not u["active"]:
        return False
    if u["is_admin"]:
        return True
    c = w["contacts"][contact]
    managers = [c["primary"]] + ([c["secondary"]] if w["second"] else [])
    assigned = any(g is not None and user in w["amgs"][g] for g in managers)
    for d in c["dirs"]:
        spec = w["dirs"][d]
        reach = user in spec["users"] or any(user in w["ugroups"][g] for g in spec["groups"])
        if reach and (spec["visibility"] == "all" or assigned):
            return True
    return False


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
        "contacts": [{"uid": c, "name": c, "directories": s["dirs"],
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


def pages(graph, user, size):
    seen, cursor = [], None
    for _ in range(len(CONTACTS) + 2):
        result = access.visible_contacts(graph, ADMIN, user, size, cursor)
        seen += [c["uid"] for c in result["items"]]
        cursor = result["next_cursor"]
        if cursor is None:
            return seen
    raise AssertionError("pagination did not end")


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
            assert bool(answer["paths"]) == answer["allowed"]
        for size in (1, 2, 50):
            assert pages(graph, user, size) == expected, (user, size)
        pullable = graph.read("cases/pull_candidates", agent=user, limit=100)
        assert sorted(row["uid"][2:] for row in pullable) == expected, (user, "pull")

