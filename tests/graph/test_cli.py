"""The `graphsvc` command against the test server: seed (never a reset unless asked), wipe,
status, migrate (says what it did, or that all is up to date), and every expected failure as
one line and its exit code, never a traceback."""

import os
import shutil
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner

from graphsvc.cli import main
from graphsvc.localdb import free_port
from tests.conftest import OWNER_LABEL, TEST_HOME


def env_for(settings):
    return {"NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password}


def data_nodes(graph) -> int:
    return graph.read_one("system/count_data")["nodes"]


def test_seed_fills_an_empty_database_and_leaves_data_alone(graph, neo4j_settings):
    runner = CliRunner()
    env = env_for(neo4j_settings)
    # The database holds the tests' mark: data, so the seed leaves it alone.
    result = runner.invoke(main, ["seed"], env=env)
    assert result.exit_code == 0, result.output
    assert "already holds data" in result.output
    assert graph.read_one("system/count_label", label="User")["count"] == 0
    result = runner.invoke(main, ["seed", "--reset"], env=env)
    assert result.exit_code == 0, result.output
    assert "users 10" in result.output
    graph.write("system/claim_for_tests", owner=OWNER_LABEL)  # the reset took the mark too
    # An edit survives a second seed.
    graph.write_tx(lambda tx: tx.run("MATCH (u:User {uid: 'kari'}) SET u.name = 'Renamed'")
                   .consume())
    assert "already holds data" in runner.invoke(main, ["seed"], env=env).output
    assert graph.read_one("org/get_acting_user", uid="kari") is not None
    names = graph.read_tx(lambda tx: tx.run("MATCH (u:User {uid: 'kari'}) RETURN u.name AS n")
                          .single()["n"])
    assert names == "Renamed"
    assert runner.invoke(main, ["db", "wipe"], env=env).exit_code != 0  # needs --yes
    result = runner.invoke(main, ["db", "wipe", "--yes"], env=env)
    assert result.exit_code == 0, result.output
    assert data_nodes(graph) == 0
    graph.write("system/claim_for_tests", owner=OWNER_LABEL)


def test_migrate_twice_says_up_to_date(graph, neo4j_settings):
    runner = CliRunner()
    env = env_for(neo4j_settings)
    runner.invoke(main, ["db", "migrate"], env=env)
    result = runner.invoke(main, ["db", "migrate"], env=env)
    assert result.exit_code == 0, result.output
    assert result.output == "The schema is up to date.\n"


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


def java_home() -> str:
    return str(Path(os.path.realpath(shutil.which("java"))).parent.parent)


def failure(args, env, code, words):
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == code, (args, result.exit_code, result.output)
    assert words in result.output, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    return result


def test_expected_failures_are_one_line_and_an_exit_code(neo4j_settings, tmp_path):
    down = {"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "x"}
    empty = tmp_path / "empty.json"
    empty.write_text("{}")
    for args in (["seed"], ["db", "migrate"], ["db", "wipe", "--yes"],
                 ["import", str(empty)], ["admin", "create", "--uid", "a", "--name", "A",
                                        "--email", "a@b.example"]):
        failure(args, down, 3, "Neo4j is not reachable")
    wrong = {**env_for(neo4j_settings), "NEO4J_PASSWORD": "not-the-password"}
    failure(["db", "migrate"], wrong, 2, "NEO4J_PASSWORD")
    failure(["db", "status"], {"NEO4J_BOLT_PORT": "abc"}, 2, "NEO4J_BOLT_PORT='abc'")
    failure(["serve"], {"GRAPHSVC_PORT": "eighty"}, 2, "GRAPHSVC_PORT='eighty'")
    failure(["seed"], {**env_for(neo4j_settings), "GRAPHSVC_QUERY_TIMEOUT": "soon"}, 2,
            "GRAPHSVC_QUERY_TIMEOUT")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        failure(["serve", "--port", port], {}, 4, f"The API port {port}")
        failure(["up", "--port", port, "--home", str(tmp_path / "up")], {}, 4,
                f"The API port {port}")
    home = str(tmp_path / "server")
    failure(["db", "start", "--home", home], {"JAVA_HOME": "", "PATH": str(tmp_path)}, 5,
            "Java was not found")
    failure(["db", "start", "--home", home, "--bolt-port", str(free_port()),
             "--http-port", str(free_port())],
            {"JAVA_HOME": java_home(), "PATH": str(tmp_path),
             "GRAPHSVC_CACHE": str(tmp_path / "empty-cache")}, 6, "Maven (`mvn`) was not found")


def test_serve_and_up_take_their_port_and_workers_from_the_environment(monkeypatch):
    import click

    monkeypatch.setenv("GRAPHSVC_WORKERS", "7")
    monkeypatch.setenv("GRAPHSVC_PORT", "8123")
    for name in ("serve", "up"):
        command = main.commands[name]
        ctx = click.Context(command)
        defaults = {p.name: p.get_default(ctx) for p in command.params}
        assert defaults["workers"] == 7 and defaults["port"] == 8123, name
