"""Grants with validity windows (issue 15): removing a grant ends its window and keeps the
past answerable, re-granting opens a new window, `at=` asks a decision at an instant (the
past: admins only), planned grants answer the future, and paths show each window."""

from datetime import timedelta

import pytest

from graphsvc.windows import now
from tests import factories as f

DIRECTORY_GRANT = "/api/v1/directories/public/users/kari"


@pytest.fixture
def org_(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "ola"):
        f.user(g, uid)
    f.directory(g, "public", "all")
    f.contact(g, "open", directories=["public"])
    return g


def check(api, contact="open", user="kari", at=None, as_="admin"):
    query = {"user": user, **({"at": at.isoformat()} if at else {})}
    return api.get(f"/api/v1/access/contacts/{contact}", query_string=query, as_=as_)


def visible(api, user="kari", at=None, as_="admin", **filters):
    query = {**filters, **({"at": at.isoformat()} if at else {})}
    res = api.get(f"/api/v1/users/{user}/visible-contacts", query_string=query, as_=as_)
    assert res.status_code == 200, res.json
    return [c["uid"] for c in res.json["items"]]


def grant_windows(graph, rel="CAN_ACCESS", source="kari", target="public"):
    """Every window of one grant as stored, oldest first."""
    with graph.driver.session(database=graph.database) as session:
        return session.run(
            f"MATCH ({{uid: $s}})-[r:{rel}]->({{uid: $t}}) "
            "RETURN r.valid_from AS valid_from, r.valid_to AS valid_to ORDER BY valid_from",
            s=source, t=target).data()


def test_removal_ends_the_window_and_the_past_answer_is_unchanged(api, org_):
    assert api.put(DIRECTORY_GRANT).status_code == 204
    granted = now()
    assert check(api).json["allowed"] is True
    [path] = check(api).json["paths"]
    assert path[0]["rel"] == "CAN_ACCESS" and path[0]["valid_to"] is None
    assert path[0]["valid_from"] is not None

    assert api.delete(DIRECTORY_GRANT).status_code == 204
    assert api.delete(DIRECTORY_GRANT).status_code == 204  # idempotent: nothing live left
    assert check(api).json["allowed"] is False
    assert visible(api) == []
    # the past is answered as it was, and its path shows the window, now closed
    past = check(api, at=granted)
    assert past.json["allowed"] is True, past.json
    [path] = past.json["paths"]
    assert path[0]["valid_from"] is not None and path[0]["valid_to"] is not None
    assert visible(api, at=granted) == ["open"]
    [window] = grant_windows(org_)
    assert window["valid_to"] is not None  # ended, not deleted

    # re-granting opens a new window; the first one stays as it was
    assert api.put(DIRECTORY_GRANT).status_code == 204
    regranted = grant_windows(org_)
    assert len(regranted) == 2 and regranted[0] == window and regranted[1]["valid_to"] is None
    gap = window["valid_to"].to_native() + (regranted[1]["valid_from"].to_native()
                                            - window["valid_to"].to_native()) / 2
    assert check(api, at=gap).json["allowed"] is False  # between the two windows
    assert check(api, at=granted).json["allowed"] is True
    assert check(api).json["allowed"] is True


def test_before_a_grant_was_made_it_did_not_hold(api, org_):
    before = now() - timedelta(minutes=1)
    assert api.put("/api/v1/directories/public/users/kari").status_code == 204
    res = check(api, at=before)
    assert res.json["allowed"] is False and res.json["failed"] == "directory"


def test_the_past_is_for_admins_the_future_for_everyone(api, org_):
    api.put(DIRECTORY_GRANT)
    yesterday = now() - timedelta(days=1)
    res = check(api, as_="kari", at=yesterday)
    assert res.status_code == 403 and "at" in res.json["error"]["fields"]
    res = api.get("/api/v1/users/kari/visible-contacts",
                  query_string={"at": yesterday.isoformat()}, as_="kari")
    assert res.status_code == 403
    res = api.get("/api/v1/users/kari/competences",
                  query_string={"at": yesterday.isoformat()}, as_="kari")
    assert res.status_code == 403
    assert check(api, as_="kari", at=now() + timedelta(days=30)).json["allowed"] is True
    assert check(api, as_="kari", at=now()).json["allowed"] is True  # "now" sent by a client
    assert check(api, as_="admin", at=yesterday).status_code == 200


def test_a_planned_grant_answers_the_future_and_not_now(api, org_):
    start, end = now() + timedelta(days=7), now() + timedelta(days=14)
    res = api.put(DIRECTORY_GRANT, json={"valid_from": start.isoformat(),
                                         "valid_to": end.isoformat()})
    assert res.status_code == 204
    assert check(api).json["allowed"] is False
    assert check(api, at=start).json["allowed"] is True  # valid_from is inclusive
    assert check(api, at=end).json["allowed"] is False   # valid_to is exclusive
    assert visible(api, at=start + timedelta(days=1)) == ["open"]
    assert visible(api, at=start + timedelta(days=1), q="op") == ["open"]  # a search too
    [path] = check(api, at=start).json["paths"]
    assert path[0]["valid_from"].startswith(start.isoformat()[:19])
    # removing a grant that never started drops it: there is no past to keep
    assert api.delete(DIRECTORY_GRANT).status_code == 204
    assert grant_windows(org_) == []


def test_every_grant_kind_takes_a_window(api, org_):
    start = now() + timedelta(days=3)
    window = {"valid_from": start.isoformat()}
    f.user_group(org_, "office")
    f.manager_group(org_, "vip-book")
    f.directory(org_, "vip", "assigned")
    f.contact(org_, "vip-customer", directories=["vip"], primary_manager_group="vip-book")
    for url in ("/api/v1/user-groups/office/members/ola",
                "/api/v1/directories/vip/user-groups/office",
                "/api/v1/account-manager-groups/vip-book/members/ola"):
        assert api.put(url, json=window).status_code == 204, url
    assert check(api, "vip-customer", "ola").json["allowed"] is False
    res = check(api, "vip-customer", "ola", at=start)
    assert res.json["allowed"] is True and res.json["reasons"] == ["assigned"]
    assert all(step["valid_from"] for path in res.json["paths"] for step in path[:-1]
               if step["rel"] in ("MEMBER_OF", "CAN_ACCESS"))
    bad = api.put("/api/v1/user-groups/office/members/kari",
                  json={"valid_from": start.isoformat(), "valid_to": start.isoformat()})
    assert bad.status_code == 422 and "valid_to" in bad.json["error"]["fields"]


def test_erasing_a_grant_is_for_admins_and_removes_its_past(api, org_):
    assert api.put(DIRECTORY_GRANT).status_code == 204
    granted = now()
    api.delete(DIRECTORY_GRANT)
    res = api.delete(DIRECTORY_GRANT, query_string={"erase": "true"}, as_="kari")
    assert res.status_code == 403
    assert check(api, at=granted).json["allowed"] is True
    assert api.delete(DIRECTORY_GRANT, query_string={"erase": "true"}).status_code == 204
    assert grant_windows(org_) == []
    assert check(api, at=granted).json["allowed"] is False


def test_competences_as_of(api, org_):
    f.category(org_, "private")
    f.theme(org_, "loans")
    f.meeting_type(org_, "mortgage", "loans", duration=45)
    f.group(org_, "retail")
    api.put("/api/v1/competence-groups/retail/competences/mortgage/private")
    assert api.put("/api/v1/competence-groups/retail/members/kari").status_code == 204
    joined = now()
    assert api.delete("/api/v1/competence-groups/retail/members/kari").status_code == 204
    assert api.get("/api/v1/users/kari/competences").json["unrestricted"] is True
    then = api.get("/api/v1/users/kari/competences", query_string={"at": joined.isoformat()})
    assert then.status_code == 200 and then.json["unrestricted"] is False
    [c] = then.json["competences"]
    assert c["paths"][0][0]["valid_to"] is not None  # the membership's window, ended since


def test_an_ended_book_is_not_walked_however_the_page_is_found(api, org_):
    """A user whose reach is all in its books is listed book by book (visible_by_books):
    an account-manager-group membership that has ended is not walked now, and is at a time
    inside its window; each way of listing agrees."""
    from graphsvc.services import access

    f.manager_group(org_, "book")
    f.directory(org_, "region", "assigned", users=["ola"])
    for i in range(4):
        f.contact(org_, f"b{i}", directories=["region"], primary_manager_group="book")
    assert api.put("/api/v1/account-manager-groups/book/members/ola").status_code == 204
    member = now()
    assert api.delete("/api/v1/account-manager-groups/book/members/ola").status_code == 204
    for strategy in ("books", "index", "user"):
        assert [row["contact"]["uid"] for row in org_.read_tx(
            access.tx_visible, "ola", None, 10, strategy)] == [], strategy
        assert [row["contact"]["uid"] for row in org_.read_tx(
            access.tx_visible, "ola", None, 10, strategy, member)] == [f"b{i}" for i in
                                                                     range(4)], strategy
        searched = [row["uid"] for row in org_.read_tx(
            access.tx_search, "ola", access.NO_FILTERS, "uid", None, 10, strategy.replace(
                "index", "ordered"))]
        assert searched == [], strategy  # a search's page is not re-checked: each start is
    assert visible(api, "ola") == []
    assert visible(api, "ola", at=member) == [f"b{i}" for i in range(4)]
