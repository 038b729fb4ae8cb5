"""docker-compose.yml must stay plainly consistent with the local path."""

import inspect

import yaml

from graphsvc.config import PROJECT_ROOT, Settings


def test_compose_runs_neo4j_526_community_and_wires_the_same_variables():
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j
    assert any(v.startswith("neo4j-data:") for v in neo4j["volumes"])
    api_env = compose["services"]["api"]["environment"]
    source = inspect.getsource(Settings.from_env)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        assert name in api_env
        assert f'"{name}"' in source, f"{name} is not read by Settings.from_env"
    assert api_env["NEO4J_URI"] == "bolt://neo4j:7687"


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text()
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "scripts/test" in ci and "scripts/test" in readme
