"""Permission-aware search (#15 item 6): the visible contacts filtered by a name or email
prefix (any case), category, home location and directory, in uid or name order, keyset
pages; one traversal per page, whichever side it starts from, and every start gives the
same answer, worked out by hand."""

from __future__ import annotations

import pytest

from graphsvc.schema import migrate
from graphsvc.seed import load_data
from graphsvc.services import access
from graphsvc.windows import now
from tests import factories as f

URL = "/api/v1/users/kari/visible-contacts"


@pytest.fixture
def bank(api, admin, clean_graph):
    """Kari reaches the 'all' directory west through her user group and her own book in
    the 'assigned' directory private; she cannot access outside."""
    g = clean_graph
    for uid in ("bergen", "oslo"):
        f.location(g, uid)
    for uid in ("private", "business"):
        f.category(g, uid)
    for uid in ("kari", "ola", "outsider"):
        f.user(g, uid)
    f.user_group(g, "west-office", members=["kari"])
    f.directory(g, "west", "all", user_groups=["west-office"])
    f.directory(g, "private-banking", "assigned", users=["kari", "ola"])
    f.directory(g, "outside", "all")
    people = [
        ("c1", "Nora Nilsen", "nora.nilsen@bank.example", "private", "bergen", "west", None),
        ("c2", "nils Berg", "nils@bank.example", "business", "bergen", "west", None),
        ("c3", "Åse Nord", "ase@bank.example", "private", "oslo", "west", None),
        ("c4", "Ola Normann", "NO-REPLY@Ola.example", None, None, "west", None),
        ("c5", "Berit", None, "private", "oslo", "west", None),
        ("c6", "Berit", "berit@bank.example", "private", "oslo", "west", None),
        ("vip1", "Nordic Invest", "post@nordic.example", "business", "oslo",
         "private-banking", "amg-kari"),
        ("vip2", "Norah Other", "norah@bank.example", "private", "bergen", "private-banking",
         "amg-ola"),
        ("c9", "Noralf", "noralf@bank.example", "private", "bergen", "outside", None),
    ]
    for uid, name, email, category, home, directory, book in people:
        f.contact(g, uid, home=home, category=category, name=name, email=email,
                  directories=[directory], **({"primary_manager_group": book} if book else {}))
    return g


# Kari's contacts in name order (lowercased: "berit" x2 by uid, ..., "åse nord" last).
BY_NAME = ["c5", "c6", "c2", "c1", "vip1", "c4", "c3"]
CASES = [
    ({"q": "no"}, ["c1", "vip1", "c4"]),            # names Nora, Nordic; c4's email no-reply
    ({"q": "NO"}, ["c1", "vip1", "c4"]),
    ({"q": "nor"}, ["c1", "vip1"]),
    ({"q": "åS"}, ["c3"]),
    ({"q": "nils@"}, ["c2"]),
    ({"category": "business"}, ["c2", "vip1"]),
    ({"home": "bergen"}, ["c2", "c1"]),
    ({"directory": "private-banking"}, ["vip1"]),
    ({"directory": "outside"}, []),                   # stored there, seen by nobody here
    ({"directory": "west", "category": "private"}, ["c5", "c6", "c1", "c3"]),
    ({"q": "b", "home": "oslo"}, ["c5", "c6"]),       # c6's email is berit@ too
    ({}, BY_NAME),
]


def uids(items):
    return [item["uid"] for item in items]


@pytest.mark.parametrize(("filters", "expected"), CASES)
@pytest.mark.parametrize("size", [1, 2, 50])
def test_filters_in_name_order_page_by_page(api, bank, filters, expected, size):
    assert uids(api.walk(URL, {**filters, "sort": "name"}, size, as_="kari")) == expected


@pytest.mark.parametrize(("filters", "expected"), CASES)
def test_filters_in_uid_order(api, bank, filters, expected):
    assert uids(api.walk(URL, filters, 2, as_="kari")) == sorted(expected)


@pytest.mark.parametrize(("filters", "expected"), CASES)
@pytest.mark.parametrize("sort", ["uid", "name"])
def test_every_start_gives_the_same_page(bank, filters, expected, sort):
    """Each start the planner may choose, forced, holds to the same answer, page by page."""
    want = expected if sort == "name" else sorted(expected)
    full = {**access.NO_FILTERS, **filters}
    starts = ["user", "ordered", *(name for name in access.FILTERS if filters.get(name))]
    for start in starts:
        got, after = [], None
        for _ in range(20):
            rows = bank.read_tx(access.tx_search, "kari", full, sort, after, 2, start)
            got += [row["uid"] for row in rows]
            if len(rows) < 2:
                break
            after = rows[-1]["key"]
        assert got == want, (start, got)


def test_admins_see_all_and_strangers_nothing(api, bank):
    assert uids(api.walk("/api/v1/users/admin/visible-contacts", {"q": "nor", "sort": "name"},
                         2)) == ["c1", "vip2", "c9", "vip1"]
    assert api.walk("/api/v1/users/outsider/visible-contacts", {"q": "n"}, 5,
                    as_="outsider") == []
    res = api.get("/api/v1/users/kari/visible-contacts?q=n", as_="ola")
    assert res.status_code == 403


@pytest.mark.parametrize(("query", "field"), [
    ("category=gold", "category"), ("home=mars", "home"), ("directory=nope", "directory"),
    ("sort=email", "sort"), ("q=", "q"), ("q=" + "x" * 101, "q"),
    ("sort=name&cursor=bm9wZQ", "cursor")])
def test_bad_filters_are_named(api, bank, query, field):
    res = api.get(f"{URL}?{query}", as_="kari")
    assert res.status_code == 422 and field in res.json["error"]["fields"], res.json


def test_every_writer_keeps_the_search_keys_and_migrate_repairs_them(api, bank):
    g = bank
    assert api.patch("/api/v1/contacts/c2", json={"name": "Zed"}, as_="kari").status_code == 200
    assert uids(api.walk(URL, {"q": "nils b"}, 5, as_="kari")) == []
    assert uids(api.walk(URL, {"q": "zed", "sort": "name"}, 5, as_="kari")) == ["c2"]
    assert api.patch("/api/v1/contacts/c1", json={"email": None}, as_="kari").status_code == 200
    assert uids(api.walk(URL, {"q": "nora."}, 5, as_="kari")) == []
    res = api.post("/api/v1/import", json={"contacts": [
        {"uid": "imp", "name": "Imported Nygaard", "email": "Imp@Bank.example",
         "directories": ["west"]}]})
    assert res.status_code == 200, res.json
    load_data(g, {"contacts": [{"uid": "seeded", "name": "Seeded Nygaard",
                                "directories": ["west"]}]})
    assert uids(api.walk(URL, {"q": "IMP@"}, 5, as_="kari")) == ["imp"]
    assert uids(api.walk(URL, {"q": "seeded ny", "sort": "name"}, 5, as_="kari")) == ["seeded"]
    g.write_tx(lambda tx: tx.run("MATCH (c:Contact {uid: 'c3'}) REMOVE c.name_key "
                                 "WITH 1 AS x MATCH (c:Contact {uid: 'c4'}) "
                                 "SET c.email_key = 'stale'").consume())
    assert uids(api.walk(URL, {"q": "no"}, 5, as_="kari")) == ["c1", "vip1"]
    assert migrate(g).rewritten == {"migrations/contact_search_keys": 2}
    assert uids(api.walk(URL, {"q": "no"}, 5, as_="kari")) == ["c1", "c4", "vip1"]
    assert uids(api.walk(URL, {"q": "åse"}, 5, as_="kari")) == ["c3"]


@pytest.mark.parametrize("start", ["books", "user", "ordered", "q"])
def test_a_user_who_reaches_only_books_is_searched_book_by_book(api, bank, start):
    """Ola reaches only the 'assigned' directory, and his book holds Norah (vip2)."""
    full = {**access.NO_FILTERS, "q": "NORAH"}
    rows = bank.read_tx(access.tx_search, "ola", full, "uid", None, 5, start)
    assert [row["uid"] for row in rows] == ["vip2"]
    plan = bank.read_one("access/visible_plan", user="ola", at=now(), **full)
    assert plan["in_all"] == 0 and access.search_start(plan, full, "uid", 51) in (
        "books", "user")
    assert uids(api.walk("/api/v1/users/ola/visible-contacts", {"category": "business"}, 1,
                         as_="ola")) == []


def test_migrate_repairs_keys_in_batches(api, bank):
    """More stale contacts than one inner transaction holds (10,000): all repaired."""
    g = bank
    load_data(g, {"contacts": [{"uid": f"m{i:05d}", "name": f"Many {i}",
                                "directories": ["west"]} for i in range(25_000)]})
    g.write_tx(lambda tx: tx.run("MATCH (c:Contact) WHERE c.uid STARTS WITH 'm' "
                                 "REMOVE c.name_key, c.email_key").consume())
    assert migrate(g).rewritten == {"migrations/contact_search_keys": 25_000}
    page = api.get(f"{URL}?q=many 2499&sort=name", as_="kari").json["items"]
    assert uids(page) == ["m02499", *(f"m{i}" for i in range(24990, 25000))]
