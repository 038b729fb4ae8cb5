"""Test fixtures: a real Neo4j Community server, never a stand-in.

The session starts (or reuses) a local server in `.neo4j-test/` on free ports, migrates the
schema and marks the database as the tests' own. Before each graph test everything but the
mark is wiped. A database holding data without the mark is never wiped: the run stops.
Set GRAPHSVC_TEST_NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) to use a server of your own,
and GRAPHSVC_TEST_KEEP_NEO4J=1 to leave the local test server running for the next run.
"""

from __future__ import annotations

import os

import pytest

from graphsvc import localdb
from graphsvc.config import PROJECT_ROOT, LocalServerSettings, Settings
from graphsvc.db import Graph
from graphsvc.schema import migrate
from graphsvc.seed import wipe
from tests.helpers import ApiClient

TEST_HOME = PROJECT_ROOT / ".neo4j-test"
TEST_PASSWORD = "graphsvc-test-password"
OWNER_LABEL = "GraphsvcTestOwner"


def _local_test_server() -> tuple[LocalServerSettings, bool]:
    base = LocalServerSettings.from_env(home=TEST_HOME)
    settings = LocalServerSettings(
        home=TEST_HOME, cache=base.cache, password=TEST_PASSWORD, user="neo4j",
        bolt_port=localdb.free_port(), http_port=localdb.free_port(),
        heap_initial="1g", heap_max="3g", pagecache="2g", min_replan_interval="1h",
    )
    already = localdb.status(settings).running
    if already:
        settings = localdb.running_settings(settings)
    try:
        localdb.start(settings, echo=lambda msg: print(msg))
    except localdb.LocalDbError as exc:
        pytest.exit(f"The test Neo4j server could not be started:\n{exc}", returncode=3)
    return settings, not already


@pytest.fixture(scope="session")
def neo4j_settings():
    external = os.environ.get("GRAPHSVC_TEST_NEO4J_URI")
    if external:
        yield Settings(neo4j_uri=external,
                       neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
                       neo4j_password=os.environ.get("NEO4J_PASSWORD", TEST_PASSWORD))
        return
    server, started_here = _local_test_server()
    yield Settings(neo4j_uri=server.bolt_uri, neo4j_user=server.user,
                   neo4j_password=server.password)
    if started_here and not os.environ.get("GRAPHSVC_TEST_KEEP_NEO4J"):
        localdb.stop(server, echo=lambda msg: None)


@pytest.fixture(scope="session")
def graph(neo4j_settings):
    g = Graph(neo4j_settings)
    rows = g.read("system/test_ownership", owner=OWNER_LABEL)
    if rows[0]["nodes"] > 0 and not rows[0]["owned"]:
        g.close()
        pytest.exit(
            f"Refusing to wipe {neo4j_settings.neo4j_uri}: it holds data the tests did not "
            f"create (no :{OWNER_LABEL} node). Point the tests at an empty database.",
            returncode=4,
        )
    g.write("system/claim_for_tests", owner=OWNER_LABEL)
    migrate(g)
    yield g
    g.close()


@pytest.fixture
def clean_graph(graph):
    """An empty database (but for the tests' own mark)."""
    wipe(graph, keep_label=OWNER_LABEL)
    return graph


@pytest.fixture(scope="session")
def app(neo4j_settings, graph):
    from graphsvc.app import create_app

    application = create_app({"TESTING": True, "GRAPHSVC_SETTINGS": neo4j_settings})
    yield application
    application.extensions["graphsvc.graph"].close()


@pytest.fixture
def api(app, clean_graph) -> ApiClient:
    return ApiClient(app.test_client())


SCREENSHOTS = PROJECT_ROOT / ".artifacts" / "screenshots"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say where the browser tests left their screenshots (Swagger UI, the console)."""
    folders = [SCREENSHOTS, SCREENSHOTS / "console"]
    shown = [f"{folder} ({len(list(folder.glob('*.png')))} png)" for folder in folders
             if folder.is_dir() and any(folder.glob("*.png"))]
    if shown:
        terminalreporter.write_line("browser screenshots: " + ", ".join(shown))
