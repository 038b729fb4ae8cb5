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
