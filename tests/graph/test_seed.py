from datetime import datetime

from graphsvc.config import PROJECT_ROOT
from graphsvc.seed import load
from graphsvc.services import org


def counts(graph):
    rows = graph.read("system/count_all")
    return rows[0]


def test_demo_seed_loads_and_is_idempotent(graph):
    path = PROJECT_ROOT / "seeds" / "demo.json"
    load(graph, path)
    first = counts(graph)
    load(graph, path)
    assert counts(graph) == first
    assert first["nodes"] > 20 and first["relationships"] > 20
    kari = org.effective_competences(graph, "kari")
    assert {(c["meeting_type"], c["customer_category"]) for c in kari["competences"]} >= {
        ("car-loan", "private"), ("mortgage", "private"), ("savings-advice", "private")}
    at = datetime.fromisoformat("2026-12-15T12:00:00+00:00")
    members = org.service_group_members(graph, "pension-campaign", at, 50, None)
    assert {m["user"]["uid"] for m in members["items"]} == {"lars", "ola"}


def test_demo_seed_answers_an_availability_question(graph):
    from datetime import UTC, timedelta

    from graphsvc.services import availability

    load(graph, PROJECT_ROOT / "seeds" / "demo.json")
    start = datetime(2026, 12, 1, tzinfo=UTC)
    request = availability.Request(contact="nora", meeting_type="mortgage", mode="online",
                                   location=None, start=start, end=start + timedelta(days=2))
    answer = availability.search(graph, request, limit=50, slot_limit=3)
    # Kari and Ola: Retail West grants mortgage for private customers, both work in Bergen.
    # Ingrid reaches Bergen through the west-coast group but lacks the competence; Sofie
    # is unrestricted but works in Tromsø.
    assert [a["user"]["uid"] for a in answer["advisors"]] == ["kari", "ola"]


def test_demo_seed_has_visibility_worth_exploring(graph):
    from graphsvc.actor import Actor
    from graphsvc.services import access

    load(graph, PROJECT_ROOT / "seeds" / "demo.json")
    admin = Actor("admin", True)

    def seen(user):
        return {c["uid"] for c in access.visible_contacts(graph, admin, user, 50, None)["items"]}

    assert seen("kari") == {"nora"}                     # retail (all) via the west office
    assert seen("sofie") == {"astrid", "nora"}          # her own customer; retail via helpdesk
    assert seen("ingrid") == {"nora", "byggmester"}     # business: only her assigned one
    assert seen("admin") == {"nora", "astrid", "fjord-farm", "byggmester"}


def _contacts_dump(graph):
    return graph.read_tx(lambda tx: [dict(r) for r in tx.run(
        "MATCH (c:Contact) RETURN properties(c) AS props, "
        "COLLECT { MATCH (c)-[r]->(n) RETURN [type(r), n.uid] ORDER BY type(r), n.uid } "
        "AS links ORDER BY c.uid")])


def _base_and_contacts():
    base = {"locations": [{"uid": "bergen", "code": "BGO", "name": "Bergen"}],
            "customer_categories": [{"uid": "private", "name": "Private"}],
            "account_manager_groups": [{"uid": "amg1", "name": "A"}, {"uid": "amg2", "name": "B"}],
            "directories": [{"uid": "d1", "name": "D1", "visibility": "all"},
                            {"uid": "d2", "name": "D2", "visibility": "assigned"}]}
    contacts = [{"uid": f"c{i}", "name": f"C {i}", "email": f"c{i}@x.no" if i % 2 else None,
                 "kind": None if i % 3 else "customer", "customer_category": "private",
                 "home_location": "bergen" if i % 4 else None,
                 "directories": ["d1", "d2", "d1"] if i % 5 == 0 else ["d2"],
                 "primary_manager_group": "amg1" if i % 2 else None,
                 "secondary_manager_group": "amg2" if i % 3 == 0 else None}
                for i in range(30)]
    return base, contacts


def test_a_batch_known_new_is_created_exactly_as_the_merge_loader_writes_it(graph):
    from graphsvc.seed import load_data, tx_loader, wipe
    from tests.conftest import OWNER_LABEL

    base, contacts = _base_and_contacts()
    wipe(graph, keep_label=OWNER_LABEL)
    load_data(graph, base)
    assert graph.read_tx(tx_loader, "contacts", contacts) == "seed/contacts_new"
    repeat = contacts + contacts[:1]
    assert graph.read_tx(tx_loader, "contacts", repeat) == "seed/contacts"
    load_data(graph, {"contacts": contacts})
    created = _contacts_dump(graph)
    assert graph.read_tx(tx_loader, "contacts", contacts) == "seed/contacts"  # they exist now
    wipe(graph, keep_label=OWNER_LABEL)
    load_data(graph, base)
    graph.write("seed/contacts", rows=contacts)
    assert created == _contacts_dump(graph)
    assert len(created) == 30 and created[0]["links"]


def test_batches_written_at_once_make_the_same_graph(graph, monkeypatch):
    """A large section's batches go two at a time (seed.WORKERS): the graph is the one the
    MERGE loader writes row by row; a uid in two batches loads them one at a time (the
    second merges), and shared nodes (a directory, a book) take every link."""
    from graphsvc import seed
    from tests.conftest import OWNER_LABEL

    base, contacts = _base_and_contacts()
    monkeypatch.setattr(seed, "BATCH", 4)  # 8 batches
    calls = []
    real = seed._independent
    monkeypatch.setattr(seed, "_independent",
                        lambda section, rows: calls.append(real(section, rows)) or calls[-1])
    seed.wipe(graph, keep_label=OWNER_LABEL)
    seed.load_data(graph, base)
    graph.write("seed/contacts", rows=contacts)
    want = _contacts_dump(graph)
    for rows, parallel in ((contacts, True), (contacts + contacts[:5], False)):
        calls.clear()
        seed.wipe(graph, keep_label=OWNER_LABEL)
        seed.load_data(graph, base)
        seed.load_data(graph, {"contacts": rows})
        assert calls == [parallel]
        assert _contacts_dump(graph) == want
