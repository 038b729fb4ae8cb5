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


def test_collected_rows_are_the_rows_in_their_order(graph, tmp_path, monkeypatch):
    """`run_collected` answers exactly what `run` answers, order and odd column names
    included, for a query written as analysts run it (header, ORDER BY, UNION)."""
    from graphsvc import db
    from graphsvc.cypher import CypherLibrary

    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "ordered.cypher").write_text(
        "// a test query\n// params: $xs\n"
        "UNWIND $xs AS x\nRETURN x AS `odd name`, {double: x * 2} AS `map`\n"
        "ORDER BY x DESC")
    (tmp_path / "t" / "union.cypher").write_text(
        "// a test query\nUNWIND $xs AS x RETURN x AS n\nUNION\nRETURN -1 AS n")
    monkeypatch.setattr(db, "queries", CypherLibrary(tmp_path))
    for xs in ([], [3], [5, 1, 4, 1, 9, 2, 6], list(range(300))):
        for name in ("t/ordered", "t/union"):
            want = graph.read_tx(lambda tx, n=name, v=xs: db.run(tx, n, xs=v))
            got = graph.read_tx(lambda tx, n=name, v=xs: db.run_collected(tx, n, xs=v))
            if name == "t/union":  # a UNION promises no order
                got, want = (sorted(rows, key=lambda r: r["n"]) for rows in (got, want))
            assert got == want, (name, xs)
    assert graph.read_tx(lambda tx: db.run_collected(tx, "t/ordered", xs=[2, 7]))[0] == {
        "odd name": 7, "map": {"double": 14}}
