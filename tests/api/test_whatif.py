"""What-if (issue 15, item 5): on a hand-built org, the hand-worked differences; nothing is
ever persisted, whether the what-if answers, refuses a change, or fails half-way."""

import pytest

from tests import factories as f


@pytest.fixture
def org_(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "ola", "per"):
        f.user(g, uid)  # each with the eponymous account-manager group amg-<uid>
    f.user_group(g, "office", members=["ola"])
    f.directory(g, "public", "all", user_groups=["office"])
    f.directory(g, "books", "assigned", users=["kari", "per"])
    for uid in ("p1", "p2"):
        f.contact(g, uid, directories=["public"])
    for uid, book in (("b1", "amg-kari"), ("b2", "amg-kari"), ("b3", "amg-per")):
        f.contact(g, uid, directories=["books"], primary_manager_group=book)
    f.category(g, "private")
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans", duration=45)
    f.chain(g, "k", 5)  # k1 <- k2 <- ... <- k5: five layers
    f.group(g, "retail")
    f.group(g, "west", parent="retail")
    api.put("/api/v1/competence-groups/retail/competences/mortgage/private")
    api.put("/api/v1/competence-groups/west/members/kari")
    return g


def census(graph) -> tuple:
    """Everything the database holds: each node's labels and properties, each
    relationship's type, ends and properties, sorted; and the counts."""
    with graph.driver.session(database=graph.database) as session:
        nodes = sorted(repr((sorted(r["labels"]), sorted(r["props"].items())))
                       for r in session.run("MATCH (n) RETURN labels(n) AS labels, "
                                            "properties(n) AS props"))
        rels = sorted(repr((r["type"], r["a"], r["b"], sorted(r["props"].items())))
                      for r in session.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, "
                                           "elementId(a) AS a, elementId(b) AS b, "
                                           "properties(r) AS props"))
    return len(nodes), len(rels), nodes, rels


def what_if(api, *changes, **kw):
    return api.post("/api/v1/what-if", json={"changes": list(changes), **kw})


def test_the_hand_worked_differences_and_nothing_persisted(api, org_):
    before = census(org_)
    res = what_if(
        api,
        {"op": "remove_member", "kind": "account-manager-group", "group": "amg-kari",
         "user": "kari"},
        {"op": "add_member", "kind": "user-group", "group": "office", "user": "per"},
        {"op": "move_group", "group": "west", "parent": None},
        {"op": "move_group", "group": "retail", "parent": "k5"})
    assert res.status_code == 200, res.json
    answer = res.json
    assert answer["visibility"]["lost"] == {
        "count": 2, "per_user": [{"user": "kari", "count": 2}],
        "pairs": [{"user": "kari", "contact": "b1"}, {"user": "kari", "contact": "b2"}]}
    assert answer["visibility"]["gained"] == {
        "count": 2, "per_user": [{"user": "per", "count": 2}],
        "pairs": [{"user": "per", "contact": "p1"}, {"user": "per", "contact": "p2"}]}
    assert answer["competences"] == [
        {"user": "kari", "gained": [], "lost": ["mortgage|private"],
         "unrestricted_before": False, "unrestricted_after": True}]
    [refused] = answer["refused"]
    assert (refused["index"], refused["op"], refused["code"]) == (3, "move_group",
                                                                   "depth_limit")
    assert refused["details"]["layer"] == 6
    assert census(org_) == before
    # and the decisions are as they were
    assert api.get("/api/v1/access/contacts/b1?user=kari").json["allowed"] is True
    assert api.get("/api/v1/access/contacts/p1?user=per").json["allowed"] is False


def test_deactivating_a_user_loses_all_it_saw(api, org_):
    before = census(org_)
    res = what_if(api, {"op": "deactivate_user", "user": "ola"},
                  {"op": "deactivate_user", "user": "kari"}, limit=1)
    assert res.status_code == 200, res.json
    lost = res.json["visibility"]["lost"]
    assert lost["count"] == 4
    assert lost["per_user"] == [{"user": "kari", "count": 2}, {"user": "ola", "count": 2}]
    assert lost["pairs"] == [{"user": "kari", "contact": "b1"}]  # the first page of 1
    assert res.json["visibility"]["gained"]["count"] == 0
    assert census(org_) == before


def test_revoking_a_directory_from_a_user_group(api, org_):
    res = what_if(api, {"op": "revoke_directory", "directory": "public",
                        "user_group": "office"})
    assert res.status_code == 200, res.json
    assert res.json["visibility"]["lost"]["per_user"] == [{"user": "ola", "count": 2}]
    assert res.json["users_compared"] == ["ola"]


def test_a_failure_half_way_rolls_everything_back(api, org_):
    """The second change fails while the first is applied (the last admin may not be
    deactivated): the whole what-if is refused, and the database is as it was."""
    before = census(org_)
    res = what_if(api, {"op": "add_member", "kind": "user-group", "group": "office",
                        "user": "per"},
                  {"op": "deactivate_user", "user": "admin"})
    assert res.status_code == 409 and res.json["error"]["code"] == "last_admin"
    assert census(org_) == before


@pytest.mark.parametrize(("change", "field"), [
    ({"op": "add_member", "kind": "user-group", "group": "ghost", "user": "per"},
     "changes.0.group"),
    ({"op": "add_member", "kind": "user-group", "group": "office", "user": "ghost"},
     "changes.0.user"),
    ({"op": "move_group", "group": "west"}, "changes.0.parent"),
    ({"op": "grant_directory", "directory": "public"}, "changes.0.user"),
    ({"op": "deactivate_user", "user": "ola", "group": "west"}, "changes.0.group"),
    ({"op": "explode"}, "changes.0.op"),
])
def test_bad_changes_name_the_field(api, org_, change, field):
    before = census(org_)
    res = what_if(api, change)
    assert res.status_code == 422, res.json
    assert field in res.json["error"]["fields"], res.json
    assert census(org_) == before


def test_what_if_is_for_admins(api, org_):
    res = api.post("/api/v1/what-if", as_="kari",
                   json={"changes": [{"op": "deactivate_user", "user": "ola"}]})
    assert res.status_code == 403


@pytest.fixture
def branch_(api, admin, clean_graph):
    """Kari works in Bergen and may serve only mortgage x private (through west, under
    retail); Bergen has one private and one business customer; Oslo one private."""
    g = clean_graph
    for uid in ("bergen", "oslo"):
        f.location(g, uid)
    for uid in ("private", "business"):
        f.category(g, uid)
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans")
    f.meeting_type(g, "pension", "loans")
    f.user(g, "kari", locations=("bergen",))
    f.group(g, "retail")
    f.group(g, "west", parent="retail")
    api.put("/api/v1/competence-groups/retail/competences/mortgage/private")
    api.put("/api/v1/competence-groups/west/members/kari")
    f.directory(g, "all", "all")
    f.contact(g, "c-priv", home="bergen", category="private", directories=["all"])
    f.contact(g, "c-bus", home="bergen", category="business", directories=["all"])
    f.contact(g, "c-oslo", home="oslo", category="private", directories=["all"])
    return g


def brief(side):
    return [(e["meeting_type"], e["mode"], e["customers"], e["advisors"], e["first"])
            for e in side]


def test_customers_who_lose_an_advisor(api, branch_):
    before = census(branch_)
    res = what_if(api, {"op": "deactivate_user", "user": "kari"})
    assert res.status_code == 200, res.json
    assert brief(res.json["eligibility"]["lost"]) == [
        ("mortgage", "online", 1, ["kari"], ["c-priv"]),
        ("mortgage", "physical", 1, ["kari"], ["c-priv"])]
    assert res.json["eligibility"]["gained"] == []
    assert census(branch_) == before


def test_customers_who_gain_an_advisor(api, branch_):
    """Out of west, kari has no competence left: unrestricted, she may serve every pair."""
    res = what_if(api, {"op": "remove_member", "kind": "competence-group", "group": "west",
                        "user": "kari"})
    assert res.status_code == 200, res.json
    assert brief(res.json["eligibility"]["gained"]) == [
        ("mortgage", "online", 1, ["kari"], ["c-bus"]),
        ("mortgage", "physical", 1, ["kari"], ["c-bus"]),
        ("pension", "online", 2, ["kari"], ["c-bus", "c-priv"]),
        ("pension", "physical", 2, ["kari"], ["c-bus", "c-priv"])]
    assert res.json["eligibility"]["lost"] == []
    assert res.json["competences"] == [
        {"user": "kari", "gained": [], "lost": ["mortgage|private"],
         "unrestricted_before": False, "unrestricted_after": True}]


def test_a_service_group_rule_change_reaches_its_members(api, branch_):
    """A service group extends kari's online reach to customers at home in Oslo; limiting
    its activation to Bergen takes Oslo's private customer away from her."""
    f.service_group(branch_, "sg")
    f.level(branch_, "sg", "online")
    api.put("/api/v1/service-groups/sg/members/kari")
    res = what_if(api, {"op": "set_activation", "service_group": "sg",
                        "activation": {"locations": ["bergen"]}})
    assert res.status_code == 200, res.json
    assert brief(res.json["eligibility"]["lost"]) == [
        ("mortgage", "online", 1, ["kari"], ["c-oslo"])]
    assert res.json["users_compared"] == ["kari"]


def test_service_levels_added_and_removed(api, branch_):
    """A service group without levels extends nothing; an online level (every location)
    brings Oslo's private customer to kari online; removing it takes her away again."""
    f.service_group(branch_, "sg")
    api.put("/api/v1/service-groups/sg/members/kari")
    before = census(branch_)
    res = what_if(api, {"op": "add_level", "service_group": "sg",
                        "level": {"name": "Online, everywhere", "mode": "online"}})
    assert res.status_code == 200, res.json
    assert brief(res.json["eligibility"]["gained"]) == [
        ("mortgage", "online", 1, ["kari"], ["c-oslo"])]
    assert census(branch_) == before
    f.level(branch_, "sg", "online", uid="lvl")
    res = what_if(api, {"op": "remove_level", "service_group": "sg", "level_uid": "lvl"})
    assert brief(res.json["eligibility"]["lost"]) == [
        ("mortgage", "online", 1, ["kari"], ["c-oslo"])]
    res = what_if(api, {"op": "remove_level", "service_group": "sg", "level_uid": "nope"})
    assert res.status_code == 422 and "changes.0.level_uid" in res.json["error"]["fields"]
