"""Users and locations through the API: CRUD, the error format, acting user, nothing written
on error."""

import pytest

from tests import factories


def count(graph, label):
    return graph.read_one("system/count_label", label=label)["count"]


def test_create_read_update_delete_location(api, admin):
    res = api.post("/api/v1/locations", json={"uid": "bergen", "code": "BGO",
                                              "name": "Bergen", "timezone": "Europe/Oslo"})
    assert res.status_code == 201, res.json
    assert res.json == {"uid": "bergen", "code": "BGO", "name": "Bergen",
                        "timezone": "Europe/Oslo"}
    assert api.get("/api/v1/locations/bergen").json["name"] == "Bergen"
    res = api.patch("/api/v1/locations/bergen", json={"name": "Bergen sentrum"})
    assert res.status_code == 200 and res.json["name"] == "Bergen sentrum"
    assert api.delete("/api/v1/locations/bergen").status_code == 204
    assert api.get("/api/v1/locations/bergen").status_code == 404
    assert api.delete("/api/v1/locations/bergen").status_code == 404


def test_uid_is_generated_when_omitted(api, admin):
    res = api.post("/api/v1/locations", json={"code": "X", "name": "X"})
    assert res.status_code == 201
    assert len(res.json["uid"]) == 32
    assert res.json["timezone"] == "UTC"


def test_create_user_with_locations(api, admin, clean_graph):
    factories.location(clean_graph, "oslo")
    res = api.post("/api/v1/users", json={"uid": "kari", "name": "Kari", "email": "kari@x.no",
                                          "locations": ["oslo"]})
    assert res.status_code == 201, res.json
    assert res.json == {"uid": "kari", "name": "Kari", "email": "kari@x.no",
                        "is_admin": False, "active": True, "locations": ["oslo"]}
    assert api.delete("/api/v1/users/kari/locations/oslo").status_code == 204
    assert api.get("/api/v1/users/kari").json["locations"] == []
    assert api.put("/api/v1/users/kari/locations/oslo").status_code == 204
    assert api.get("/api/v1/users/kari").json["locations"] == ["oslo"]
    assert api.put("/api/v1/users/kari/locations/nowhere").status_code == 404


@pytest.mark.parametrize("body, field", [
    ({"name": "No email"}, "email"),
    ({"email": "a@b.no"}, "name"),
    ({"name": 5, "email": "a@b.no"}, "name"),
    ({"name": "A", "email": "not-an-email"}, "email"),
    ({"name": "A", "email": "a@b.no", "is_admin": "perhaps"}, "is_admin"),
    ({"name": "A", "email": "a@b.no", "shoe_size": 44}, "shoe_size"),
    ({"name": "A", "email": "a@b.no", "uid": "has space"}, "uid"),
])
def test_bad_user_body_is_422_with_the_field_and_writes_nothing(api, admin, clean_graph,
                                                                 body, field):
    res = api.post("/api/v1/users", json=body)
    assert res.status_code == 422
    assert res.json["error"]["code"] == "invalid"
    assert field in res.json["error"]["fields"]
    assert count(clean_graph, "User") == 1  # only the admin


def test_unknown_location_reference_is_422_and_writes_nothing(api, admin, clean_graph):
    res = api.post("/api/v1/users", json={"uid": "x", "name": "X", "email": "x@b.no",
                                          "locations": ["atlantis"]})
    assert res.status_code == 422
    assert res.json["error"]["fields"] == {"locations": ["unknown location 'atlantis'"]}
    assert api.get("/api/v1/users/x").status_code == 404


def test_malformed_json_is_400(api, admin):
    res = api.post("/api/v1/locations", data="{not json", content_type="application/json")
    assert res.status_code == 400
    assert res.json["error"]["code"] == "malformed"


def test_duplicate_uid_and_email_are_409_and_write_nothing(api, admin, clean_graph):
    body = {"uid": "kari", "name": "Kari", "email": "kari@x.no"}
    assert api.post("/api/v1/users", json=body).status_code == 201
    res = api.post("/api/v1/users", json={**body, "email": "other@x.no"})
    assert res.status_code == 409
    assert res.json["error"]["code"] == "duplicate"
    assert res.json["error"]["fields"] == {"uid": ["already exists"]}
    # the API's words, never the database's (no internal node id)
    assert res.json["error"]["message"] == "A User with uid 'kari' already exists."
    res = api.post("/api/v1/users", json=body)  # both taken: either may be reported
    assert res.status_code == 409 and set(res.json["error"]["fields"]) <= {"uid", "email"}
    res = api.post("/api/v1/users", json={**body, "uid": "kari2"})
    assert res.status_code == 409
    assert res.json["error"]["fields"] == {"email": ["already exists"]}
    assert count(clean_graph, "User") == 2
    res = api.post("/api/v1/locations", json={"uid": "a", "code": "A", "name": "A"})
    assert res.status_code == 201
    res = api.post("/api/v1/locations", json={"uid": "b", "code": "A", "name": "B"})
    assert res.status_code == 409 and "code" in res.json["error"]["fields"]


def test_bad_timezone_is_422(api, admin):
    res = api.post("/api/v1/locations", json={"code": "X", "name": "X", "timezone": "Mars/Olympus"})
    assert res.status_code == 422
    assert res.json["error"]["fields"] == {"timezone": ["not an IANA time zone"]}


def test_acting_user_is_required_and_must_exist(api, admin, clean_graph):
    res = api.get("/api/v1/locations", as_="")
    assert res.status_code == 401
    assert res.json["error"]["code"] == "unauthorized"
    assert api.get("/api/v1/locations", as_="ghost").status_code == 401
    factories.user(clean_graph, "gone", active=False)
    assert api.get("/api/v1/locations", as_="gone").status_code == 401


def test_admin_only_writes_are_403_for_others(api, admin, clean_graph):
    factories.user(clean_graph, "kari")
    res = api.post("/api/v1/locations", json={"code": "X", "name": "X"}, as_="kari")
    assert res.status_code == 403
    assert count(clean_graph, "Location") == 0
    assert api.get("/api/v1/locations", as_="kari").status_code == 200


def test_lists_are_keyset_paginated(api, admin, clean_graph):
    for i in range(7):
        factories.location(clean_graph, f"loc{i}")
    seen = [item["uid"] for item in api.walk("/api/v1/locations", {}, 3)]
    assert seen == [f"loc{i}" for i in range(7)]
    assert api.get("/api/v1/locations?limit=501").status_code == 422
    assert api.get("/api/v1/locations?limit=0").status_code == 422
    assert api.get("/api/v1/locations?cursor=@@").status_code == 422


def test_patch_refuses_unknown_fields_and_missing_objects(api, admin):
    assert api.patch("/api/v1/users/nobody", json={"name": "N"}).status_code == 404
    res = api.patch("/api/v1/users/admin", json={"uid": "other"})
    assert res.status_code == 422 and "uid" in res.json["error"]["fields"]
