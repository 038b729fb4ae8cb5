"""docker-compose.yml and the Dockerfile run graphsvc the way the local path does: the same
Neo4j version and memory, migrations before the API serves, the demo seed only on request,
restart policies, a readiness healthcheck, a non-root image whose install step packages
what `graphsvc seed` and the Cypher library need."""

import inspect
import shutil
import subprocess
import sys
import zipfile

import pytest
import yaml

from graphsvc.config import PROJECT_ROOT, LocalServerSettings, Settings

COMPOSE = PROJECT_ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_runs_the_local_neo4j_version_and_memory(compose):
    local = LocalServerSettings()
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == f"neo4j:{local.neo4j_version}-community"
    env = neo4j["environment"]
    assert env["NEO4J_server_memory_heap_initial__size"] == local.heap_initial
    assert env["NEO4J_server_memory_heap_max__size"] == local.heap_max
    assert env["NEO4J_server_memory_pagecache_size"] == local.pagecache
    # Browser and the server without telemetry, as the local server's configuration has it.
    assert env["NEO4J_client_allow__telemetry"] == "false"
    assert env["NEO4J_dbms_usage__report_enabled"] == "false"
    assert "healthcheck" in neo4j
    assert any(v.startswith("neo4j-data:") for v in neo4j["volumes"])


def test_local_server_config_turns_off_telemetry():
    from graphsvc.localdb import render_config

    text = render_config(LocalServerSettings(), PROJECT_ROOT)
    for line in ("dbms.usage_report.enabled=false", "client.allow_telemetry=false",
                 "server.bolt.telemetry.enabled=false"):
        assert line in text.splitlines()


def test_compose_migrates_before_serving_and_seeds_only_on_request(compose):
    services = compose["services"]
    assert services["migrate"]["command"] == ["graphsvc", "db", "migrate"]
    assert services["api"]["depends_on"] == {
        "migrate": {"condition": "service_completed_successfully"}}
    assert services["migrate"]["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert not any("seed" in " ".join(s.get("command", [])) for s in services.values())
    assert services["neo4j"]["restart"] == services["api"]["restart"] == "unless-stopped"
    assert services["migrate"]["restart"] == "no"
    assert "/readyz" in " ".join(services["api"]["healthcheck"]["test"])
    api_env = services["api"]["environment"]
    source = inspect.getsource(Settings.from_env)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        assert name in api_env
        assert f'"{name}"' in source, f"{name} is not read by Settings.from_env"
    assert api_env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert services["migrate"]["environment"] == api_env


def test_docker_compose_itself_accepts_the_file():
    tool = shutil.which("docker-compose")
    if tool is None:
        pytest.skip("docker-compose (Debian's package) is not installed: scripts/setup "
                    "installs it where it may")
    proc = subprocess.run([tool, "-f", str(COMPOSE), "config", "-q"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_the_image_runs_as_a_non_root_user():
    lines = [line.split() for line in (PROJECT_ROOT / "Dockerfile").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    users = [words[1] for words in lines if words[0] == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert any(words[:2] == ["RUN", "pip"] and "." in words for words in lines)


def test_the_images_install_step_packages_the_seed_and_the_cypher(tmp_path):
    """`pip install .`, as the Dockerfile runs it (a wheel, not the source tree): the demo
    seed and every Cypher file are inside the package, and graphsvc finds them there."""
    wheels = tmp_path / "wheels"
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                           str(wheels), str(PROJECT_ROOT)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    [wheel] = wheels.glob("graphsvc-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "graphsvc/seeds/demo.json" in names
    assert "graphsvc/cypher/access/contact_access.cypher" in names
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q",
                           "--target", str(site), str(wheel)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import graphsvc, graphsvc.seed, "
             "graphsvc.cypher; print(graphsvc.__file__); "
             "print(graphsvc.seed.demo_seed_path()); print(graphsvc.cypher.cypher_dir())")
    proc = subprocess.run([sys.executable, "-c", probe, str(site)], capture_output=True,
                          text=True, check=False, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    package, seed, cypher = proc.stdout.split()
    assert package.startswith(str(site))
    assert seed == str(site / "graphsvc" / "seeds" / "demo.json")
    assert cypher == str(site / "graphsvc" / "cypher")


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text()
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "scripts/test" in ci and "scripts/test" in readme
