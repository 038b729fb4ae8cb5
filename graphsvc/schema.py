"""Installs the constraints and indexes the neomodel models declare, the composite indexes of
`cypher/schema/`, and runs the data migrations of `cypher/migrations/` (all idempotent).
The version installed is kept in the database, so `/readyz` can tell a migrated database
from one that is not."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from neomodel import db as neomodel_db
from neomodel import get_config

from graphsvc.cypher import queries
from graphsvc.db import Graph

MODELS = Path(__file__).parent / "models"


@dataclass
class MigrationReport:
    created: list[str] = field(default_factory=list)  # constraints and indexes
    rewritten: dict[str, int] = field(default_factory=dict)  # data migration -> rows

    @property
    def up_to_date(self) -> bool:
        return not self.created and not self.rewritten

    def summary(self) -> str:
        if self.up_to_date:
            return "The schema is up to date."
        rows = sum(self.rewritten.values())
        return (f"created {len(self.created)} constraints and indexes"
                + (f", migrated {rows} rows" if rows else ""))

    def lines(self) -> list[str]:
        if self.up_to_date:
            return ["The schema is up to date."]
        return ([f"created {name}" for name in self.created]
                + [f"migrated {name}: {rows} rows" for name, rows in self.rewritten.items()])


def schema_version() -> str:
    """What this code expects: a digest of the models (which declare the constraints and
    indexes) and of the schema and migration files."""
    digest = hashlib.sha256()
    for path in sorted(MODELS.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for name in queries.names():
        if name.startswith(("schema/", "migrations/")):  # the statements, not their comments
            statement = "\n".join(line for line in queries[name].splitlines()
                                  if not line.lstrip().startswith("//"))
            digest.update(name.encode() + statement.encode())
    return digest.hexdigest()[:16]


def _names(graph: Graph) -> set[str]:
    return {row["name"] for row in graph.read("system/show_schema")}


def migrate(graph: Graph) -> MigrationReport:
    """Create every missing constraint and index and run the data migrations; existing ones
    are left as they are. The report names only what changed."""
    import graphsvc.models  # noqa: F401  (the classes must be imported to be found)

    before = _names(graph)
    config = get_config()
    config.driver = graph.driver
    config.database_name = graph.database
    neomodel_db.set_connection(driver=graph.driver)
    # neomodel reports every constraint it finds in place as an error; what changed is
    # worked out from the schema before and after instead.
    neomodel_db.install_all_labels(stdout=io.StringIO())
    for name in queries.names():
        if name.startswith("schema/"):
            graph.run_autocommit(name)  # IF NOT EXISTS
    report = MigrationReport(created=sorted(_names(graph) - before))
    for name in queries.names():
        if name.startswith("migrations/"):
            # auto-commit: a migration rewrites in batches of its own (IN TRANSACTIONS),
            # so a bank's million contacts do not sit in one transaction's memory
            found = graph.run_autocommit(name)
            rows = found[0].get("rewritten", 0) if found else 0
            if rows:
                report.rewritten[name] = rows
    graph.write_one("system/set_schema_version", version=schema_version())
    return report


def is_migrated(graph: Graph) -> bool:
    row = graph.read_one("system/schema_version")
    return bool(row) and row["version"] == schema_version()


def constraints(graph: Graph) -> list[dict]:
    return graph.read("system/show_constraints")
