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
