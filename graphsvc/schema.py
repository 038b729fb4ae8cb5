"""Installs the constraints and indexes the neomodel models declare, and runs the data
migrations (all idempotent)."""

from __future__ import annotations

import io

from neomodel import db as neomodel_db
from neomodel import get_config

from graphsvc.cypher import queries
from graphsvc.db import Graph


def migrate(graph: Graph) -> str:
    """Create every missing constraint and index; existing ones are left as they are."""
    import graphsvc.models  # noqa: F401  (the classes must be imported to be found)

    config = get_config()
    config.driver = graph.driver
    config.database_name = graph.database
    neomodel_db.set_connection(driver=graph.driver)
    out = io.StringIO()
    neomodel_db.install_all_labels(stdout=out)
    # Composite indexes neomodel cannot declare: cypher/schema/*.cypher (IF NOT EXISTS).
    for name in queries.names():
        if name.startswith("schema/"):
            graph.run_autocommit(name)
            out.write(f"index: {name}\n")
    # Data migrations: cypher/migrations/*.cypher, idempotent, each one write transaction.
    for name in queries.names():
        if name.startswith("migrations/"):
            row = graph.write_one(name)
            out.write(f"migration: {name}: {row}\n")
    return out.getvalue()


def constraints(graph: Graph) -> list[dict]:
    return graph.read("system/show_constraints")
