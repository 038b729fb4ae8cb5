"""Queues and lists of cases (DOMAIN.md section 6 under section 3's visibility): every
filter alone and combined, pages of 1 and 50 give the same set with no duplicates and no
gaps, and a case whose contact the acting user does not see is never listed."""

from __future__ import annotations

import itertools

import pytest

from graphsvc.actor import Actor
from graphsvc.seed import wipe
from graphsvc.services import cases, conditions
from tests import factories as f
from tests.conftest import OWNER_LABEL
from tests.helpers import ApiClient

ADMIN = Actor("admin", True)
CONTACTS = ("acme", "beta", "vip")
# banker reaches only the assigned directory: its lists start from its book
SEES = {"admin": set(CONTACTS), "agent": {"acme", "beta"}, "insider": set(CONTACTS),
        "banker": {"vip"}, "stranger": set()}


@pytest.fixture(scope="module")
def desk(app, graph):
    """Built once for the module: the tests only read."""
    g = graph
    wipe(g, keep_label=OWNER_LABEL)
    f.admin(g)
    for uid in ("agent", "insider", "banker", "stranger", "dispatcher"):
        f.user(g, uid)
    f.directory(g, "customers", "all", users=["agent", "insider", "dispatcher"])
    f.directory(g, "private-banking", "assigned", users=["insider", "banker"])
    f.manager_group(g, "pb-team", members=["insider", "banker"])
    f.contact(g, "acme", directories=["customers"])
    f.contact(g, "beta", directories=["customers"])
    f.contact(g, "vip", directories=["private-banking"], primary_manager_group="pb-team")
    f.area(g, "hd")
    f.area(g, "sl")
    conditions.set_default_user(g, "dispatcher")
    conditions.set_default_area(g, "helpdesk", "hd")
    conditions.set_default_area(g, "sales", "sl")
    made = []
    for i in range(18):
        contact = CONTACTS[i % 3]
        uid = f"k{i:02d}"
        cases.open_case(g, ADMIN, {"uid": uid, "contact": contact, "subject": f"S{i}",
                                   "domain": "sales" if i % 2 else "helpdesk"})
        if i % 4 == 0:
            cases.assign(g, ADMIN, uid, "insider" if contact == "vip" or i % 8 == 0
                         else "agent")
        if i % 5 == 0:
            cases.update_case(g, ADMIN, uid, {"status": "closed"})
        made.append(cases.get_case(g, ADMIN, uid))
    yield {"graph": g, "cases": made}
    wipe(g, keep_label=OWNER_LABEL)


FILTERS = [{}, {"status": "active_new"}, {"status": "active_assigned"}, {"status": "closed"},
           {"assignee": "me"}, {"assignee": "agent"}, {"assignee": "insider"}, {"area": "hd"},
           {"domain": "sales"}, {"contact": "acme"}, {"contact": "vip"},
           {"status": "active_new", "domain": "helpdesk"}, {"status": "active_new",
                                                             "area": "sl"},
           {"assignee": "me", "status": "active_assigned"},
           {"assignee": "dispatcher", "status": "active_new"},
           {"assignee": "agent", "status": "closed"},
           {"assignee": "insider", "status": "active_assigned"},
           {"contact": "beta", "status": "active_new", "domain": "sales"},
           {"assignee": "insider", "contact": "vip"}]


def expected(desk, user, filters):
    wanted = {**filters}
    if wanted.get("assignee") == "me":
        wanted["assignee"] = user
    return [k["uid"] for k in desk["cases"] if k["contact"] in SEES[user]
            and all(k[key] == value for key, value in wanted.items())]


def listed(api, user, filters, size):
    return [item["uid"] for item in api.walk("/api/v1/cases", filters, size, as_=user)]


@pytest.mark.parametrize("user", list(SEES))
@pytest.mark.parametrize("filters", FILTERS, ids=lambda x: ",".join(f"{k}={v}" for k, v
                                                                    in x.items()) or "all")
def test_every_filter_pages_of_1_and_50_the_same_set_and_hidden_cases_absent(
        app, desk, user, filters):
    api = ApiClient(app.test_client())
    want = expected(desk, user, filters)
    assert listed(api, user, filters, 50) == want
    assert listed(api, user, filters, 1) == want


def test_the_fixture_covers_every_combination_it_claims(desk):
    # each status and each assignee appear, and the agent's hidden vip cases exist
    statuses = {k["status"] for k in desk["cases"]}
    assert statuses == {"active_new", "active_assigned", "closed"}
    assert {k["assignee"] for k in desk["cases"]} >= {"agent", "insider", "dispatcher"}
    pairs = {(k["contact"], k["status"]) for k in desk["cases"]}
    assert all((c, "active_new") in pairs for c in CONTACTS)
    assert list(itertools.chain(expected(desk, "agent", {"contact": "vip"}))) == []


@pytest.mark.parametrize("query, field", [("status=bogus", "status"), ("domain=x", "domain"),
                                          ("limit=0", "limit"), ("cursor=abc", "cursor"),
                                          ("sort=uid", "sort")])
def test_a_bad_filter_is_a_422_naming_it(app, desk, query, field):
    res = ApiClient(app.test_client()).get(f"/api/v1/cases?{query}", as_="agent")
    assert res.status_code == 422, res.json
    assert field in str(res.json["error"]["fields"]), res.json


def test_my_cases_follow_a_pull_and_the_migration_restores_a_lost_key(app, graph):
    """"My cases" (assignee and status) read the case_assignee_order index: the key is set
    wherever a case gets its assignee (opened, assigned: above; pulled: here), and
    `graphsvc db migrate` writes it for a case that lacks it."""
    from graphsvc.schema import migrate

    wipe(graph, keep_label=OWNER_LABEL)
    f.admin(graph)
    f.user(graph, "agent")
    f.user(graph, "dispatcher")
    f.directory(graph, "customers", "all", users=["agent"])
    f.contact(graph, "acme", directories=["customers"])
    f.area(graph, "hd")
    conditions.set_default_user(graph, "dispatcher")
    conditions.set_default_area(graph, "helpdesk", "hd")
    cases.open_case(graph, ADMIN, {"uid": "k1", "contact": "acme", "subject": "S",
                                   "domain": "helpdesk"})
    agent = Actor("agent", False)
    mine = {"assignee": "agent", "status": "active_assigned"}
    assert cases.list_cases(graph, agent, mine, 50, None)["items"] == []
    assert cases.pull_case(graph, agent)["uid"] == "k1"
    assert [k["uid"] for k in cases.list_cases(graph, agent, mine, 50, None)["items"]] == ["k1"]
    graph.write_tx(lambda tx: tx.run("MATCH (k:Case {uid: 'k1'}) REMOVE k.assignee_uid"
                                     ).consume())
    assert cases.list_cases(graph, agent, mine, 50, None)["items"] == []
    assert migrate(graph).rewritten == {"migrations/case_assignee_uid": 1}
    assert [k["uid"] for k in cases.list_cases(graph, agent, mine, 50, None)["items"]] == ["k1"]
    wipe(graph, keep_label=OWNER_LABEL)
