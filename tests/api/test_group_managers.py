"""Group managers on the real database (DOMAIN.md section 1, "Group managers"): a manager of
a competence group changes it and everything below it, a manager of a service group that
group; every other write stays admin-only. A refusal is 403 naming the group the user
would need to manage, decided before the body is read, and writes nothing (node,
relationship and property counts unchanged)."""

from __future__ import annotations

import pytest

from graphsvc.services import crud, org
from tests import factories as f

CG = "/api/v1/competence-groups"
SG = "/api/v1/service-groups"


@pytest.fixture
def org_tree(api, admin, clean_graph):
    """region > west (hanne manages it) > bergen > bergen-a; region > east; other (a root).
    hanne also manages the service group west-team."""
    g = clean_graph
    f.location(g, "bergen")
    f.category(g, "private")
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans")
    for uid in ("hanne", "kari", "ola", "per"):
        f.user(g, uid, ("bergen",))
    f.group(g, "region")
    f.group(g, "west", "region")
    f.group(g, "bergen", "west")
    f.group(g, "bergen-a", "bergen")
    f.group(g, "east", "region")
    f.group(g, "other")
    f.service_group(g, "west-team")
    f.service_group(g, "east-team")
    f.directory(g, "retail", "all")
    crud.set_link(g, org.MANAGES_COMPETENCE_GROUP, "hanne", "west", True)
    crud.set_link(g, org.MANAGES_SERVICE_GROUP, "hanne", "west-team", True)
    return g


def counts(graph) -> dict:
    return graph.read_one("system/count_all")


def refused(api, graph, method: str, url: str, needs: str | None = None, **kw) -> dict:
    before = counts(graph)
    res = api.request(method, url, as_="hanne", **kw)
    assert res.status_code == 403, (method, url, res.status_code, res.json)
    error = res.json["error"]
    assert error["code"] == "forbidden"
    if needs:
        assert error["details"]["needs"]["group"] == needs, error
        assert f"'{needs}'" in error["message"]
    assert counts(graph) == before, f"a refused {method} {url} wrote something"
    return error


def ok(res, status: int = 204):
    assert res.status_code == status, (res.status_code, res.json)
    return res


def test_a_manager_changes_members_and_competences_of_the_group_and_below(api, org_tree):
    for group in ("west", "bergen", "bergen-a"):
        ok(api.put(f"{CG}/{group}/members/kari", as_="hanne"))
        ok(api.put(f"{CG}/{group}/competences/mortgage/private", as_="hanne"))
    competences = api.get("/api/v1/users/kari/competences").json["competences"]
    assert [(c["meeting_type"], c["customer_category"]) for c in competences] == \
        [("mortgage", "private")]
    for group in ("west", "bergen", "bergen-a"):
        ok(api.delete(f"{CG}/{group}/members/kari", as_="hanne"))
        ok(api.delete(f"{CG}/{group}/competences/mortgage/private", as_="hanne"))
    assert api.get("/api/v1/users/kari/competences").json["competences"] == []


def test_a_manager_creates_renames_moves_and_deletes_within_the_subtree(api, org_tree):
    created = ok(api.post(CG, as_="hanne", json={"uid": "west-x", "name": "West X",
                                                 "parent": "west"}), 201).json
    assert created["parent"] == "west" and created["layer"] == 3
    moved = ok(api.patch(f"{CG}/bergen-a", as_="hanne", json={"parent": "west-x",
                                                              "name": "Bergen A"}), 200).json
    assert moved["parent"] == "west-x" and moved["name"] == "Bergen A"
    ok(api.patch(f"{CG}/bergen", as_="hanne", json={"name": "Bergen branch"}), 200)
    ok(api.delete(f"{CG}/bergen-a", as_="hanne"))
    # deleting needs a manager above: west itself is not hers to delete
    refused(api, org_tree, "DELETE", f"{CG}/west", needs="west")


def test_a_manager_names_a_co_manager_who_may_then_change_the_group(api, org_tree):
    refused_before = api.put(f"{CG}/bergen/members/kari", as_="ola")
    assert refused_before.status_code == 403
    ok(api.put(f"{CG}/west/managers/ola", as_="hanne"))
    ok(api.put(f"{CG}/bergen/members/kari", as_="ola"))
    ok(api.delete(f"{CG}/west/managers/ola", as_="hanne"))
    assert api.put(f"{CG}/bergen/members/per", as_="ola").status_code == 403


def test_refused_outside_the_subtree(api, org_tree):
    g = org_tree
    refused(api, g, "PUT", f"{CG}/east/members/kari", needs="east")           # a sibling
    refused(api, g, "PUT", f"{CG}/region/competences/mortgage/private", needs="region")
    refused(api, g, "PATCH", f"{CG}/region", needs="region", json={"name": "Mine"})
    refused(api, g, "PUT", f"{CG}/region/managers/hanne", needs="region")  # no self-promotion
    refused(api, g, "PATCH", f"{CG}/west", needs="other", json={"parent": "other"})
    refused(api, g, "PATCH", f"{CG}/bergen", needs="east", json={"parent": "east"})
    refused(api, g, "POST", CG, needs="east", json={"name": "Mine", "parent": "east"})


def test_only_admins_make_a_root(api, org_tree):
    error = refused(api, org_tree, "PATCH", f"{CG}/bergen", json={"parent": None})
    assert "root" in error["message"]
    error = refused(api, org_tree, "POST", CG, json={"name": "Mine"})
    assert "root" in error["message"]


def test_service_group_manager_links_only_groups_they_manage(api, org_tree):
    ok(api.put(f"{SG}/west-team/competence-groups/bergen", as_="hanne"))
    refused(api, org_tree, "PUT", f"{SG}/west-team/competence-groups/east", needs="east")
    refused(api, org_tree, "PUT", f"{SG}/east-team/competence-groups/bergen",
            needs="east-team")
    ok(api.delete(f"{SG}/west-team/competence-groups/bergen", as_="hanne"))


def test_service_group_manager_changes_members_windows_rules_and_levels(api, org_tree):
    ok(api.put(f"{SG}/west-team/members/kari", as_="hanne",
               json={"valid_from": "2030-01-01T00:00:00+00:00",
                     "valid_to": "2030-02-01T00:00:00+00:00"}))
    ok(api.patch(f"{SG}/west-team", as_="hanne",
                 json={"activation": {"locations": ["bergen"]}}), 200)
    level = ok(api.post(f"{SG}/west-team/levels", as_="hanne",
                        json={"name": "Online", "mode": "online"}), 201).json
    ok(api.delete(f"{SG}/west-team/levels/{level['uid']}", as_="hanne"))
    ok(api.put(f"{SG}/west-team/managers/per", as_="hanne"))
    error = refused(api, org_tree, "PATCH", f"{SG}/west-team", json={"name": "Renamed"})
    assert "Only administrators" in error["message"]
    refused(api, org_tree, "PUT", f"{SG}/east-team/members/kari", needs="east-team")
    refused(api, org_tree, "DELETE", f"{SG}/west-team")
    refused(api, org_tree, "POST", SG, json={"name": "Mine", "email": "mine@bank.example"})


@pytest.mark.parametrize("method, url, body", [
    ("POST", "/api/v1/meeting-types", {"name": "X", "duration_minutes": 30, "theme": "loans"}),
    ("POST", "/api/v1/locations", {"code": "X", "name": "X"}),
    ("PATCH", "/api/v1/customer-categories/private", {"name": "Retail"}),
    ("PUT", "/api/v1/directories/retail/users/kari", None),
    ("PATCH", "/api/v1/users/kari", {"is_admin": True}),
    ("PATCH", "/api/v1/users/hanne", {"is_admin": True}),
    ("PATCH", "/api/v1/settings", {"installation_level": "basic"}),
])
def test_a_manager_never_touches_the_catalogue_users_directories_or_settings(
        api, org_tree, method, url, body):
    refused(api, org_tree, method, url, json=body)


def test_refusal_is_decided_before_validation(api, org_tree):
    refused(api, org_tree, "PATCH", f"{CG}/east", needs="east", json={"name": 5, "bogus": 1})
    refused(api, org_tree, "POST", f"{SG}/east-team/levels", needs="east-team",
            json={"mode": "sideways"})
    res = api.patch(f"{CG}/bergen", as_="hanne", json={"name": 5})
    assert res.status_code == 422 and "name" in res.json["error"]["fields"]


def test_layer_and_cycle_rules_hold_for_managers(api, org_tree):
    # region 1 > west 2 > bergen 3 > bergen-a 4 > c5 5
    before = counts(org_tree)
    ok(api.post(CG, as_="hanne", json={"uid": "c5", "name": "C5", "parent": "bergen-a"}), 201)
    res = api.post(CG, as_="hanne", json={"uid": "c6", "name": "C6", "parent": "c5"})
    assert res.status_code == 409 and res.json["error"]["code"] == "depth_limit"
    assert "layer 6" in res.json["error"]["message"]
    ok(api.post(CG, as_="hanne", json={"uid": "west-2", "name": "W2", "parent": "west"}), 201)
    res = api.patch(f"{CG}/bergen", as_="hanne", json={"parent": "west-2"})
    assert res.status_code == 409 and res.json["error"]["code"] == "depth_limit"
    res = api.patch(f"{CG}/west", as_="hanne", json={"parent": "bergen"})
    assert res.status_code == 409 and res.json["error"]["code"] == "cycle"
    res = api.patch(f"{CG}/bergen", as_="hanne", json={"parent": "bergen-a"})
    assert res.status_code == 409 and res.json["error"]["code"] == "cycle"
    after = counts(org_tree)
    # c5 and west-2, each with its own record and its parent's: nothing of the refusals
    assert after["nodes"] == before["nodes"] + 2 + 4


def test_managed_groups_and_may_change_explain_the_right(api, org_tree):
    items = api.get("/api/v1/users/hanne/managed-groups", as_="hanne").json["items"]
    assert [(i["kind"], i["group"]["uid"]) for i in items] == [
        ("competence-group", "bergen"), ("competence-group", "bergen-a"),
        ("competence-group", "west"), ("service-group", "west-team")]
    bergen_a = items[1]["paths"][0]
    assert [step["node"]["uid"] for step in bergen_a] == ["hanne", "west", "bergen",
                                                          "bergen-a"]
    assert [step["rel"] for step in bergen_a] == ["MANAGES", "CHILD_OF", "CHILD_OF", None]
    page = api.get("/api/v1/users/hanne/managed-groups?limit=2", as_="hanne").json
    rest = api.get(f"/api/v1/users/hanne/managed-groups?limit=2&cursor={page['next_cursor']}",
                   as_="hanne").json
    assert [i["group"]["uid"] for i in page["items"] + rest["items"]] == \
        ["bergen", "bergen-a", "west", "west-team"]
    assert api.get("/api/v1/users/hanne/managed-groups", as_="kari").status_code == 403

    answer = api.get(f"{CG}/bergen/may-change", as_="hanne").json
    assert answer["allowed"] and not answer["admin"]
    assert [s["node"]["uid"] for s in answer["paths"][0]] == ["hanne", "west", "bergen"]
    answer = api.get(f"{CG}/east/may-change?user=hanne", as_="admin").json
    assert not answer["allowed"] and "'east'" in answer["reason"]
    assert api.get(f"{CG}/east/may-change?user=hanne", as_="kari").status_code == 403
    answer = api.get(f"{SG}/west-team/may-change", as_="hanne").json
    assert answer["allowed"] and [s["rel"] for s in answer["paths"][0]] == ["MANAGES", None]
    assert api.get(f"{CG}/nope/may-change", as_="hanne").status_code == 404
