"""Org structure through the API: catalogue, groups, service groups, settings, bad input."""

import pytest

from tests import factories as f


@pytest.fixture
def catalogue(api, admin, clean_graph):
    g = clean_graph
    f.location(g, "bergen")
    f.category(g, "private")
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans", duration=45)
    return g


def test_meeting_type_crud_and_unknown_theme(api, catalogue):
    res = api.post("/api/v1/meeting-types", json={"uid": "refi", "name": "Refinancing",
                                                  "duration_minutes": 30, "theme": "loans"})
    assert res.status_code == 201
    assert res.json == {"uid": "refi", "name": "Refinancing", "duration_minutes": 30,
                        "theme": "loans"}
    res = api.post("/api/v1/meeting-types", json={"name": "X", "duration_minutes": 30,
                                                  "theme": "nope"})
    assert res.status_code == 422
    assert res.json["error"]["fields"] == {"theme": ["unknown meeting theme 'nope'"]}
    res = api.post("/api/v1/meeting-types", json={"name": "X", "duration_minutes": "30",
                                                  "theme": "loans"})
    assert res.status_code == 422 and "duration_minutes" in res.json["error"]["fields"]
    assert api.get("/api/v1/meeting-themes/loans").json["meeting_types"] == ["mortgage", "refi"]
    res = api.delete("/api/v1/meeting-themes/loans")
    assert res.status_code == 409 and res.json["error"]["code"] == "in_use"


def test_group_depth_limit_and_cycle_through_the_api(api, catalogue):
    parent = None
    for layer in range(1, 6):
        res = api.post("/api/v1/competence-groups", json={"uid": f"g{layer}",
                                                          "name": f"G{layer}",
                                                          "parent": parent})
        assert res.status_code == 201, res.json
        assert res.json["layer"] == layer
        parent = f"g{layer}"
    res = api.post("/api/v1/competence-groups", json={"uid": "g6", "name": "G6",
                                                      "parent": "g5"})
    assert res.status_code == 409
    assert res.json["error"]["code"] == "depth_limit"
    assert res.json["error"]["details"] == {"group": "g6", "layer": 6, "max_layers": 5}
    assert api.get("/api/v1/competence-groups/g6").status_code == 404
    res = api.patch("/api/v1/competence-groups/g1", json={"parent": "g4"})
    assert res.status_code == 409 and res.json["error"]["code"] == "cycle"
    res = api.patch("/api/v1/competence-groups/g3", json={"parent": None})
    assert res.status_code == 200 and res.json["parent"] is None and res.json["layer"] == 1
    res = api.post("/api/v1/competence-groups", json={"name": "X", "parent": "ghost"})
    assert res.status_code == 422 and "parent" in res.json["error"]["fields"]


def test_user_competences_endpoint(api, catalogue):
    api.post("/api/v1/competence-groups", json={"uid": "retail", "name": "Retail"})
    api.post("/api/v1/competence-groups", json={"uid": "bergen-team", "name": "Bergen",
                                                "parent": "retail"})
    f.user(catalogue, "kari")
    assert api.put("/api/v1/competence-groups/bergen-team/members/kari").status_code == 204
    assert api.get("/api/v1/users/kari/competences").json["unrestricted"] is True
    assert api.put("/api/v1/competence-groups/retail/competences/mortgage/private"
                   ).status_code == 204
    res = api.get("/api/v1/users/kari/competences")
    assert res.status_code == 200
    assert res.json["unrestricted"] is False
    [c] = res.json["competences"]
    assert c["meeting_type"] == "mortgage" and c["customer_category"] == "private"
    step = c["paths"][0][0]
    assert {k: step[k] for k in ("node", "rel")} == {
        "node": {"label": "User", "uid": "kari", "name": "Kari"}, "rel": "MEMBER_OF"}
    # a grant's step shows its window: opened when the member was added, open-ended
    assert step["valid_from"] is not None and step["valid_to"] is None
    assert api.put("/api/v1/competence-groups/retail/competences/nope/private"
                   ).status_code == 404
    assert api.put("/api/v1/competence-groups/retail/members/ghost").status_code == 404
    assert api.get("/api/v1/users/ghost/competences").status_code == 404


def test_service_group_lifecycle(api, catalogue):
    body = {"uid": "mortgage-team", "name": "Mortgage team", "email": "mortgage@bank.example",
            "activation": {"locations": ["bergen"], "customer_categories": ["private"],
                           "meeting_themes": ["loans"]}}
    res = api.post("/api/v1/service-groups", json=body)
    assert res.status_code == 201, res.json
    assert res.json["activation"] == body["activation"]
    res = api.post("/api/v1/service-groups/mortgage-team/levels",
                   json={"uid": "online-all", "name": "Online everywhere", "mode": "online"})
    assert res.status_code == 201
    assert res.json == {"uid": "online-all", "name": "Online everywhere", "mode": "online",
                        "locations": [], "meeting_types": []}
    res = api.post("/api/v1/service-groups/mortgage-team/levels",
                   json={"name": "X", "mode": "telepathic"})
    assert res.status_code == 422 and "mode" in res.json["error"]["fields"]
    res = api.post("/api/v1/service-groups/mortgage-team/levels",
                   json={"name": "X", "mode": "physical", "meeting_types": ["nope"]})
    assert res.status_code == 422
    assert res.json["error"]["fields"] == {"meeting_types": ["unknown meeting type 'nope'"]}
    assert len(api.get("/api/v1/service-groups/mortgage-team").json["levels"]) == 1
    # duplicate email
    res = api.post("/api/v1/service-groups", json={**body, "uid": "other"})
    assert res.status_code == 409 and "email" in res.json["error"]["fields"]
    # members with a window
    f.user(catalogue, "temp")
    res = api.put("/api/v1/service-groups/mortgage-team/members/temp",
                  json={"valid_from": "2026-12-01T10:00:00+01:00",
                        "valid_to": "2026-12-08T10:00:00+01:00"})
    assert res.status_code == 204
    res = api.get("/api/v1/service-groups/mortgage-team/members?at=2026-12-01T09:00:00Z")
    assert [m["user"]["uid"] for m in res.json["items"]] == ["temp"]
    res = api.get("/api/v1/service-groups/mortgage-team/members?at=2026-12-01T08:59:59Z")
    assert res.json["items"] == []
    res = api.get("/api/v1/service-groups/mortgage-team/members?at=yesterday")
    assert res.status_code == 422 and "at" in res.json["error"]["fields"]
    # activation
    res = api.get("/api/v1/service-groups/mortgage-team/activation?location=bergen"
                  "&customer_category=private&meeting_theme=loans")
    assert res.status_code == 200 and res.json["matches"] is True
    assert len(res.json["paths"]) == 3
    res = api.get("/api/v1/service-groups/activation?location=bergen"
                  "&customer_category=private&meeting_theme=nope")
    assert res.status_code == 422 and "meeting_theme" in res.json["error"]["fields"]
    assert api.delete("/api/v1/service-groups/mortgage-team/levels/online-all"
                      ).status_code == 204
    assert api.delete("/api/v1/service-groups/mortgage-team").status_code == 204
    assert clean_count(catalogue, "ServiceLevel") == 0


def clean_count(graph, label):
    return graph.read_one("system/count_label", label=label)["count"]


@pytest.mark.parametrize("window", [
    {"valid_from": "2026-12-08T10:00:00Z", "valid_to": "2026-12-01T10:00:00Z"},
    {"valid_from": "2026-12-01T10:00:00Z", "valid_to": "2026-12-01T10:00:00Z"},
    {"valid_from": "2026-12-01T10:00:00"},
])
def test_bad_windows_are_422_and_write_nothing(api, catalogue, window):
    f.service_group(catalogue, "sg")
    f.user(catalogue, "temp")
    res = api.put("/api/v1/service-groups/sg/members/temp", json=window)
    assert res.status_code == 422
    assert set(res.json["error"]["fields"]) & {"valid_to", "valid_from"}
    assert api.get("/api/v1/service-groups/sg/members").json["items"] == []


def test_unknown_activation_reference_writes_nothing(api, catalogue):
    res = api.post("/api/v1/service-groups", json={
        "uid": "sg", "name": "SG", "email": "sg@x.no",
        "activation": {"locations": ["bergen", "atlantis"]}})
    assert res.status_code == 422
    assert res.json["error"]["fields"] == {
        "activation.locations": ["unknown location 'atlantis'"]}
    assert api.get("/api/v1/service-groups/sg").status_code == 404


def test_settings(api, catalogue):
    assert api.get("/api/v1/settings").json["installation_level"] == "full"
    res = api.patch("/api/v1/settings", json={"installation_level": "basic"})
    assert res.status_code == 200 and res.json["installation_level"] == "basic"
    assert api.patch("/api/v1/settings", json={"installation_level": "max"}).status_code == 422
    f.user(catalogue, "kari")
    assert api.patch("/api/v1/settings", json={"installation_level": "full"},
                     as_="kari").status_code == 403
