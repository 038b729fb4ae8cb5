"""Bulk sync: POST /api/v1/import takes one document (graphsvc.schemas.imports), admins only."""

from __future__ import annotations

from graphsvc.api.common import admin_only, graph
from graphsvc.api.resources import resource_blueprint
from graphsvc.schemas import imports as schemas
from graphsvc.services import imports

blp = resource_blueprint("import", "Bulk sync from an HR or CRM directory: upsert by uid, "
                                   "all-or-nothing per document unless mode=batches.")


@blp.route("", methods=["POST"], endpoint="run")
@blp.arguments(schemas.ImportArgs, location="query")
@blp.arguments(schemas.ImportDocument)
@blp.response(200, schemas.ImportReport)
@admin_only
def run_import(args, document):
    """Import locations, categories, themes, meeting types, users, groups, directories,
    contacts and working hours in one document (up to 512 MiB).

    Every row is validated by the schema of its single endpoint (uid required); a row naming
    an object that exists neither in the database nor earlier in the document is 422
    naming the row and field, and nothing is written (mode=all). The report counts, per
    section, the rows created, updated and unchanged: a second run of the same document
    reports every row unchanged."""
    return imports.import_document(graph(), document, args["mode"])


BLUEPRINTS = [blp]
