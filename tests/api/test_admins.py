"""A first admin and never none (issue 11): `graphsvc admin create` on an empty database
lets the API in; deactivating, demoting or deleting the last active admin is 409
`last_admin` and writes nothing, also when two admins demote each other at once."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner

from graphsvc.cli import main
from tests import factories as f
from tests.helpers import ApiClient


def env_for(settings):
    return {"NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password}


def test_the_first_admin_comes_from_the_command_line_and_lets_the_api_in(
        app, clean_graph, neo4j_settings):
    api = ApiClient(app.test_client(), default_actor="root")
    assert api.get("/api/v1/users").status_code == 401  # empty database: nobody to act as
    runner = CliRunner()
    result = runner.invoke(main, ["admin", "create", "--uid", "root", "--name", "Root",
                                  "--email", "root@bank.example"], env=env_for(neo4j_settings))
    assert result.exit_code == 0, result.output
    res = api.get("/api/v1/users/root")
    assert res.status_code == 200 and res.json["is_admin"] and res.json["active"]
    assert api.post("/api/v1/users", json={"uid": "kari", "name": "Kari",
                                           "email": "kari@bank.example"}).status_code == 201
    # validated like the API, and a second one with the same uid is refused
    bad = runner.invoke(main, ["admin", "create", "--uid", "Bad Uid!", "--name", "X",
                               "--email", "not-an-email"], env=env_for(neo4j_settings))
    assert bad.exit_code != 0 and "--uid" in bad.output and "--email" in bad.output
    again = runner.invoke(main, ["admin", "create", "--uid", "root", "--name", "Root",
                                 "--email", "r2@bank.example"], env=env_for(neo4j_settings))
    assert again.exit_code != 0 and "already exists" in again.output
    assert clean_graph.read_one("system/count_label", label="User")["count"] == 2


@pytest.mark.parametrize("change", [{"active": False}, {"is_admin": False}, None])
def test_the_last_active_admin_cannot_be_deactivated_demoted_or_deleted(api, admin,
                                                                        clean_graph, change):
    f.user(clean_graph, "kari")
    f.user(clean_graph, "old-admin", is_admin=True, active=False)  # inactive: does not count
    if change is None:
        res = api.delete("/api/v1/users/admin")
    else:
        res = api.patch("/api/v1/users/admin", json=change)
    assert res.status_code == 409, res.json
    assert res.json["error"]["code"] == "last_admin"
    if change:
        assert set(res.json["error"]["fields"]) == set(change)
    user = api.get("/api/v1/users/admin").json
    assert user["is_admin"] and user["active"]
    # with a second active admin the same change goes through
    assert api.patch("/api/v1/users/kari", json={"is_admin": True}).status_code == 200
    if change is None:
        assert api.delete("/api/v1/users/admin", as_="kari").status_code == 204
    else:
        assert api.patch("/api/v1/users/admin", json=change, as_="kari").status_code == 200
    # and now kari is the last one
    res = api.patch("/api/v1/users/kari", json={"is_admin": False}, as_="kari")
    assert res.status_code == 409 and res.json["error"]["code"] == "last_admin"


def test_other_changes_of_the_last_admin_pass(api, admin):
    res = api.patch("/api/v1/users/admin", json={"name": "Renamed", "active": True})
    assert res.status_code == 200 and res.json["name"] == "Renamed"


def test_two_admins_demoting_each_other_at_once_leave_one(app, admin, clean_graph):
    f.user(clean_graph, "kari", is_admin=True)
    for _ in range(5):
        barrier = threading.Barrier(2)
        results = {}

        def demote(actor, target, barrier=barrier, results=results):
            client = ApiClient(app.test_client(), default_actor=actor)
            barrier.wait()
            results[target] = client.patch(f"/api/v1/users/{target}",
                                           json={"is_admin": False}).status_code

        threads = [threading.Thread(target=demote, args=pair)
                   for pair in (("admin", "kari"), ("kari", "admin"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # One demotion passes. The other is refused: 409 when both were admins on arrival
        # (the settings lock serialised them), or 403 when the first had already committed
        # before the second's acting user was read (no longer an admin). Never two 200s.
        assert sorted(results.values()) in ([200, 403], [200, 409]), results
        # the one whose demotion was refused is the one admin left
        survivor = next(target for target, status in results.items() if status != 200)
        listed = ApiClient(app.test_client(), default_actor=survivor).get("/api/v1/users")
        assert [u["uid"] for u in listed.json["items"] if u["is_admin"]] == [survivor]
        # make both admins again for the next round
        other = "kari" if survivor == "admin" else "admin"
        res = ApiClient(app.test_client(), default_actor=survivor).patch(
            f"/api/v1/users/{other}", json={"is_admin": True})
        assert res.status_code == 200
