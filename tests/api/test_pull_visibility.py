"""Work goes only to people who can open it: pulls pick among the cases whose contact the
agent sees (in the same walk that finds the most urgent one), and manual assignment to a
user who cannot see the contact is refused."""

from __future__ import annotations

import pytest

from graphsvc.actor import Actor
from graphsvc.services import cases, conditions
from tests import factories as f

ADMIN = Actor("admin", True)


@pytest.fixture
def desk(api, admin, clean_graph):
    g = clean_graph
    for uid in ("insider", "agent", "dispatcher"):
        f.user(g, uid)
    f.directory(g, "customers", "all", users=["insider", "agent", "dispatcher"])
    f.directory(g, "private-banking", "assigned", users=["insider", "agent"])
    f.manager_group(g, "pb-team", members=["insider"])
    f.contact(g, "acme", directories=["customers"])
    f.contact(g, "vip", directories=["private-banking"], primary_manager_group="pb-team")
    conditions.set_default_user(g, "dispatcher")
    # The VIP case is the most urgent (oldest, no SLA on either).
    cases.open_case(g, ADMIN, {"uid": "k-vip", "contact": "vip", "subject": "Secret deal",
                               "domain": "helpdesk"})
    cases.open_case(g, ADMIN, {"uid": "k-acme", "contact": "acme", "subject": "Printer",
                               "domain": "helpdesk"})
    return g


def counts(graph):
    return graph.read_one("system/count_all")


def test_an_agent_never_pulls_a_case_it_cannot_open_even_the_most_urgent(api, desk):
    res = api.post("/api/v1/cases/pull", as_="agent")
    assert res.status_code == 200 and res.json["uid"] == "k-acme"
    assert api.post("/api/v1/cases/pull", as_="agent").status_code == 204
    assert api.get("/api/v1/cases/k-vip", as_="agent").status_code == 404
    res = api.post("/api/v1/cases/pull", as_="insider")
    assert res.status_code == 200 and res.json["uid"] == "k-vip"


def test_manual_assignment_to_a_user_who_cannot_see_the_contact_is_refused(api, desk):
    before = counts(desk)
    res = api.put("/api/v1/cases/k-vip/assignee", json={"user": "agent"})
    assert res.status_code == 422, res.json
    assert res.json["error"]["code"] == "cannot_see_contact"
    assert "does not see contact 'vip'" in res.json["error"]["fields"]["user"][0]
    assert counts(desk) == before
    assert api.get("/api/v1/cases/k-vip").json["status"] == "active_new"
    res = api.put("/api/v1/cases/k-vip/assignee", json={"user": "insider"})
    assert res.status_code == 200 and res.json["assignee"] == "insider"


def test_a_responsible_handler_who_cannot_see_the_contact_is_skipped_and_the_answer_says_so(
        api, desk):
    f.contact_group(desk, "pb-clients", "private-banking", priority=10, members=["vip"])
    f.contact_group(desk, "everyone", "customers", priority=1, members=["vip"])
    for group, handler in (("pb-clients", "agent"), ("everyone", "insider")):
        res = api.put(f"/api/v1/contact-groups/{group}/responsibilities/helpdesk",
                      json={"handler": handler})
        assert res.status_code == 200, res.json
    res = api.post("/api/v1/cases", json={"contact": "vip", "subject": "Deal"})
    assert res.status_code == 201, res.json
    assert (res.json["assignee"], res.json["status"]) == ("insider", "active_assigned")
    assert res.json["skipped_handlers"] == [{"user": "agent",
                                             "reason": "does not see the contact"}]
    # nobody responsible sees it: the default user gets it, both handlers named as skipped
    api.delete("/api/v1/contact-groups/everyone/responsibilities/helpdesk")
    res = api.put("/api/v1/contact-groups/everyone/responsibilities/helpdesk",
                  json={"handler": "dispatcher"})
    res = api.post("/api/v1/cases", json={"contact": "vip", "subject": "Deal 2"})
    assert (res.json["assignee"], res.json["status"]) == ("dispatcher", "active_new")
    assert [s["user"] for s in res.json["skipped_handlers"]] == ["agent", "dispatcher"]
