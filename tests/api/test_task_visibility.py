"""Task pools under the visibility rule (DOMAIN.md 3 and 7): a task about a contact goes
only to a member who sees the contact, even the most urgent one; a team's task list leaves
such tasks out for others; a task about a contact its creator does not see is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests import factories as f

DUE = datetime(2026, 12, 3, 9, tzinfo=UTC)


@pytest.fixture
def pool(api, admin, clean_graph):
    g = clean_graph
    for uid in ("agent", "insider"):
        f.user(g, uid)
    f.directory(g, "customers", "all", users=["agent", "insider"])
    f.directory(g, "private-banking", "assigned", users=["insider", "agent"])
    f.manager_group(g, "pb-team", members=["insider"])
    f.contact(g, "acme", directories=["customers"])
    f.contact(g, "vip", directories=["private-banking"], primary_manager_group="pb-team")
    assert api.post("/api/v1/teams", json={"uid": "team", "name": "Team"}).status_code == 201
    for uid in ("agent", "insider"):
        assert api.put(f"/api/v1/teams/team/members/{uid}").status_code in (200, 204)
    res = api.post("/api/v1/teams/team/tasks", json={"tasks": [
        {"uid": "t-vip", "title": "Call the VIP", "contact": "vip",
         "due": DUE.isoformat()},
        {"uid": "t-acme", "title": "Call acme", "contact": "acme",
         "due": (DUE + timedelta(hours=1)).isoformat()},
        {"uid": "t-plain", "title": "Tidy the queue"}]})
    assert res.status_code == 201, res.json
    assert {t["uid"]: t["contact"] for t in res.json["items"]} == {
        "t-vip": "vip", "t-acme": "acme", "t-plain": None}
    return g


def counts(graph):
    return graph.read_one("system/count_all")


def test_a_member_never_pulls_a_task_about_a_contact_it_cannot_see(api, pool):
    got = [api.post("/api/v1/teams/team/tasks/pull", as_="agent") for _ in range(3)]
    assert [r.status_code for r in got] == [200, 200, 204]
    assert [r.json["uid"] for r in got[:2]] == ["t-acme", "t-plain"]  # t-vip is more urgent
    res = api.post("/api/v1/teams/team/tasks/pull", as_="insider")
    assert (res.status_code, res.json["uid"], res.json["claimed_by"]) == (200, "t-vip",
                                                                          "insider")


def test_the_task_list_leaves_out_tasks_about_contacts_not_seen(api, pool):
    def listed(user, **query):
        res = api.get("/api/v1/teams/team/tasks", query_string=query, as_=user)
        assert res.status_code == 200, res.json
        return [t["uid"] for t in res.json["items"]]

    assert listed("agent") == ["t-acme", "t-plain"]
    assert listed("insider") == ["t-acme", "t-plain", "t-vip"]
    assert listed("admin") == ["t-acme", "t-plain", "t-vip"]  # admins see every contact
    api.post("/api/v1/teams/team/tasks/pull", as_="insider")
    assert listed("insider", status="claimed") == ["t-vip"]
    assert listed("agent", status="claimed") == []
    assert listed("agent", status="open") == ["t-acme", "t-plain"]


@pytest.mark.parametrize("size", [1, 50])
def test_task_pages_of_1_and_50_hold_the_same_tasks(api, pool, size):
    api.post("/api/v1/teams/team/tasks", json={"tasks": [
        {"uid": f"x{i}", "title": f"x{i}", "contact": "vip" if i % 2 else "acme"}
        for i in range(7)]})
    seen = [t["uid"] for t in api.walk("/api/v1/teams/team/tasks", {}, size, as_="agent")]
    assert seen == ["t-acme", "t-plain", "x0", "x2", "x4", "x6"]


def test_a_task_about_a_contact_the_creator_does_not_see_is_refused(api, pool):
    before = counts(pool)
    res = api.post("/api/v1/teams/team/tasks", as_="agent", json={"tasks": [
        {"title": "ok", "contact": "acme"}, {"title": "no", "contact": "vip"}]})
    assert res.status_code == 422, res.json
    assert res.json["error"]["code"] == "unknown_reference"
    assert res.json["error"]["fields"] == {"tasks.1.contact": ["unknown contact 'vip'"]}
    assert counts(pool) == before
