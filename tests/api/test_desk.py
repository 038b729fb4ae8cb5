"""Service conditions and the service desk through the API (DOMAIN.md sections 5-7)."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest

from graphsvc.actor import Actor
from graphsvc.services import cases, conditions, contacts, crud
from tests import factories as f

ADMIN = Actor("admin", True)


@pytest.fixture
def desk(api, admin, clean_graph):
    g = clean_graph
    for uid in ("agent1", "agent2", "handler", "dispatcher"):
        f.user(g, uid)
    f.directory(g, "customers", "all", users=["agent1", "agent2", "handler", "dispatcher"])
    f.contact(g, "acme", directories=["customers"])
    f.contact_group(g, "gold", "customers", priority=10, members=["acme"])
    f.contact_group(g, "region-west", "customers", priority=5, members=["acme"])
    f.contact_group(g, "all-customers", "customers", priority=1, members=["acme"])
    f.area(g, "helpdesk-general")
    f.area(g, "helpdesk-gold")
    f.area(g, "sales-west")
    f.user_group(g, "gold-team", members=["handler"])
    return g


def put_price(api, price_list, product, amount):
    assert api.put(f"/api/v1/price-lists/{price_list}/prices/{product}",
                   json={"amount": amount}).status_code == 200


def test_price_comes_from_the_highest_priority_list_and_ties_take_the_lower_price(api, desk):
    api.post("/api/v1/products", json={"uid": "laptop", "name": "Laptop"})
    for uid in ("gold-list", "west-list", "base-list", "personal"):
        api.post("/api/v1/price-lists", json={"uid": uid, "name": uid, "currency": "NOK"})
    put_price(api, "gold-list", "laptop", 900)
    put_price(api, "west-list", "laptop", 850)
    put_price(api, "base-list", "laptop", 1000)
    api.put("/api/v1/contact-groups/gold/price-lists/gold-list", json={"priority": 5})
    api.put("/api/v1/contact-groups/region-west/price-lists/west-list", json={"priority": 5})
    api.put("/api/v1/contact-groups/all-customers/price-lists/base-list", json={"priority": 1})
    res = api.get("/api/v1/contacts/acme/price?product=laptop")
    assert res.status_code == 200, res.json
    assert (res.json["amount"], res.json["price_list"], res.json["contact_group"]) == (
        850, "west-list", "region-west")
    lost = {c["price_list"]: c["lost_because"] for c in res.json["candidates"]}
    assert lost == {"gold-list": "same priority (5), higher price",
                    "base-list": "lower priority (1 < 5)"}
    assert [s["rel"] for s in res.json["paths"][0]] == ["IN_GROUP", "USES_PRICE_LIST",
                                                        "PRICES", None]
    # The personal price list beats every group's list.
    put_price(api, "personal", "laptop", 1200)
    assert api.put("/api/v1/contacts/acme/personal-price-list/personal").status_code == 204
    res = api.get("/api/v1/contacts/acme/price?product=laptop")
    assert (res.json["price_list"], res.json["contact_group"], res.json["personal"]) == (
        "personal", None, True)
    assert api.get("/api/v1/contacts/acme/price?product=nope").status_code == 422
    api.post("/api/v1/products", json={"uid": "unpriced", "name": "Unpriced"})
    res = api.get("/api/v1/contacts/acme/price?product=unpriced")
    assert res.status_code == 404 and res.json["error"]["code"] == "no_price"


def sla(api, uid, levels, default):
    res = api.post("/api/v1/sla-contracts", json={"uid": uid, "name": uid, "levels": levels,
                                                  "default_level": default})
    assert res.status_code == 201, res.json


LEVELS = [{"uid": "std", "name": "Standard", "severity": "normal", "response_minutes": 240,
           "resolution_minutes": 2880},
          {"uid": "crit", "name": "Critical", "severity": "critical", "response_minutes": 30,
           "resolution_minutes": 240}]


def test_sla_of_the_highest_priority_group_with_a_contract(api, desk):
    sla(api, "gold-sla", [dict(level, uid=f"g-{level['uid']}") for level in LEVELS], "Standard")
    sla(api, "basic-sla", [dict(LEVELS[0], uid="b-std", response_minutes=480)], "b-std")
    api.put("/api/v1/contact-groups/region-west/sla-contract/gold-sla")
    api.put("/api/v1/contact-groups/all-customers/sla-contract/basic-sla")
    api.patch("/api/v1/settings", json={"default_user": "dispatcher"})
    res = api.post("/api/v1/cases", json={"uid": "k1", "contact": "acme", "subject": "Down"})
    assert res.status_code == 201, res.json
    case = res.json
    assert case["sla"]["contract"] == "gold-sla" and case["sla"]["level"] == "g-std"
    created = datetime.fromisoformat(case["created_at"])
    assert datetime.fromisoformat(case["sla"]["response_due"]) == created + timedelta(hours=4)
    # Assessing the severity moves the case to the matching level; due times recomputed.
    res = api.patch("/api/v1/cases/k1", json={"severity": "critical"})
    assert res.json["sla"]["level"] == "g-crit"
    assert datetime.fromisoformat(res.json["sla"]["response_due"]) == created + timedelta(
        minutes=30)
    res = api.patch("/api/v1/cases/k1", json={"severity": "apocalyptic"})
    assert res.status_code == 422 and "severity" in res.json["error"]["fields"]
    # A manual override of this one case.
    res = api.put("/api/v1/cases/k1/sla", json={"contract": "basic-sla", "level": "b-std"})
    assert res.status_code == 200
    assert res.json["sla"] | {} == {**res.json["sla"], "contract": "basic-sla",
                                    "level": "b-std", "manual": True}
    res = api.put("/api/v1/cases/k1/sla", json={"contract": "basic-sla", "level": "g-std"})
    assert res.status_code == 422


def test_responsibility_highest_priority_group_and_default_area(api, desk):
    api.patch("/api/v1/settings", json={"default_user": "dispatcher"})
    api.put("/api/v1/settings/default-areas/helpdesk", json={"area": "helpdesk-general"})
    # No group sets anything: default area, default user, active_new.
    res = api.post("/api/v1/cases", json={"contact": "acme", "subject": "Hello"})
    assert res.status_code == 201
    assert (res.json["area"], res.json["assignee"], res.json["status"]) == (
        "helpdesk-general", "dispatcher", "active_new")
    # Two groups set the helpdesk; gold (priority 10) wins over region-west (5).
    api.put("/api/v1/contact-groups/region-west/responsibilities/helpdesk",
            json={"area": "helpdesk-general", "handler": "agent1"})
    res = api.put("/api/v1/contact-groups/gold/responsibilities/helpdesk",
                  json={"area": "helpdesk-gold", "handler": "handler",
                        "user_group": "gold-team"})
    assert res.status_code == 200
    res = api.post("/api/v1/cases", json={"contact": "acme", "subject": "Help"})
    body = res.json
    assert (body["area"], body["assignee"], body["status"], body["user_group"]) == (
        "helpdesk-gold", "handler", "active_assigned", "gold-team")
    assert any(p[1]["node"]["uid"] == "gold" for p in body["paths"])
    # Sales: only region-west sets an area there.
    api.put("/api/v1/contact-groups/region-west/responsibilities/sales",
            json={"area": "sales-west"})
    res = api.post("/api/v1/cases", json={"contact": "acme", "subject": "Offer",
                                          "domain": "sales"})
    assert (res.json["area"], res.json["assignee"]) == ("sales-west", "dispatcher")
    # A message in the helpdesk domain lands in gold's area, restricted to gold's team.
    res = api.post("/api/v1/messages", json={"uid": "m1", "contact": "acme",
                                             "subject": "Re: Help", "domain": "helpdesk"})
    assert (res.json["area"], res.json["user_group"]) == ("helpdesk-gold", "gold-team")
    assert api.get("/api/v1/messages/m1", as_="agent1").json["body"] is None
    assert api.put("/api/v1/contact-groups/gold/responsibilities/nonsense",
                   json={"area": "sales-west"}).status_code == 422


def test_no_default_user_is_a_clear_error(api, desk, clean_graph):
    res = api.post("/api/v1/cases", json={"contact": "acme", "subject": "Hello"})
    assert res.status_code == 422
    assert res.json["error"]["code"] == "no_default_user"
    assert "default user" in res.json["error"]["message"]
    assert clean_graph.read_one("system/count_label", label="Case")["count"] == 0


def test_manual_assignment_and_suggestions(api, desk):
    api.patch("/api/v1/settings", json={"default_user": "dispatcher"})
    ids = [api.post("/api/v1/cases", json={"contact": "acme", "subject": f"S{i}"}).json["uid"]
           for i in range(4)]
    for uid, to in zip(ids, ["agent1", "agent1", "agent2", "handler"], strict=True):
        res = api.put(f"/api/v1/cases/{uid}/assignee", json={"user": to}, as_="dispatcher")
        assert res.status_code == 200 and res.json["status"] == "active_assigned"
    res = api.get("/api/v1/users/dispatcher/assignment-suggestions", as_="dispatcher")
    ranked = [(s["user"]["uid"], s["assignments"]) for s in res.json["items"]]
    assert ranked == [("handler", 1), ("agent2", 1), ("agent1", 2)]
    assert api.get("/api/v1/users/dispatcher/assignment-suggestions",
                   as_="agent1").status_code == 403
    res = api.put(f"/api/v1/cases/{ids[0]}/assignee", json={"user": "ghost"})
    assert res.status_code == 404
    from graphsvc.services import org

    org.update_user(desk, "agent2", {"active": False})
    res = api.put(f"/api/v1/cases/{ids[0]}/assignee", json={"user": "agent2"})
    assert res.status_code == 422


def test_qualification_scales_are_enforced(api, desk):
    res = api.post("/api/v1/qualifications", json={"uid": "sap", "name": "SAP",
                                                   "scale_min": 1, "scale_max": 10})
    assert res.status_code == 201
    assert api.post("/api/v1/qualifications", json={"name": "X", "scale_min": 5,
                                                    "scale_max": 1}).status_code == 422
    assert api.put("/api/v1/users/agent1/qualifications/sap",
                   json={"rating": 11}).status_code == 422
    res = api.put("/api/v1/users/agent1/qualifications/sap", json={"rating": 7})
    assert res.json["items"] == [{"qualification": "sap", "rating": 7}]
    api.patch("/api/v1/settings", json={"default_user": "dispatcher"})
    res = api.post("/api/v1/cases", json={"contact": "acme", "subject": "S", "requirements": [
        {"qualification": "sap", "min_rating": 0}]})
    assert res.status_code == 422 and "requirements" in res.json["error"]["fields"]


def test_pull_takes_the_most_urgent_case_the_agent_is_qualified_for(api, desk):
    api.post("/api/v1/qualifications", json={"uid": "sap", "name": "SAP", "scale_min": 1,
                                             "scale_max": 10})
    api.put("/api/v1/users/agent1/qualifications/sap", json={"rating": 5})
    api.patch("/api/v1/settings", json={"default_user": "dispatcher"})
    sla(api, "std", LEVELS, "Standard")
    api.put("/api/v1/contact-groups/gold/sla-contract/std")

    def new_case(uid, severity=None, min_rating=None):
        body = {"uid": uid, "contact": "acme", "subject": uid}
        if severity:
            body["severity"] = severity
        if min_rating:
            body["requirements"] = [{"qualification": "sap", "min_rating": min_rating}]
        assert api.post("/api/v1/cases", json=body).status_code == 201

    new_case("normal-old")
    new_case("critical-expert", "critical", min_rating=8)
    new_case("critical", "critical", min_rating=3)
    new_case("normal-new")
    order = []
    while (res := api.post("/api/v1/cases/pull", as_="agent1")).status_code == 200:
        assert res.json["assignee"] == "agent1" and res.json["status"] == "active_assigned"
        order.append(res.json["uid"])
    assert res.status_code == 204
    assert order == ["critical", "normal-old", "normal-new"]
    # agent2 holds no qualification: the expert case stays.
    assert api.post("/api/v1/cases/pull", as_="agent2").status_code == 204


def test_team_pool_pull(api, desk):
    api.post("/api/v1/teams", json={"uid": "support", "name": "Support"})
    api.put("/api/v1/teams/support/members/agent1")
    res = api.post("/api/v1/teams/support/tasks", json={"tasks": [
        {"uid": "later", "title": "Later"},
        {"uid": "urgent", "title": "Urgent", "due": "2026-12-01T09:00:00+01:00"}]},
        as_="agent1")
    assert res.status_code == 201
    assert api.post("/api/v1/teams/support/tasks/pull", as_="agent2").status_code == 403
    first = api.post("/api/v1/teams/support/tasks/pull", as_="agent1").json
    assert (first["uid"], first["claimed_by"], first["status"]) == ("urgent", "agent1",
                                                                    "claimed")
    assert api.post("/api/v1/teams/support/tasks/pull", as_="agent1").json["uid"] == "later"
    assert api.post("/api/v1/teams/support/tasks/pull", as_="agent1").status_code == 204
    assert api.post("/api/v1/teams/ghost/tasks/pull", as_="agent1").status_code == 404


def pull_in_parallel(api, url, actors):
    """Each actor pulls in its own thread until it gets no item; (uids, status codes) each."""
    app = api.client.application

    def drain(actor):
        client, got, codes = app.test_client(), [], []
        while True:
            res = client.post(url, headers={"X-Acting-User": actor})
            codes.append(res.status_code)
            if res.status_code != 200:
                return got, codes
            got.append(res.json["uid"])

    with ThreadPoolExecutor(max_workers=len(actors)) as pool:
        return list(pool.map(drain, actors))


@pytest.mark.slow
def test_16_agents_with_mixed_visibility_pull_500_cases_each_once_to_one_who_sees_it(
        api, desk, clean_graph):
    """Half the agents see acme's directory, the other half only the VIP directory: every
    case is handed out exactly once, always to an agent who can open it."""
    agents = [f"a{i:02d}" for i in range(16)]
    f.directory(clean_graph, "vip-dir", "all")
    f.contact(clean_graph, "vip", directories=["vip-dir"])
    for i, uid in enumerate(agents):
        f.user(clean_graph, uid)
        crud.set_link(clean_graph, contacts.DIRECTORY_USER, uid,
                      "customers" if i % 2 else "vip-dir", True)
    conditions.set_default_user(clean_graph, "dispatcher")
    for i in range(500):
        cases.open_case(clean_graph, ADMIN, {"contact": "vip" if i % 3 == 0 else "acme",
                                             "subject": f"case {i}", "domain": "helpdesk",
                                             "uid": f"k{i:03d}"})
    results = pull_in_parallel(api, "/api/v1/cases/pull", agents)
    handed = [uid for got, _ in results for uid in got]
    assert sorted(handed) == [f"k{i:03d}" for i in range(500)]  # each once, none lost
    assert all(code in (200, 204) for _, codes in results for code in codes)
    for i, (got, _) in enumerate(results):
        sees_vip = i % 2 == 0
        assert all((int(uid[1:]) % 3 == 0) == sees_vip for uid in got), agents[i]
        assert got  # both halves really worked side by side


@pytest.mark.slow
def test_16_members_pull_500_tasks_each_exactly_once(api, desk, clean_graph):
    members = [f"m{i:02d}" for i in range(16)]
    crud.create(clean_graph, cases.TEAM, {"uid": "pool", "name": "Pool"})
    for uid in members:
        f.user(clean_graph, uid)
        crud.set_link(clean_graph, cases.TEAM_MEMBER, uid, "pool", True)
    cases.add_tasks(clean_graph, ADMIN, "pool", [{"uid": f"t{i:03d}", "title": f"task {i}"}
                                                 for i in range(500)])
    results = pull_in_parallel(api, "/api/v1/teams/pool/tasks/pull", members)
    handed = [uid for got, _ in results for uid in got]
    assert sorted(handed) == [f"t{i:03d}" for i in range(500)]
    assert all(code in (200, 204) for _, codes in results for code in codes)
    assert sum(1 for got, _ in results if got) > 1


@pytest.mark.slow
def test_16_members_with_mixed_visibility_pull_tasks_each_once_to_one_who_sees_it(
        api, desk, clean_graph):
    """Tasks about a contact go only to members who see it; tasks about nobody to anyone."""
    members = [f"m{i:02d}" for i in range(16)]
    f.directory(clean_graph, "vip-dir", "all")
    f.contact(clean_graph, "vip", directories=["vip-dir"])
    crud.create(clean_graph, cases.TEAM, {"uid": "pool", "name": "Pool"})
    for i, uid in enumerate(members):
        f.user(clean_graph, uid)
        crud.set_link(clean_graph, cases.TEAM_MEMBER, uid, "pool", True)
        crud.set_link(clean_graph, contacts.DIRECTORY_USER, uid,
                      "customers" if i % 2 else "vip-dir", True)
    about = {f"t{i:03d}": "vip" if i % 3 == 0 else None if i % 5 == 0 else "acme"
             for i in range(300)}
    cases.add_tasks(clean_graph, ADMIN, "pool", [{"uid": uid, "title": uid, "contact": contact}
                                                 for uid, contact in about.items()])
    results = pull_in_parallel(api, "/api/v1/teams/pool/tasks/pull", members)
    handed = [uid for got, _ in results for uid in got]
    assert sorted(handed) == sorted(about)  # each once, none lost
    assert all(code in (200, 204) for _, codes in results for code in codes)
    for i, (got, _) in enumerate(results):
        hidden = "acme" if i % 2 == 0 else "vip"
        assert not [uid for uid in got if about[uid] == hidden], members[i]
        assert got
