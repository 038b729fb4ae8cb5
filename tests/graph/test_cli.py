"""The `graphsvc` command against the test server: seed, wipe, status, migrate."""

import os
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner

from graphsvc.cli import main
from tests.conftest import OWNER_LABEL, TEST_HOME


def env_for(settings):
    return {"NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password}


def test_seed_wipe_and_migrate_commands(graph, neo4j_settings):
    runner = CliRunner()
    env = env_for(neo4j_settings)
    result = runner.invoke(main, ["seed"], env=env)
    assert result.exit_code == 0, result.output
    assert "users: 7" in result.output
    assert graph.read_one("system/count_label", label="User")["count"] == 7
    assert runner.invoke(main, ["db", "wipe"], env=env).exit_code != 0  # needs --yes
    result = runner.invoke(main, ["db", "wipe", "--yes"], env=env)
    assert result.exit_code == 0, result.output
    assert graph.read_one("system/count_all")["nodes"] == 0
    graph.write("system/claim_for_tests", owner=OWNER_LABEL)  # the wipe took the mark too
    result = runner.invoke(main, ["db", "migrate"], env=env)
    assert result.exit_code == 0 and "Finished" in result.output


def test_status_reports_version_edition_ports_and_folder(neo4j_settings):
    if os.environ.get("GRAPHSVC_TEST_NEO4J_URI"):
        pytest.skip("the tests run against an external server: no local one to report on")
    port = urlparse(neo4j_settings.neo4j_uri).port
    result = CliRunner().invoke(main, ["db", "status", "--home", str(TEST_HOME)],
                                env={"NEO4J_PASSWORD": neo4j_settings.neo4j_password})
    assert result.exit_code == 0, result.output
    assert f"bolt:     {port}" in result.output
    assert "version:  5.26." in result.output
    assert "edition:  community" in result.output
    assert str(TEST_HOME / "data") in result.output
