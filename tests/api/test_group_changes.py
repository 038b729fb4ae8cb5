"""Every change to a group is recorded in the change's own transaction (DOMAIN.md section 1,
"Group managers"): who, when, what, before and after, listed per group newest first; a
refused or failed change leaves no record, and a record that cannot be written undoes the
change."""

from __future__ import annotations

import pytest

from graphsvc.services import changes, crud, org
from tests import factories as f

CG = "/api/v1/competence-groups"
SG = "/api/v1/service-groups"


@pytest.fixture
def groups(api, admin, clean_graph):
    g = clean_graph
    f.location(g, "bergen")
    f.category(g, "private")
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans")
    for uid in ("hanne", "kari"):
        f.user(g, uid, ("bergen",))
    f.group(g, "west")
    f.group(g, "east")
    f.service_group(g, "west-team")
    crud.set_link(g, org.MANAGES_COMPETENCE_GROUP, "hanne", "west", True)
    crud.set_link(g, org.MANAGES_SERVICE_GROUP, "hanne", "west-team", True)
    return g


def records(graph) -> int:
    return graph.read_one("system/count_label", label="GroupChange")["count"]


def history(api, url: str, as_: str = "hanne") -> list[dict]:
    res = api.get(f"{url}/changes", as_=as_)
    assert res.status_code == 200, res.json
    return res.json["items"]


def brief(change: dict) -> tuple:
    return (change["actor"], change["action"], change["aspect"], change["target"],
            change["before"], change["after"])


def test_changes_are_recorded_newest_first_with_before_and_after(api, groups):
    assert api.put(f"{CG}/west/members/kari", as_="hanne").status_code == 204
    assert api.put(f"{CG}/west/competences/mortgage/private", as_="hanne").status_code == 204
    assert api.patch(f"{CG}/west", as_="hanne", json={"name": "West"}).status_code == 200
    assert api.patch(f"{CG}/west", as_="hanne", json={"name": "West coast"}).status_code == 200
    assert api.post(CG, as_="hanne", json={"uid": "bergen", "name": "Bergen",
                                           "parent": "west"}).status_code == 201
    assert api.put(f"{CG}/west/members/kari", as_="admin").status_code == 204  # no change
    assert api.delete(f"{CG}/west/members/kari", as_="admin").status_code == 204
    items = history(api, f"{CG}/west")
    assert [brief(c)[:4] for c in items] == [
        ("admin", "remove", "members", "kari"),
        ("hanne", "add", "subgroups", "bergen"),
        ("hanne", "update", "group", None),
        ("hanne", "add", "competences", "mortgage|private"),
        ("hanne", "add", "members", "kari"),
        ("system", "create", "group", None)]  # the fixture's, outside a request
    # the rename to the name it had ("West") changed nothing and is not recorded
    assert items[2]["before"] == {"name": "West", "parent": None}
    assert items[2]["after"] == {"name": "West coast", "parent": None}
    # a removed membership's window (opened when kari was added) is ended, not deleted
    assert set(items[0]["before"]) == {"valid_from"} and items[0]["after"] is None
    assert all(a["at"] >= b["at"] for a, b in zip(items, items[1:], strict=False))
    assert [brief(c)[:4] for c in history(api, f"{CG}/bergen")] == [
        ("hanne", "create", "group", None)]

    first = api.get(f"{CG}/west/changes?limit=2", as_="hanne").json
    rest = api.get(f"{CG}/west/changes?limit=2&cursor={first['next_cursor']}",
                   as_="hanne").json
    assert [c["uid"] for c in first["items"] + rest["items"]] == \
        [c["uid"] for c in items[:4]]
    assert api.get(f"{CG}/west/changes", as_="kari").status_code == 403
    assert api.get(f"{CG}/nope/changes", as_="admin").status_code == 404


def test_a_rename_records_the_name_before_and_after(api, groups):
    assert api.patch(f"{CG}/west", as_="hanne", json={"name": "Region West"}).status_code == 200
    change, created = history(api, f"{CG}/west")
    assert brief(created)[:2] == ("system", "create")
    assert change["before"] == {"name": "West", "parent": None}
    assert change["after"] == {"name": "Region West", "parent": None}


def test_service_group_windows_rules_and_levels_are_recorded(api, groups):
    window = {"valid_from": "2030-01-01T00:00:00+00:00", "valid_to": "2030-02-01T00:00:00+00:00"}
    assert api.put(f"{SG}/west-team/members/kari", as_="hanne", json=window).status_code == 204
    later = {**window, "valid_to": "2030-03-01T00:00:00+00:00"}
    assert api.put(f"{SG}/west-team/members/kari", as_="hanne", json=later).status_code == 204
    assert api.patch(f"{SG}/west-team", as_="hanne",
                     json={"activation": {"locations": ["bergen"]}}).status_code == 200
    level = api.post(f"{SG}/west-team/levels", as_="hanne",
                     json={"uid": "lvl", "name": "Online", "mode": "online"}).json
    assert api.put(f"{SG}/west-team/competence-groups/west", as_="hanne").status_code == 204
    items = history(api, f"{SG}/west-team")
    assert [brief(c)[:4] for c in items] == [
        ("hanne", "add", "competence-groups", "west"),
        ("hanne", "add", "levels", "lvl"),
        ("hanne", "update", "group", None),
        ("hanne", "update", "members", "kari"),
        ("hanne", "add", "members", "kari"),
        ("system", "create", "group", None)]
    assert items[1]["after"] == level
    assert items[2]["before"]["activation"]["locations"] == []
    assert items[2]["after"]["activation"]["locations"] == ["bergen"]
    assert items[3]["before"]["valid_to"].startswith("2030-02-01")
    assert items[3]["after"]["valid_to"].startswith("2030-03-01")


def test_refused_and_failed_changes_leave_no_record(api, groups):
    before = records(groups)
    assert api.put(f"{CG}/east/members/kari", as_="hanne").status_code == 403
    assert api.put(f"{CG}/west/members/nobody", as_="hanne").status_code == 404
    assert api.put(f"{CG}/west/competences/nope/private", as_="hanne").status_code == 404
    assert api.patch(f"{CG}/west", as_="admin", json={"parent": "west"}).status_code == 409
    assert api.post(f"{SG}/west-team/levels", as_="hanne",
                    json={"name": "X", "mode": "online",
                          "locations": ["nowhere"]}).status_code == 422
    assert records(groups) == before


def test_a_change_and_its_record_commit_together(api, groups, monkeypatch):
    """The record is written by the change's own transaction: when writing it fails after
    the change, the change is undone with it (and a retry does not record twice)."""
    real = changes.tx_record

    def record_then_fail(tx, *args, **kw):
        real(tx, *args, **kw)
        raise RuntimeError("the record could not be written")

    before_counts = groups.read_one("system/count_all")
    monkeypatch.setattr(changes, "tx_record", record_then_fail)
    for method, url, body in (
            ("PUT", f"{CG}/west/members/kari", None),
            ("POST", CG, {"uid": "bergen", "name": "Bergen", "parent": "west"})):
        with pytest.raises(RuntimeError):  # the test app propagates a 500's exception
            api.request(method, url, as_="hanne", json=body)
    assert groups.read_one("system/count_all") == before_counts
    monkeypatch.setattr(changes, "tx_record", real)
    before = records(groups)
    assert api.put(f"{CG}/west/members/kari", as_="hanne").status_code == 204
    assert records(groups) == before + 1
    assert [brief(c)[:4] for c in history(api, f"{CG}/west")][0] == \
        ("hanne", "add", "members", "kari")


def test_a_deleted_groups_history_stays_listed(api, groups):
    assert api.put(f"{CG}/east/members/kari", as_="admin").status_code == 204
    assert api.delete(f"{CG}/east", as_="admin").status_code == 204
    items = history(api, f"{CG}/east", as_="admin")
    assert [brief(c)[:2] for c in items] == [("admin", "delete"), ("admin", "add"),
                                             ("system", "create")]
    assert items[0]["before"] == {"name": "East", "parent": None}


def test_a_bulk_sync_records_each_group_it_creates_or_changes(api, groups):
    doc = {"competence_groups": [
        {"uid": "west", "name": "West", "parent": None},             # as it is: no record
        {"uid": "east", "name": "East region", "parent": None},      # renamed
        {"uid": "north", "name": "North", "parent": None, "members": ["kari"]}]}  # new
    res = api.post("/api/v1/import", json=doc)
    assert res.status_code == 200, res.json
    assert [brief(c)[:3] for c in history(api, f"{CG}/west", as_="admin")] == [
        ("system", "create", "group")]
    east = history(api, f"{CG}/east", as_="admin")[0]
    assert brief(east)[:3] == ("admin", "update", "sync")
    assert east["before"]["name"] == "East" and east["after"]["name"] == "East region"
    north = history(api, f"{CG}/north", as_="admin")[0]
    assert brief(north)[:3] == ("admin", "create", "sync") and north["before"] is None
    assert north["after"]["members"] == ["kari"]

    before = records(groups)
    too_deep = {"competence_groups": [
        {"uid": f"d{i}", "name": f"D{i}", "parent": f"d{i - 1}" if i else None}
        for i in range(6)]}
    assert api.post("/api/v1/import", json=too_deep).status_code == 409
    assert records(groups) == before  # a failed sync records nothing
