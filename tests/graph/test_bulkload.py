"""The initial load through `neo4j-admin database import full` writes exactly the graph the
seed loaders write: the demo org loaded both ways (the import route on a server of its own,
which the tool needs stopped) gives the same nodes, properties and links; it answers the same
decisions; and a database holding data is refused unless told to replace it."""

from __future__ import annotations

import json

import pytest

from graphsvc import bulkload, localdb
from graphsvc.config import PROJECT_ROOT
from graphsvc.db import Graph
from graphsvc.seed import demo_seed_path, load, wipe
from graphsvc.services import access, org
from tests.conftest import OWNER_LABEL
from tests.helpers import own_server

HOME = PROJECT_ROOT / ".neo4j-test-bulk"
DUMP = """
MATCH (n) WHERE NOT n:GraphsvcSchema AND NOT n:__OWNER__
RETURN labels(n) AS labels, properties(n) AS props,
       COLLECT { MATCH (n)-[r]->(m) RETURN [type(r), labels(m), m.uid, properties(r)]
                 ORDER BY type(r), m.uid } AS links
""".replace("__OWNER__", OWNER_LABEL)


def dump(graph: Graph) -> list[dict]:
    """Every node with its properties and outgoing links, in a canonical order."""
    rows = graph.read_tx(lambda tx: [dict(r) for r in tx.run(DUMP)])
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.fixture(scope="module")
def bulk_server():
    with own_server(HOME, "bulk-password", start=False) as server:
        yield server  # the first import creates its database


def test_the_import_route_writes_the_seed_loaders_graph(bulk_server, graph):
    data = json.loads(demo_seed_path().read_text(encoding="utf-8"))
    counts = bulkload.initial_load(bulk_server, data, echo=lambda m: None)
    assert counts["contacts"] == len(data["contacts"])
    wipe(graph, keep_label=OWNER_LABEL)
    load(graph, demo_seed_path())
    imported = bulkload.connect(bulk_server)
    try:
        want, got = dump(graph), dump(imported)
        assert len(got) == len(want) > 50
        assert got == want
        # The same decisions on the imported graph, the schema included.
        for user in ("kari", "ola", "ingrid"):
            assert org.effective_competences(imported, user) == \
                org.effective_competences(graph, user)
            assert imported.read_tx(access.tx_visible, user, None, 51) == \
                graph.read_tx(access.tx_visible, user, None, 51)
    finally:
        imported.close()


def test_a_database_holding_data_is_refused_unless_replaced(bulk_server):
    data = {"locations": [{"uid": "oslo", "code": "OSL", "name": "Oslo"}]}
    localdb.start(bulk_server, echo=lambda m: None)
    with pytest.raises(ValueError, match="holds data"):
        bulkload.initial_load(bulk_server, data, echo=lambda m: None)
    bulkload.initial_load(bulk_server, data, replace=True, echo=lambda m: None)
    imported = bulkload.connect(bulk_server)
    try:
        assert imported.read_one("system/count_data")["nodes"] == 1
    finally:
        imported.close()
