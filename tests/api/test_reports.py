"""Analyst reports through the API: the same Cypher as cypher/reports/<name>.cypher."""

from tests import factories as f


def rows(api, name, **query):
    url = f"/api/v1/reports/{name}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items())
                                       if query else "")
    res = api.get(url)
    assert res.status_code == 200, res.json
    return res.json["items"]


def test_groups_at_the_depth_limit(api, admin, clean_graph):
    f.chain(clean_graph, "g", 5)
    f.chain(clean_graph, "h", 3)
    assert rows(api, "groups-at-depth-limit") == [
        {"group": {"uid": "g5", "name": "G5"}, "layer": 5, "parent": "g4"}]


def test_users_with_no_reach(api, admin, clean_graph):
    f.location(clean_graph, "oslo")
    f.user(clean_graph, "placed", locations=("oslo",))
    f.hours(clean_graph, "placed", ("oslo", 1, "09:00", "17:00"))
    f.user(clean_graph, "no-hours", locations=("oslo",))
    f.user(clean_graph, "nowhere")
    f.user(clean_graph, "gone", active=False)
    got = {r["user"]["uid"]: r["reason"] for r in rows(api, "users-with-no-reach")}
    assert got == {"admin": "works_at_no_location", "no-hours": "no_working_hours",
                   "nowhere": "works_at_no_location"}


def test_user_removal_impact(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "ola"):
        f.user(g, uid)
    f.manager_group(g, "region", members=["kari", "ola"])
    f.directory(g, "pb", "assigned")
    f.directory(g, "open", "all")
    f.contact(g, "only-kari", directories=["pb"], primary_manager_group="amg-kari")
    f.contact(g, "shared", directories=["pb"], primary_manager_group="region")
    f.contact(g, "public", directories=["open"], primary_manager_group="amg-kari")
    got = rows(api, "user-removal-impact", user="kari")
    assert [(r["contact"]["uid"], r["groups"]) for r in got] == [("only-kari", ["amg-kari"])]
    res = api.get("/api/v1/reports/user-removal-impact")
    assert res.status_code == 422 and "user" in res.json["error"]["fields"]
    res = api.get("/api/v1/reports/user-removal-impact?user=ghost")
    assert res.status_code == 422


def test_unknown_report_and_non_admins(api, admin, clean_graph):
    assert api.get("/api/v1/reports/nope").status_code == 404
    f.user(clean_graph, "kari")
    assert api.get("/api/v1/reports/groups-at-depth-limit", as_="kari").status_code == 403


def test_report_pages_follow_the_cursor(api, admin, clean_graph):
    for i in range(5):
        f.user(clean_graph, f"u{i}")
    first = api.get("/api/v1/reports/users-with-no-reach?limit=2").json
    second = api.get(f"/api/v1/reports/users-with-no-reach?limit=10"
                     f"&cursor={first['next_cursor']}").json
    uids = [r["user"]["uid"] for r in first["items"] + second["items"]]
    assert uids == ["admin", "u0", "u1", "u2", "u3", "u4"]
