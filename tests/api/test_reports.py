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


def test_users_with_no_reach_lists_advisors_not_desk_staff(api, admin, clean_graph):
    g = clean_graph
    f.location(g, "oslo")
    f.group(g, "retail")
    f.service_group(g, "campaign")
    f.user(g, "placed", locations=("oslo",))
    f.hours(g, "placed", ("oslo", 1, "09:00", "17:00"))
    f.user(g, "no-hours", locations=("oslo",))
    f.user(g, "nowhere")
    f.user(g, "campaigner")
    f.user(g, "gone", active=False)
    f.user(g, "agent")  # a help-desk agent with no location: in no advisor group
    for uid in ("placed", "no-hours", "nowhere", "gone"):
        f.member(g, uid, "retail")
    f.service_member(g, "campaign", "campaigner")
    got = {r["user"]["uid"]: (r["reason"], r["groups"])
           for r in rows(api, "users-with-no-reach")}
    assert got == {"no-hours": ("no_working_hours", ["retail"]),
                   "nowhere": ("works_at_no_location", ["retail"]),
                   "campaigner": ("works_at_no_location", ["campaign"])}  # not admin, agent


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
    f.group(clean_graph, "retail")
    for i in range(5):
        f.user(clean_graph, f"u{i}")
        f.member(clean_graph, f"u{i}", "retail")
    first = api.get("/api/v1/reports/users-with-no-reach?limit=2").json
    second = api.get(f"/api/v1/reports/users-with-no-reach?limit=10"
                     f"&cursor={first['next_cursor']}").json
    uids = [r["user"]["uid"] for r in first["items"] + second["items"]]
    assert uids == ["u0", "u1", "u2", "u3", "u4"]


def test_handlers_who_cannot_see_the_customers_they_are_responsible_for(api, admin,
                                                                       clean_graph):
    from graphsvc.services import conditions

    g = clean_graph
    for uid in ("ann", "bob", "banker"):
        f.user(g, uid)
    f.user(g, "cat", active=False)
    f.admin(g, "boss")
    f.directory(g, "open", "all", users=["ann", "banker"])
    f.directory(g, "pb", "assigned", users=["ann", "banker"])
    f.manager_group(g, "book", members=["banker"])
    for uid in ("a1", "a2"):
        f.contact(g, uid, directories=["open"])
    f.contact(g, "vip", directories=["pb"], primary_manager_group="book")
    f.contact(g, "vip2", directories=["pb"])
    f.contact_group(g, "retail", "open", members=["a1", "a2"])
    f.contact_group(g, "boss-group", "open", members=["a1"])
    f.contact_group(g, "gone", "open", priority=9, members=["a1"])
    f.contact_group(g, "pbg", "pb", members=["vip", "vip2"])
    f.contact_group(g, "vipfirst", "pb", priority=5, members=["vip2"])
    for group, domain, handler in [
            ("retail", "helpdesk", "ann"),      # sees both: not listed
            ("retail", "sales", "bob"),         # reaches no directory
            ("boss-group", "helpdesk", "boss"),  # an admin sees all (and goes first for a1)
            ("gone", "sales", "cat"),           # inactive: sees none, skipped on creation
            ("pbg", "helpdesk", "ann"),         # in pb's directory but not in vip's book
            ("pbg", "sales", "banker"),         # sees vip (its book), not vip2
            ("vipfirst", "helpdesk", "banker")]:  # outranks pbg for vip2 in helpdesk
        conditions.set_responsibility(g, group, domain, {"handler": handler})
    want = [("gone", "sales", "cat", False, 1, 1, ["a1"]),
            ("pbg", "helpdesk", "ann", True, 1, 1, ["vip"]),
            ("pbg", "sales", "banker", True, 2, 1, ["vip2"]),
            ("retail", "sales", "bob", True, 2, 2, ["a1", "a2"]),
            ("vipfirst", "helpdesk", "banker", True, 1, 1, ["vip2"])]

    def flat(items):
        return [(r["group"]["uid"], r["domain"], r["handler"]["uid"], r["handler"]["active"],
                 r["responsible_for"], r["not_seen"], r["sample"]) for r in items]

    assert flat(rows(api, "handlers-who-cannot-see")) == want
    seen = flat(api.walk("/api/v1/reports/handlers-who-cannot-see", {}, 2))
    assert seen == want
    # every contact the report says a handler cannot see, the access check refuses too
    for _group, _, handler, _, _, _, sample in want:
        for contact in sample:
            res = api.get(f"/api/v1/access/contacts/{contact}?user={handler}")
            assert res.status_code == 200 and res.json["allowed"] is False, (handler, contact)
