"""Factory helpers: each test builds the small graph it needs through the services."""

from __future__ import annotations

from graphsvc.db import Graph
from graphsvc.services import crud, org


def location(graph: Graph, uid: str, timezone: str = "Europe/Oslo", **kw) -> dict:
    props = {"uid": uid, "code": kw.pop("code", uid.upper()), "name": kw.pop("name", uid.title()),
             "timezone": timezone, **kw}
    return crud.create(graph, org.LOCATION, props)


def user(graph: Graph, uid: str, locations: tuple[str, ...] = (), **kw) -> dict:
    data = {"uid": uid, "name": kw.pop("name", uid.title()),
            "email": kw.pop("email", f"{uid}@bank.example"), "locations": list(locations), **kw}
    return org.create_user(graph, data)


def admin(graph: Graph, uid: str = "admin") -> dict:
    return user(graph, uid, is_admin=True)
