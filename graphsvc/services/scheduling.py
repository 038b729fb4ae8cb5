"""Working time (DOMAIN.md section 2): weekly hours per location and absences."""

from __future__ import annotations

from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Invalid, NotFound
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import crud, org
from graphsvc.slots import minutes_of


def check_week(hours: list[dict], field: str = "hours") -> None:
    """A week of hours: each ends after it starts; hours on one weekday at one location do
    not overlap (422 naming `field`)."""
    by_day: dict[tuple, list[tuple]] = {}
    for index, h in enumerate(hours):
        if minutes_of(h["end"]) <= minutes_of(h["start"]):
            raise Invalid.field(f"{field}.{index}.end", "must be after start")
        by_day.setdefault((h["weekday"], h["location"]), []).append((h["start"], h["end"]))
    for (weekday, location), spans in by_day.items():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            if start < end:
                raise Invalid.field(field, f"overlapping hours on weekday {weekday} at "
                                             f"'{location}'")


def set_working_hours(graph: Graph, uid: str, hours: list[dict]) -> dict:
    """Replace the user's weekly hours; hours on one weekday at one location must not overlap."""
    check_week(hours)

    def work(tx):
        crud.tx_get(tx, org.USER, uid)
        crud.tx_require(tx, org.LOCATION, [h["location"] for h in hours], "hours.location")
        run(tx, "scheduling/set_working_hours", uid=uid, hours=hours)
        return run_one(tx, "scheduling/list_working_hours", uid=uid)

    return graph.write_tx(work)


def working_hours(graph: Graph, uid: str) -> dict:
    row = graph.read_one("scheduling/list_working_hours", uid=uid)
    if row["user"] is None:
        raise NotFound.of("user", uid)
    return row


def add_absence(graph: Graph, user: str, data: dict) -> dict:
    absence = {"uid": data.get("uid") or crud.new_uid(), "start": data["start"],
               "end": data["end"], "reason": data.get("reason")}

    def work(tx):
        if run_one(tx, "scheduling/create_absence", user=user, absence=absence) is None:
            raise NotFound.of("user", user)
        return absence

    return graph.write_tx(work)


def absences(graph: Graph, user: str, limit: int, cursor: str | None) -> dict:
    def work(tx):
        crud.tx_get(tx, org.USER, user)
        return run(tx, "scheduling/list_absences", user=user, after=decode_cursor(cursor),
                   limit=limit + 1)

    return page([r["item"] for r in graph.read_tx(work)], limit)


def delete_absence(graph: Graph, user: str, uid: str) -> None:
    def work(tx):
        if run_one(tx, "scheduling/delete_absence", user=user, uid=uid)["deleted"] == 0:
            raise NotFound.of("absence", uid)

    graph.write_tx(work)
