"""Analyst reports: the same Cypher as `cypher/reports/<name>.cypher` (admins only)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.api.common import admin_only, graph
from graphsvc.api.replay import replayable
from graphsvc.api.resources import resource_blueprint
from graphsvc.schemas.common import at_field, cursor_field, uid_field
from graphsvc.schemas.replay import CYPHER, Replayed, explain_field
from graphsvc.services import reports

blp = resource_blueprint("reports", "Analyst reports; the same Cypher as "
                                    "cypher/reports/<name>.cypher.")


class ReportArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()
    user = uid_field(load_default=None, metadata={"description": "user-removal-impact only"})
    at = at_field()
    explain = explain_field(CYPHER)


class ReportPage(Replayed):
    items = fields.List(fields.Dict(), metadata={"description": "the query's rows"})
    next_cursor = fields.String(allow_none=True)


@blp.route("/<name>", methods=["GET"], endpoint="run")
@blp.arguments(ReportArgs, location="query")
@blp.response(200, ReportPage)
@admin_only
@replayable
def run_report(args, name):
    """One of: invisible-customers, groups-at-depth-limit, users-with-no-reach,
    user-removal-impact (?user=), handlers-who-cannot-see, coverage-gaps."""
    return reports.run_report(graph(), name, args["limit"], args["cursor"], args["user"],
                              args["at"])


BLUEPRINTS = [blp]
