"""Analyst reports (DOMAIN.md section 8): the named Cypher in `cypher/reports/<name>.cypher`,
run as analysts run it in Browser, one keyset page at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphsvc.db import Graph, run
from graphsvc.errors import Invalid, NotFound
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import access, crud, org
from graphsvc.windows import instant


@dataclass(frozen=True)
class Report:
    key: Callable[[dict], Any]     # the row's keyset sort key: a uid, or `parts` strings
    needs_user: bool = False       # takes ?user=
    needs_second: bool = False     # takes the "second account-manager group" setting
    needs_level: bool = False      # takes $basic (the installation level)
    parts: int = 1


REPORTS: dict[str, Report] = {
    "invisible-customers": Report(key=lambda row: row["contact"]["uid"], needs_second=True),
    "groups-at-depth-limit": Report(key=lambda row: row["group"]["uid"]),
    "users-with-no-reach": Report(key=lambda row: row["user"]["uid"]),
    "user-removal-impact": Report(key=lambda row: [row["lost"], row["subject"]["uid"]],
                                  needs_user=True, needs_second=True, needs_level=True, parts=2),
    "handlers-who-cannot-see": Report(key=lambda row: [row["group"]["uid"], row["domain"]],
                                      needs_second=True, parts=2),
    "coverage-gaps": Report(key=lambda row: [row["meeting_type"]["uid"],
                                             row["customer_category"]["uid"],
                                             row["location"]["uid"], row["mode"]],
                            needs_level=True, parts=4),
}


def run_report(graph: Graph, name: str, limit: int, cursor: str | None,
               user: str | None = None, at: datetime | None = None) -> dict:
    """A page of the report's rows, with the grants valid at `at` (default now; every report
    takes $at: issue 15)."""
    report = REPORTS.get(name)
    if report is None:
        raise NotFound(f"No report named '{name}'; there are: {', '.join(sorted(REPORTS))}.")
    if report.needs_user and not user:
        raise Invalid.field("user", f"report '{name}' needs ?user=")

    def work(tx):
        params = {"after": decode_cursor(cursor, report.parts), "limit": limit + 1,
                  "at": instant(at)}
        if report.needs_user:
            crud.tx_require(tx, org.USER, [user], "user")
            params["user"] = user
        if report.needs_second:
            params["second"] = access.tx_second_group_on(tx)
        if report.needs_level:
            settings = run(tx, "org/get_settings")[0]["settings"]
            params["basic"] = settings["installation_level"] == "basic"
        return run(tx, f"reports/{name}", **params)

    return page(graph.read_tx(work), limit, key=report.key)
