"""Book keys: every writer of a contact's account-manager links keeps the indexed keys the
visible-page walk of a user's books follows (the API, the import, the seed), and
`graphsvc db migrate` repairs keys that are missing or stale."""

from graphsvc.schema import migrate
from graphsvc.seed import load_data
from graphsvc.services import access
from tests import factories as f

KEYS = "MATCH (c:Contact {uid: $uid}) RETURN c.primary_book AS p, c.secondary_book AS s"


def keys(graph, uid):
    return graph.read_tx(lambda tx: tx.run(KEYS, uid=uid).single().data())


def test_every_writer_keeps_the_book_keys(api, admin, clean_graph):
    g = clean_graph
    f.user(g, "kari")
    f.user(g, "ola")
    f.directory(g, "private", "assigned", users=["kari", "ola"])
    api.patch("/api/v1/settings", json={"second_account_manager_group": True})
    res = api.post("/api/v1/contacts", json={"uid": "vip", "name": "Vip",
                                             "directories": ["private"],
                                             "primary_manager_group": "amg-kari"})
    assert res.status_code == 201, res.json
    assert keys(g, "vip") == {"p": "amg-kari|vip", "s": None}
    api.patch("/api/v1/contacts/vip", json={"primary_manager_group": "amg-ola",
                                            "secondary_manager_group": "amg-kari"})
    assert keys(g, "vip") == {"p": "amg-ola|vip", "s": "amg-kari|vip"}
    api.patch("/api/v1/contacts/vip", json={"secondary_manager_group": None})
    assert keys(g, "vip") == {"p": "amg-ola|vip", "s": None}
    res = api.post("/api/v1/import", json={"contacts": [
        {"uid": "imp", "name": "Imported", "directories": ["private"],
         "primary_manager_group": "amg-kari"}]})
    assert res.status_code == 200, res.json
    assert keys(g, "imp") == {"p": "amg-kari|imp", "s": None}
    load_data(g, {"contacts": [{"uid": "seeded", "name": "Seeded", "directories": ["private"],
                                "primary_manager_group": "amg-ola"}]})
    assert keys(g, "seeded") == {"p": "amg-ola|seeded", "s": None}
    # Books are listed book by book: kari's book holds imp only now.
    rows = g.read_tx(access.tx_visible, "kari", None, 10, "books")
    assert [r["contact"]["uid"] for r in rows] == ["imp"]


def test_migrate_repairs_missing_and_stale_keys(api, admin, clean_graph):
    g = clean_graph
    f.user(g, "kari")
    f.directory(g, "private", "assigned", users=["kari"])
    for uid in ("a", "b"):
        api.post("/api/v1/contacts", json={"uid": uid, "name": uid, "directories": ["private"],
                                           "primary_manager_group": "amg-kari"})
    g.write_tx(lambda tx: tx.run("MATCH (c:Contact {uid: 'a'}) REMOVE c.primary_book "
                                 "WITH 1 AS x MATCH (c:Contact {uid: 'b'}) "
                                 "SET c.primary_book = 'amg-gone|b'").consume())
    assert g.read_tx(access.tx_visible, "kari", None, 10, "books") == []
    assert migrate(g).rewritten == {"migrations/contact_book_keys": 2}
    assert keys(g, "a")["p"] == "amg-kari|a" and keys(g, "b")["p"] == "amg-kari|b"
    rows = g.read_tx(access.tx_visible, "kari", None, 10, "books")
    assert [r["contact"]["uid"] for r in rows] == ["a", "b"]
    assert migrate(g).up_to_date
