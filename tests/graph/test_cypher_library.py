"""Every named query must at least plan: EXPLAIN each file against the real server."""

import pytest

from graphsvc.cypher import queries
from graphsvc.services import crud

# Templates in cypher/crud/ get allow-listed names substituted, as the service does.
TEMPLATE_NAMES = {"label": "Location", "from": "User", "rel": "WORKS_AT", "to": "Location"}


def _text(name: str) -> str:
    if name.startswith("crud/"):
        import graphsvc.services.org  # noqa: F401  (registers the allow-listed names)

        return crud.template(name.removeprefix("crud/"), **TEMPLATE_NAMES)
    return queries[name]


@pytest.mark.parametrize("name", queries.names())
def test_query_plans(graph, name):
    text = _text(name)
    assert text.lstrip().startswith("//"), f"{name} must start with a // header"
    with graph.driver.session(database=graph.database) as session:
        session.run("EXPLAIN " + text).consume()


def test_templates_refuse_names_outside_the_allow_list():
    with pytest.raises(ValueError):
        crud.template("create_node", label="Location) DETACH DELETE (x")
