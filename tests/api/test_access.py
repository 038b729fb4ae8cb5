"""Who may see which contact, through the API: each rule of DOMAIN.md sections 3 and 4."""

import pytest

from graphsvc.services import contacts, crud
from tests import factories as f


@pytest.fixture
def org_(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "ola", "sub", "outsider"):
        f.user(g, uid)  # each gets the eponymous account-manager group amg-<uid>
    f.user_group(g, "bergen-office", members=["ola"])
    f.directory(g, "public", "all", users=["kari"], user_groups=["bergen-office"])
    f.directory(g, "private-banking", "assigned", users=["kari", "sub"],
                user_groups=["bergen-office"])
    f.contact(g, "open", directories=["public"])
    f.contact(g, "vip", directories=["private-banking"], primary_manager_group="amg-kari")
    f.contact(g, "nobodys", directories=["private-banking"])
    return g


def sees(api, user, contact):
    res = api.get(f"/api/v1/access/contacts/{contact}?user={user}")
    assert res.status_code == 200, res.json
    return res.json["allowed"]


def visible(api, user):
    res = api.get(f"/api/v1/users/{user}/visible-contacts?limit=500")
    assert res.status_code == 200, res.json
    return {c["uid"] for c in res.json["items"]}


def test_all_versus_assigned_directories(api, org_):
    assert visible(api, "kari") == {"open", "vip"}
    assert sees(api, "kari", "vip") and not sees(api, "kari", "nobodys")
    res = api.get("/api/v1/access/contacts/vip?user=kari")
    assert res.json["reasons"] == ["assigned"]
    rels = sorted(tuple(s["rel"] for s in p) for p in res.json["paths"])
    assert rels == [("CAN_ACCESS", "STORED_IN", None), ("MEMBER_OF", "PRIMARY_MANAGER", None)]


def test_user_group_grants_directory_access(api, org_):
    assert visible(api, "ola") == {"open"}
    [path] = api.get("/api/v1/access/contacts/open?user=ola").json["paths"]
    assert [s["node"]["label"] for s in path] == ["User", "UserGroup", "Directory", "Contact"]


def test_admins_see_all(api, org_):
    assert visible(api, "admin") == {"open", "vip", "nobodys"}
    assert api.get("/api/v1/access/contacts/nobodys").json["reasons"] == ["admin"]


def test_no_access_to_the_directory_means_nothing(api, org_):
    assert visible(api, "outsider") == set()
    # even when the contact is assigned to the outsider's own group
    crud.set_link(org_, contacts.MANAGER_GROUP_MEMBER, "outsider", "amg-kari", True)
    assert not sees(api, "outsider", "vip")


def test_contact_group_membership_never_grants_access(api, org_):
    f.contact_group(org_, "vip-group", directory="public", members=["vip", "open"])
    assert not sees(api, "ola", "vip")
    res = api.get("/api/v1/contact-groups/vip-group/contacts", as_="ola")
    assert [c["uid"] for c in res.json["items"]] == ["open"]
    res = api.get("/api/v1/contact-groups/vip-group/contacts", as_="kari")
    assert [c["uid"] for c in res.json["items"]] == ["open", "vip"]


def test_substitute_sharing_a_group_sees_the_colleagues_customers(api, org_):
    assert not sees(api, "sub", "vip")
    assert api.put("/api/v1/account-manager-groups/amg-kari/members/sub").status_code == 204
    assert sees(api, "sub", "vip")
    assert api.delete("/api/v1/account-manager-groups/amg-kari/members/sub").status_code == 204
    assert not sees(api, "sub", "vip")


def test_second_group_refused_while_the_setting_is_off(api, org_):
    res = api.patch("/api/v1/contacts/vip", json={"secondary_manager_group": "amg-sub"})
    assert res.status_code == 422
    assert res.json["error"]["code"] == "setting_off"
    assert "secondary_manager_group" in res.json["error"]["fields"]
    assert api.get("/api/v1/contacts/vip").json["secondary_manager_group"] is None
    api.patch("/api/v1/settings", json={"second_account_manager_group": True})
    res = api.patch("/api/v1/contacts/vip", json={"secondary_manager_group": "amg-sub"})
    assert res.status_code == 200 and res.json["secondary_manager_group"] == "amg-sub"
    assert sees(api, "sub", "vip")
    # Turned off again: the secondary group no longer counts.
    api.patch("/api/v1/settings", json={"second_account_manager_group": False})
    assert not sees(api, "sub", "vip")


def test_campaign_advisor_grants_nothing(api, org_):
    f.area(org_, "mortgage-campaign")
    res = api.put("/api/v1/contacts/vip/campaign-status/mortgage-campaign",
                  json={"status": "contacted", "advisor": "outsider"}, as_="kari")
    assert res.status_code == 200 and res.json["advisor"] == "outsider"
    assert not sees(api, "outsider", "vip")
    assert api.get("/api/v1/contacts/vip").json["primary_manager_group"] == "amg-kari"


def test_not_seen_is_404_exactly_like_missing(api, org_):
    for url in ("/api/v1/contacts/vip", "/api/v1/contacts/ghost"):
        res = api.get(url, as_="ola")
        assert res.status_code == 404
        assert res.json["error"]["code"] == "not_found"
    assert api.get("/api/v1/access/contacts/vip", as_="ola").status_code == 404
    assert api.patch("/api/v1/contacts/vip", json={"name": "x"}, as_="ola").status_code == 404
    assert api.delete("/api/v1/contacts/vip", as_="ola").status_code == 404
    assert api.get("/api/v1/access/contacts/vip?user=kari", as_="ola").status_code == 403
    assert [c["uid"] for c in api.get("/api/v1/contacts", as_="ola").json["items"]] == ["open"]


def test_revoking_a_grant_takes_effect_on_the_next_request(api, org_):
    assert api.get("/api/v1/contacts/open", as_="ola").status_code == 200
    assert api.delete("/api/v1/directories/public/user-groups/bergen-office").status_code == 204
    assert api.get("/api/v1/contacts/open", as_="ola").status_code == 404
    assert api.put("/api/v1/directories/public/user-groups/bergen-office").status_code == 204
    assert api.get("/api/v1/contacts/open", as_="ola").status_code == 200
    assert api.delete("/api/v1/user-groups/bergen-office/members/ola").status_code == 204
    assert api.get("/api/v1/contacts/open", as_="ola").status_code == 404


def test_eponymous_group_and_opt_out(api, org_):
    res = api.post("/api/v1/users", json={"uid": "nina", "name": "Nina", "email": "n@x.no"})
    assert res.status_code == 201
    group = api.get("/api/v1/account-manager-groups/amg-nina").json
    assert group["name"] == "Nina" and group["members"] == ["nina"]
    assert group["eponymous_of"] == "nina"
    res = api.post("/api/v1/users", json={"uid": "tor", "name": "Tor", "email": "t@x.no",
                                          "account_manager_group": False})
    assert res.status_code == 201 and "account_manager_group" not in res.json
    assert api.get("/api/v1/account-manager-groups/amg-tor").status_code == 404


def test_invisible_customers_report(api, org_):
    f.manager_group(org_, "empty-region")
    f.contact(org_, "unstaffed", directories=["private-banking"],
              primary_manager_group="empty-region")
    res = api.get("/api/v1/reports/invisible-customers")
    assert res.status_code == 200
    rows = {r["contact"]["uid"]: r["reason"] for r in res.json["items"]}
    assert rows == {"nobodys": "no_account_manager_group", "unstaffed": "no_active_member"}
    from graphsvc.services import org

    org.update_user(org_, "kari", {"active": False})
    rows = {r["contact"]["uid"] for r in api.get("/api/v1/reports/invisible-customers")
            .json["items"]}
    assert rows == {"nobodys", "unstaffed", "vip"}
    assert api.get("/api/v1/reports/invisible-customers", as_="ola").status_code == 403


def test_messages_are_redacted_by_area_privacy_and_routing(api, org_):
    f.area(org_, "helpdesk", users=["kari"])
    f.user_group(org_, "seniors", members=["kari"])
    crud.set_link(org_, contacts.DIRECTORY_USER, "ola", "public", True)
    ids = {}
    for name, extra in [("plain", {}), ("in-area", {"area": "helpdesk"}),
                        ("private", {"recipient": "kari"}),
                        ("routed", {"user_group": "seniors"})]:
        res = api.post("/api/v1/messages", json={"uid": name, "contact": "open",
                                                 "subject": f"S {name}", "body": "B",
                                                 **extra}, as_="admin")
        assert res.status_code == 201, res.json
        ids[name] = res.json["uid"]
    for name in ids:
        res = api.get(f"/api/v1/messages/{name}", as_="kari")
        assert res.status_code == 200 and res.json["subject"] == f"S {name}", name
    withheld = {"in-area": ["area"], "private": ["private"], "routed": ["user_group"]}
    for name in ids:
        res = api.get(f"/api/v1/messages/{name}", as_="ola")
        assert res.status_code == 200
        if name == "plain":
            assert res.json["body"] == "B"
            continue
        assert res.json["subject"] is None and res.json["body"] is None
        assert res.json["withheld_because"] == withheld[name]
        assert res.json["sender"] == "admin" and res.json["sent_at"]
    # The sender reads its own private message; the outsider does not see the contact: 404.
    assert api.get("/api/v1/messages/private", as_="admin").json["body"] == "B"
    assert api.get("/api/v1/messages/plain", as_="outsider").status_code == 404
    listing = api.get("/api/v1/contacts/open/messages", as_="ola").json["items"]
    assert [m["readable"] for m in listing] == [False, True, False, False]
    res = api.post("/api/v1/messages", json={"contact": "vip", "subject": "x"}, as_="ola")
    assert res.status_code == 422 and "contact" in res.json["error"]["fields"]


def denial(api, user, contact):
    res = api.get(f"/api/v1/access/contacts/{contact}?user={user}")
    assert res.status_code == 200 and res.json["allowed"] is False, res.json
    assert res.json["reasons"] == []
    return res.json["failed"], sorted(tuple(s["node"]["uid"] for s in p)
                                      for p in res.json["paths"])


def test_a_denied_check_names_the_first_failed_condition_and_the_closest_paths(api, org_):
    # No directory holding the contact is reachable: the contact's directories.
    assert denial(api, "outsider", "vip") == ("directory", [("vip", "private-banking")])
    # Ola reaches private-banking (through bergen-office), but vip is Kari's.
    assert denial(api, "ola", "vip") == ("assigned", [
        ("ola", "bergen-office", "private-banking", "vip"), ("vip", "amg-kari")])
    # Nobody's customer: no account-manager group to show, only the access.
    assert denial(api, "kari", "nobodys") == ("assigned", [
        ("kari", "private-banking", "nobodys")])
    # Ola's group is only the secondary one, which counts only while the setting is on.
    f.settings(org_, second_account_manager_group=True)
    f.contact(org_, "shared", directories=["private-banking"],
              primary_manager_group="amg-kari", secondary_manager_group="amg-ola")
    f.settings(org_, second_account_manager_group=False)
    assert denial(api, "ola", "shared") == ("secondary", [
        ("ola", "amg-ola", "shared"), ("ola", "bergen-office", "private-banking", "shared")])
    f.settings(org_, second_account_manager_group=True)
    res = api.get("/api/v1/access/contacts/shared?user=ola")
    assert res.json["allowed"] is True and res.json["reasons"] == ["assigned"], res.json
    f.settings(org_, second_account_manager_group=False)
    # An inactive user fails first, whatever else holds.
    assert api.patch("/api/v1/users/kari", json={"active": False}).status_code == 200
    assert denial(api, "kari", "vip") == ("inactive", [("kari",)])
