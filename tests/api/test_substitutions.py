"""Substitutions (issue 15): a substitute covers for an absent user exactly inside the
window, through windowed memberships whose paths name the substitution; ending one early
keeps the past; who may do what; bad input writes nothing."""

from datetime import timedelta

import pytest

from graphsvc.windows import now
from tests import factories as f


@pytest.fixture
def org_(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "sub", "ola"):
        f.user(g, uid)  # each with the eponymous account-manager group amg-<uid>
    f.directory(g, "private-banking", "assigned", users=["kari", "sub"])
    f.contact(g, "vip", directories=["private-banking"], primary_manager_group="amg-kari")
    f.category(g, "private")
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans", duration=45)
    f.group(g, "retail")
    api.put("/api/v1/competence-groups/retail/competences/mortgage/private")
    api.put("/api/v1/competence-groups/retail/members/kari")
    return g


def iso(moment):
    return moment.isoformat()


def sees(api, user, at=None, contact="vip"):
    query = {"user": user, **({"at": iso(at)} if at else {})}
    res = api.get(f"/api/v1/access/contacts/{contact}", query_string=query)
    assert res.status_code == 200, res.json
    return res.json


def substitution(api, as_="admin", **body):
    return api.post("/api/v1/substitutions", json=body, as_=as_)


def test_a_substitution_grants_exactly_inside_its_window_and_its_paths_name_it(api, org_):
    start, end = now() + timedelta(days=1), now() + timedelta(days=8)
    res = substitution(api, substitute="sub", for_user="kari", scope="all",
                       **{"from": iso(start), "to": iso(end)})
    assert res.status_code == 201, res.json
    made = res.json
    assert made["substitute"] == "sub" and made["for_user"] == "kari" and made["scope"] == "all"
    assert sorted((g["kind"], g["uid"]) for g in made["groups"]) == [
        ("account-manager-group", "amg-kari"), ("competence-group", "retail")]
    assert not sees(api, "sub")["allowed"]                    # not yet
    assert not sees(api, "sub", start - timedelta(seconds=1))["allowed"]
    assert sees(api, "sub", start)["allowed"]                 # from: inclusive
    assert sees(api, "sub", end - timedelta(seconds=1))["allowed"]
    assert not sees(api, "sub", end)["allowed"]               # to: exclusive, by itself
    inside = sees(api, "sub", start + timedelta(hours=1))
    notes = [s["note"] for p in inside["paths"] for s in p if "note" in s]
    assert notes == [f"substituting for kari until {end.isoformat()}"], inside["paths"]
    assert all(s["substitution"] == made["uid"] for p in inside["paths"] for s in p
               if "note" in s)
    competences = api.get("/api/v1/users/sub/competences",
                          query_string={"at": iso(start + timedelta(hours=1))}).json
    [c] = competences["competences"]
    assert c["paths"][0][0]["note"].startswith("substituting for kari until")
    assert api.get("/api/v1/users/sub/competences").json["unrestricted"] is True  # now
    # the competence group's history records the membership it made
    changes = api.get("/api/v1/competence-groups/retail/changes").json["items"]
    assert (changes[0]["action"], changes[0]["target"]) == ("add", "sub")
    assert changes[0]["after"]["substitution"] == made["uid"]
    # kari's own grants are untouched
    assert sees(api, "kari", start + timedelta(hours=1))["allowed"]


def test_ending_early_ends_it_now_and_keeps_the_past(api, org_):
    res = substitution(api, substitute="sub", for_user="kari",
                       to=iso(now() + timedelta(days=7)))
    assert res.status_code == 201, res.json
    uid = res.json["uid"]
    assert sees(api, "sub")["allowed"]
    during = now()
    ended = api.post(f"/api/v1/substitutions/{uid}/end", as_="sub")
    assert ended.status_code == 200 and ended.json["ended_at"] is not None
    assert api.post(f"/api/v1/substitutions/{uid}/end", as_="sub").json == ended.json
    assert not sees(api, "sub")["allowed"]
    assert sees(api, "sub", during)["allowed"]  # the past is answered as it was
    [grant] = ended.json["groups"]
    assert grant["uid"] == "amg-kari" and grant["valid_to"] is not None


def test_a_planned_substitution_ended_early_leaves_nothing(api, org_):
    start = now() + timedelta(days=2)
    uid = substitution(api, substitute="sub", for_user="kari", scope="all",
                       **{"from": iso(start), "to": iso(start + timedelta(days=1))}).json["uid"]
    ended = api.post(f"/api/v1/substitutions/{uid}/end").json
    assert ended["groups"] == [] and ended["ended_at"] is not None
    assert not sees(api, "sub", start + timedelta(hours=1))["allowed"]


def test_who_may_name_list_and_end(api, org_):
    to = iso(now() + timedelta(days=3))
    # a user for their own account-manager groups; not for someone else, not for all groups
    assert substitution(api, as_="kari", substitute="sub", for_user="kari", to=to
                        ).status_code == 201
    assert substitution(api, as_="kari", substitute="sub", for_user="ola", to=to
                        ).status_code == 403
    assert substitution(api, as_="kari", substitute="sub", for_user="kari", to=to,
                        scope="all").status_code == 403
    [mine] = api.get("/api/v1/substitutions", as_="kari").json["items"]
    assert api.get("/api/v1/substitutions", as_="sub").json["items"] == [mine]
    assert api.get("/api/v1/substitutions", as_="ola").json["items"] == []
    assert api.get("/api/v1/substitutions", query_string={"user": "kari"},
                   as_="ola").status_code == 403
    assert api.get(f"/api/v1/substitutions/{mine['uid']}", as_="ola").status_code == 404
    assert api.post(f"/api/v1/substitutions/{mine['uid']}/end", as_="ola").status_code == 404
    assert api.get(f"/api/v1/substitutions/{mine['uid']}", as_="admin").json == mine


@pytest.mark.parametrize(("body", "field"), [
    ({"to": "past"}, "to"),
    ({"from": "past"}, "from"),
    ({"substitute": "kari"}, "substitute"),
    ({"substitute": "ghost"}, "substitute"),
    ({"for_user": "ghost"}, "for_user"),
    ({"scope": "everything"}, "scope"),
    ({"to": "far"}, "to"),
    ({"unknown": 1}, "unknown"),
])
def test_bad_input_names_the_field_and_writes_nothing(api, org_, body, field):
    values = {"past": iso(now() - timedelta(days=1)), "far": iso(now() + timedelta(days=400))}
    request = {"substitute": "sub", "for_user": "kari", "to": iso(now() + timedelta(days=2)),
               **{k: values.get(v, v) if isinstance(v, str) else v for k, v in body.items()}}
    res = substitution(api, **request)
    assert res.status_code == 422, res.json
    assert field in res.json["error"]["fields"], res.json
    assert api.get("/api/v1/substitutions").json["items"] == []
    assert not sees(api, "sub")["allowed"]
