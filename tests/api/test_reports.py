"""Analyst reports through the API: the same Cypher as cypher/reports/<name>.cypher."""

from graphsvc.services import org
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


def _losses(api, user):
    return [(r["lost"], r["subject"]["uid"], r["details"])
            for r in rows(api, "user-removal-impact", user=user)]


def test_user_removal_impact_on_visibility(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "ola"):
        f.user(g, uid)
    f.manager_group(g, "region", members=["kari", "ola"])
    f.directory(g, "pb", "assigned")
    f.directory(g, "open", "all")
    f.contact(g, "only-kari", directories=["pb"], primary_manager_group="amg-kari")
    f.contact(g, "shared", directories=["pb"], primary_manager_group="region")
    f.contact(g, "public", directories=["open"], primary_manager_group="amg-kari")
    assert _losses(api, "kari") == [("visibility", "only-kari", ["amg-kari"])]
    res = api.get("/api/v1/reports/user-removal-impact")
    assert res.status_code == 422 and "user" in res.json["error"]["fields"]
    res = api.get("/api/v1/reports/user-removal-impact?user=ghost")
    assert res.status_code == 422


def two_advisors(g, ola_works_in: str, categories=("private",)) -> None:
    """Bergen and Oslo, mortgage and savings (theme loans): Kari works in Bergen and may
    advise private customers on mortgages (group mortgage-team), Ola works in
    `ola_works_in` and may advise them on savings (group savers)."""
    for uid in ("bergen", "oslo"):
        f.location(g, uid)
    for uid in categories:
        f.category(g, uid)
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans")
    f.meeting_type(g, "savings", "loans")
    f.group(g, "mortgage-team")
    f.grant(g, "mortgage-team", "mortgage", "private")
    f.group(g, "savers")
    f.grant(g, "savers", "savings", "private")
    f.user(g, "kari", locations=("bergen",))
    f.member(g, "kari", "mortgage-team")
    f.user(g, "ola", locations=(ola_works_in,))
    f.member(g, "ola", "savers")


def test_user_removal_impact_on_service_cases_and_tasks(api, admin, clean_graph):
    """Worked out by hand: Kari is Bergen's only mortgage advisor for private customers."""
    g = clean_graph
    two_advisors(g, ola_works_in="bergen", categories=("private", "business"))
    f.directory(g, "customers", "all", users=["kari", "ola"])
    f.contact(g, "nora", home="bergen", category="private", directories=["customers"])
    f.contact(g, "bob", home="oslo", category="private", directories=["customers"])
    f.contact(g, "biz", home="bergen", category="business", directories=["customers"])
    # Nora loses mortgage meetings in both modes; Bob (Oslo) is not served today, Biz's
    # category is not Kari's, savings stay with Ola.
    assert _losses(api, "kari") == [
        ("service", "nora", ["mortgage/online", "mortgage/physical"])]
    assert _losses(api, "ola") == [("service", "nora", ["savings/online", "savings/physical"])]
    # An online service group for Oslo with Kari in it: Bob now depends on her, online only.
    f.service_group(g, "oslo-online", locations=["oslo"])
    f.level(g, "oslo-online", "online")
    f.service_member(g, "oslo-online", "kari")
    assert _losses(api, "kari") == [
        ("service", "bob", ["mortgage/online"]),
        ("service", "nora", ["mortgage/online", "mortgage/physical"])]
    # A second mortgage advisor in Bergen: Nora keeps her service; Bob still hangs on Kari.
    f.user(g, "per", locations=("bergen",))
    f.member(g, "per", "mortgage-team")
    assert _losses(api, "kari") == [("service", "bob", ["mortgage/online"])]
    # The open case Kari holds (default user) and the team task she claimed.
    api.patch("/api/v1/settings", json={"default_user": "kari"})
    f.area(g, "helpdesk-general")
    api.put("/api/v1/settings/default-areas/helpdesk", json={"area": "helpdesk-general"})
    res = api.post("/api/v1/cases", json={"uid": "k1", "contact": "nora", "subject": "Loan"})
    assert res.status_code == 201, res.json
    api.post("/api/v1/teams", json={"uid": "support", "name": "Support"})
    api.put("/api/v1/teams/support/members/kari")
    api.post("/api/v1/teams/support/tasks", json={"tasks": [{"uid": "t1", "title": "Call"}]},
             as_="kari")
    assert api.post("/api/v1/teams/support/tasks/pull", as_="kari").status_code == 200
    losses = _losses(api, "kari")
    assert losses == [("case", "k1", ["active_new"]),
                      ("service", "bob", ["mortgage/online"]),
                      ("task", "t1", ["support"])]
    walked = [(r["lost"], r["subject"]["uid"], r["details"])
              for r in api.walk("/api/v1/reports/user-removal-impact", {"user": "kari"}, 1)]
    assert walked == losses
    # Deactivated, Kari serves nobody: only what she still holds remains.
    org.update_user(g, "kari", {"active": False})
    assert [loss[:2] for loss in _losses(api, "kari")] == [("case", "k1"), ("task", "t1")]


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


def _gaps(api, **query):
    return [(r["meeting_type"]["uid"], r["customer_category"]["uid"], r["location"]["uid"],
             r["mode"], sorted((n["user"]["uid"], n["failed"]) for n in r["nearest"]))
            for r in rows(api, "coverage-gaps", **query)]


def test_coverage_gaps_closed_by_a_service_level_and_opened_by_deactivation(api, admin,
                                                                          clean_graph):
    """Two locations x one type x one category x two modes, worked out by hand."""
    g = clean_graph
    two_advisors(g, ola_works_in="oslo")
    # Kari serves mortgages in Bergen; Ola only savings in Oslo; nobody mortgages in Oslo,
    # and nobody savings in Bergen. (The admin is unrestricted but works nowhere.)
    assert _gaps(api) == [
        ("mortgage", "private", "oslo", "online", [("kari", "reach"), ("ola", "competence")]),
        ("mortgage", "private", "oslo", "physical", [("kari", "reach"), ("ola", "competence")]),
        ("savings", "private", "bergen", "online", [("kari", "competence"), ("ola", "reach")]),
        ("savings", "private", "bergen", "physical", [("kari", "competence"),
                                                      ("ola", "reach")]),
    ]
    # An online level that extends everywhere, with Kari a member: Oslo's online mortgage
    # customers reach her; the physical gap stays.
    f.service_group(g, "mortgage-online")
    f.level(g, "mortgage-online", "online", meeting_types=["mortgage"])
    f.service_member(g, "mortgage-online", "kari")
    assert [gap[:4] for gap in _gaps(api)] == [
        ("mortgage", "private", "oslo", "physical"),
        ("savings", "private", "bergen", "online"),
        ("savings", "private", "bergen", "physical")]
    # Kari was the only mortgage advisor: deactivating her opens every mortgage combination.
    org.update_user(g, "kari", {"active": False})
    gaps = _gaps(api)
    assert [gap[:4] for gap in gaps] == [
        ("mortgage", "private", "bergen", "online"), ("mortgage", "private", "bergen", "physical"),
        ("mortgage", "private", "oslo", "online"), ("mortgage", "private", "oslo", "physical"),
        ("savings", "private", "bergen", "online"), ("savings", "private", "bergen", "physical")]
    assert gaps[0][4] == [] and gaps[2][4] == [("ola", "competence")]
    # pages of one walk the same gaps in the same order
    walked = [(r["meeting_type"]["uid"], r["customer_category"]["uid"], r["location"]["uid"],
               r["mode"]) for r in api.walk("/api/v1/reports/coverage-gaps", {}, 1)]
    assert walked == [gap[:4] for gap in gaps]
