"""Issue 10 item 5: a decision is one transaction. The acting user is checked as the first
statement of the decision's own transaction, not in one of its own before it, and an unknown
or inactive acting user still never gets an answer (401), whatever the view did."""

import pytest

from graphsvc.actor import Actor
from graphsvc.db import Graph, begin_recording, end_recording, recorded
from graphsvc.errors import NotFound
from graphsvc.services import access
from tests import factories as f


@pytest.fixture
def org_(api, admin, clean_graph):
    g = clean_graph
    for uid in ("kari", "ola"):
        f.user(g, uid)
    f.user(g, "gone", active=False)
    f.directory(g, "public", "all", users=["kari"])
    f.contact(g, "open", directories=["public"])
    return g


@pytest.fixture
def transactions(monkeypatch):
    """Every transaction the app opens, by mode (a spy on the real Graph, not a stand-in)."""
    opened: list[str] = []
    real = Graph._execute

    def spy(self, mode, work, *args, **kwargs):
        opened.append(mode)
        return real(self, mode, work, *args, **kwargs)

    monkeypatch.setattr(Graph, "_execute", spy)
    return opened


@pytest.mark.parametrize("path", [
    "/api/v1/access/contacts/open?user=kari",
    "/api/v1/users/kari/visible-contacts?limit=10",
    "/api/v1/users/kari/competences",
    "/api/v1/contacts/open",
])
def test_a_decision_is_one_transaction_acting_user_included(api, org_, transactions, path):
    res = api.get(path, as_="kari")
    assert res.status_code == 200, res.json
    assert transactions == ["READ"], "the acting user travels inside the decision's own"


def test_an_admin_asking_about_another_user_is_one_transaction_too(api, org_, transactions):
    res = api.get("/api/v1/access/contacts/open?user=kari", as_="admin")
    assert res.status_code == 200 and res.json["allowed"] is True
    assert transactions == ["READ"]


@pytest.mark.parametrize("actor", ["nobody", "gone"])
@pytest.mark.parametrize("path", [
    "/api/v1/access/contacts/open?user=kari",
    "/api/v1/users/{actor}/visible-contacts",
    "/api/v1/users/{actor}/competences",
])
def test_an_unknown_or_inactive_acting_user_gets_401_from_inside_the_transaction(
        api, org_, actor, path):
    res = api.get(path.format(actor=actor), as_=actor)
    assert res.status_code == 401, res.json
    assert res.json["error"]["fields"] == {"X-Acting-User": ["unknown or inactive user"]}


def test_a_validation_error_is_not_answered_to_an_unknown_acting_user(api, org_,
                                                                       transactions):
    # The view fails before any transaction: the acting user is checked after it.
    res = api.get("/api/v1/users/nobody/visible-contacts?limit=0", as_="nobody")
    assert res.status_code == 401
    res = api.get("/api/v1/users/kari/visible-contacts?limit=0", as_="kari")
    assert res.status_code == 422 and "limit" in res.json["error"]["fields"]


@pytest.mark.parametrize("actor", ["nobody", "gone"])
def test_a_write_by_an_unknown_acting_user_writes_nothing(api, org_, actor):
    # A valid body: the write transaction runs, and its first statement refuses the user.
    res = api.post("/api/v1/contacts", as_=actor,
                   json={"uid": "new", "name": "New", "directories": ["public"]})
    assert res.status_code == 401
    assert api.get("/api/v1/contacts/new", as_="admin").status_code == 404


def test_a_non_admin_asking_about_another_user_is_still_refused(api, org_, transactions):
    res = api.get("/api/v1/access/contacts/open?user=kari", as_="ola")
    assert res.status_code == 403
    res = api.get("/api/v1/users/kari/visible-contacts", as_="ola")
    assert res.status_code == 403


def _queries(call) -> list[str]:
    """The named queries `call` runs (graphsvc.db's recording, as `explain=cypher` uses)."""
    token = begin_recording()
    try:
        call()
        return [name for name, _ in recorded()]
    finally:
        end_recording(token)


def test_a_decision_runs_only_the_query_that_decides(org_):
    """Issue 10: an allowed access check is the rule's one query (the user's and the
    contact's existence are implied by its row); a visible page is its plan and one walk,
    with no second query for reasons or paths the page does not show."""
    g = org_
    f.directory(g, "books", "assigned", users=["ola"])
    f.manager_group(g, "book-ola", members=["ola"])
    for i in range(4):
        f.contact(g, f"b{i}", directories=["books"], primary_manager_group="book-ola")
    kari, ola = Actor("kari", False), Actor("ola", False)
    assert _queries(lambda: access.check(g, kari, "kari", "open")) == ["access/contact_access"]
    assert _queries(lambda: access.visible_contacts(g, kari, "kari", 10, None)) == \
        ["access/visible_plan", "access/visible_contacts"]
    assert _queries(lambda: access.visible_contacts(g, Actor("admin", True), "admin", 10,
                                                    None)) == \
        ["access/visible_plan", "access/visible_by_index"]
    page = access.visible_contacts(g, ola, "ola", 2, None)
    assert [c["uid"] for c in page["items"]] == ["b0", "b1"]
    assert _queries(lambda: access.visible_contacts(g, ola, "ola", 2, None)) == \
        ["access/visible_plan", "access/visible_by_books"]
    # A denial is the rule's query and the why's; the why's row implies both exist.
    admin = Actor("admin", True)
    denied = access.check(g, admin, "kari", "b0")
    assert (denied["allowed"], denied["failed"]) == (False, "directory")
    assert _queries(lambda: access.check(g, admin, "kari", "b0")) == \
        ["access/contact_access", "access/access_denied"]
    with pytest.raises(NotFound):  # to the user: not seen, exactly like a missing contact
        access.check(g, kari, "kari", "b0")


def test_unknown_and_inactive_users_on_the_plan_path(org_):
    """The user's existence travels in the page's plan: unknown is 404, inactive sees
    nothing; a denied check still tells a missing contact from one not seen (admins)."""
    admin = Actor("admin", True)
    with pytest.raises(NotFound):
        access.visible_contacts(org_, admin, "nobody", 10, None)
    with pytest.raises(NotFound):
        access.search_visible(org_, admin, "nobody", {**access.NO_FILTERS, "q": "o"},
                              "uid", 10, None)
    assert access.visible_contacts(org_, admin, "gone", 10, None)["items"] == []
    with pytest.raises(NotFound):
        access.check(org_, admin, "nobody", "open")
    with pytest.raises(NotFound):
        access.check(org_, admin, "kari", "missing")
    assert access.check(org_, admin, "gone", "open")["allowed"] is False
