"""Tickets' messages (DOMAIN.md section 4 with section 5's routing): a message may belong to
a case; the case's area and the user group it was routed to then protect the message's
content, exactly as the message's own would."""

from __future__ import annotations

import pytest

from graphsvc.actor import Actor
from graphsvc.services import cases, conditions
from tests import factories as f

ADMIN = Actor("admin", True)


@pytest.fixture
def desk(api, admin, clean_graph):
    g = clean_graph
    for uid in ("vip-agent", "agent", "stranger", "dispatcher"):
        f.user(g, uid)
    f.directory(g, "customers", "all", users=["vip-agent", "agent", "dispatcher"])
    f.user_group(g, "vip-desk", members=["vip-agent"])
    f.area(g, "helpdesk-vip", users=["vip-agent", "agent"])
    f.contact(g, "acme", directories=["customers"])
    f.contact_group(g, "vips", "customers", priority=5, members=["acme"])
    conditions.set_default_user(g, "dispatcher")
    res = api.put("/api/v1/contact-groups/vips/responsibilities/helpdesk",
                  json={"area": "helpdesk-vip", "user_group": "vip-desk"})
    assert res.status_code == 200, res.json
    case = cases.open_case(g, ADMIN, {"uid": "k1", "contact": "acme", "subject": "Merger",
                                      "domain": "helpdesk"})
    assert case["user_group"] == "vip-desk"
    return g


def counts(graph):
    return graph.read_one("system/count_all")


def post(api, body, as_="vip-agent"):
    return api.post("/api/v1/messages", json=body, as_=as_)


def test_a_routed_cases_messages_are_withheld_from_outsiders_and_read_by_the_group(api, desk):
    res = post(api, {"uid": "m1", "case": "k1", "subject": "Terms", "body": "10%"})
    assert res.status_code == 201, res.json
    assert res.json | {} == {**res.json, "case": "k1", "contact": "acme",
                             "area": "helpdesk-vip", "user_group": "vip-desk",
                             "readable": True, "subject": "Terms", "body": "10%"}
    # The group reads it, in the case's list, the contact's list and by uid.
    assert api.get("/api/v1/cases/k1/messages", as_="vip-agent").json["items"][0]["body"] \
        == "10%"
    assert api.get("/api/v1/messages/m1", as_="vip-agent").json["subject"] == "Terms"
    # A user who sees the contact and the area but is outside the routed group: metadata.
    for url in ("/api/v1/messages/m1", "/api/v1/cases/k1/messages",
                "/api/v1/contacts/acme/messages"):
        res = api.get(url, as_="agent")
        assert res.status_code == 200, (url, res.json)
        message = res.json["items"][0] if "items" in res.json else res.json
        assert (message["subject"], message["body"], message["readable"]) == (
            None, None, False), url
        assert message["withheld_because"] == ["user_group"]
        assert message["sender"] == "vip-agent" and message["case"] == "k1"
    # The dispatcher sees the contact but neither the area nor the group.
    res = api.get("/api/v1/messages/m1", as_="dispatcher")
    assert res.json["withheld_because"] == ["area", "user_group"]
    # A user who does not see the contact does not learn the case or the message exist.
    assert api.get("/api/v1/cases/k1/messages", as_="stranger").status_code == 404
    assert api.get("/api/v1/messages/m1", as_="stranger").status_code == 404


def test_an_unrouted_cases_messages_are_read_by_whoever_sees_the_contact(api, desk):
    case = cases.open_case(desk, ADMIN, {"uid": "k2", "contact": "acme", "subject": "Sales",
                                         "domain": "sales"})
    assert case["user_group"] is None
    assert post(api, {"case": "k2", "subject": "Offer", "body": "B"}).status_code == 201
    res = api.get("/api/v1/cases/k2/messages", as_="dispatcher")
    assert [m["body"] for m in res.json["items"]] == ["B"]
    # the routed case's list holds none of them
    assert api.get("/api/v1/cases/k1/messages", as_="dispatcher").json["items"] == []


@pytest.mark.parametrize("body, field", [
    ({"case": "k1", "contact": "other", "subject": "x"}, "contact"),
    ({"case": "k1", "area": "helpdesk-vip", "subject": "x"}, "area"),
    ({"case": "k1", "user_group": "vip-desk", "subject": "x"}, "user_group"),
    ({"case": "k1", "domain": "sales", "subject": "x"}, "domain"),
    ({"subject": "x"}, "contact"),
    ({"case": "nope", "subject": "x"}, "case"),
])
def test_a_message_contradicting_its_case_is_refused_and_writes_nothing(api, desk, body,
                                                                         field):
    before = counts(desk)
    res = post(api, body)
    assert res.status_code == 422, res.json
    assert field in res.json["error"]["fields"], res.json
    assert counts(desk) == before


def test_a_case_the_sender_does_not_see_is_an_unknown_reference(api, desk):
    f.directory(desk, "hidden", "assigned")
    f.contact(desk, "secret", directories=["hidden"])
    cases.open_case(desk, ADMIN, {"uid": "k-secret", "contact": "secret", "subject": "s",
                                  "domain": "helpdesk"})
    before = counts(desk)
    res = post(api, {"case": "k-secret", "subject": "x"})
    assert res.status_code == 422
    assert res.json["error"]["code"] == "unknown_reference"
    assert res.json["error"]["fields"]["case"] == ["unknown case 'k-secret'"]
    assert counts(desk) == before


@pytest.mark.parametrize("size", [1, 50])
def test_case_messages_page_without_duplicates_or_gaps(api, desk, size):
    uids = sorted(f"m{i:02d}" for i in range(7))
    for uid in uids:
        assert post(api, {"uid": uid, "case": "k1", "subject": uid}).status_code == 201
    post(api, {"uid": "m-other", "contact": "acme", "subject": "not on the case"})
    seen = [m["uid"] for m in api.walk("/api/v1/cases/k1/messages", {}, size, as_="agent")]
    assert seen == uids
