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


def category(graph: Graph, uid: str) -> dict:
    return crud.create(graph, org.CATEGORY, {"uid": uid, "name": uid.title()})


def theme(graph: Graph, uid: str) -> dict:
    return crud.create(graph, org.THEME, {"uid": uid, "name": uid.title()})


def meeting_type(graph: Graph, uid: str, theme_uid: str, duration: int = 60) -> dict:
    return org.create_meeting_type(graph, {"uid": uid, "name": uid.title(),
                                           "duration_minutes": duration, "theme": theme_uid})


def group(graph: Graph, uid: str, parent: str | None = None) -> dict:
    return org.create_competence_group(graph, {"uid": uid, "name": uid.title(),
                                               "parent": parent})


def chain(graph: Graph, prefix: str, layers: int) -> list[str]:
    """Groups prefix1 <- prefix2 <- ... (prefix1 is the root); returns their uids."""
    uids = []
    for layer in range(1, layers + 1):
        uids.append(group(graph, f"{prefix}{layer}", uids[-1] if uids else None)["uid"])
    return uids


def member(graph: Graph, user_uid: str, group_uid: str) -> None:
    crud.set_link(graph, org.GROUP_MEMBER, user_uid, group_uid, True)


def grant(graph: Graph, group_uid: str, meeting_type_uid: str, category_uid: str) -> None:
    org.set_group_competence(graph, group_uid, meeting_type_uid, category_uid, True)


def service_group(graph: Graph, uid: str, locations=(), categories=(), themes=()) -> dict:
    return org.create_service_group(graph, {
        "uid": uid, "name": uid.title(), "email": f"{uid}@groups.example",
        "activation": {"locations": list(locations), "customer_categories": list(categories),
                       "meeting_themes": list(themes)}})


def service_member(graph: Graph, group_uid: str, user_uid: str, valid_from=None,
                   valid_to=None) -> None:
    props = {k: v for k, v in {"valid_from": valid_from, "valid_to": valid_to}.items() if v}
    crud.set_link(graph, org.SERVICE_MEMBER, user_uid, group_uid, True, props)


def link_group(graph: Graph, service_group_uid: str, group_uid: str) -> None:
    crud.set_link(graph, org.LINKED_GROUP, service_group_uid, group_uid, True)


def level(graph: Graph, service_group_uid: str, mode: str, locations=(), meeting_types=(),
          uid: str | None = None) -> dict:
    return org.add_service_level(graph, service_group_uid, {
        "uid": uid, "name": f"{mode} level", "mode": mode, "locations": list(locations),
        "meeting_types": list(meeting_types)})


def branch(graph: Graph, advisor: str = "kari", address_book: str = "public") -> None:
    """The smallest org that books: location bergen, category private, meeting type
    mortgage (theme loans, 60 min), `advisor` working there Tuesdays 09:00-17:00, and an
    `all` directory (`address_book`) the advisor can access."""
    location(graph, "bergen")
    category(graph, "private")
    theme(graph, "loans")
    meeting_type(graph, "mortgage", "loans", duration=60)
    user(graph, advisor, locations=("bergen",))
    hours(graph, advisor, ("bergen", 2, "09:00", "17:00"))
    directory(graph, address_book, "all", users=[advisor])


def contact(graph: Graph, uid: str, home: str | None = None, category: str | None = None,
            **kw) -> dict:
    from graphsvc.services import contacts

    data = {"uid": uid, "name": kw.pop("name", uid.title()), **kw}
    if home:
        data["home_location"] = home
    if category:
        data["customer_category"] = category
    return contacts.create_contact(graph, data)


def hours(graph: Graph, user_uid: str, *entries: tuple) -> dict:
    """Weekly hours: entries of (location, weekday, "HH:MM", "HH:MM")."""
    from graphsvc.services import scheduling

    return scheduling.set_working_hours(graph, user_uid, [
        {"location": loc, "weekday": day, "start": start, "end": end}
        for loc, day, start, end in entries])


def absence(graph: Graph, user_uid: str, start, end) -> dict:
    from graphsvc.services import scheduling

    return scheduling.add_absence(graph, user_uid, {"start": start, "end": end})


def settings(graph: Graph, **changes) -> dict:
    return org.update_settings(graph, changes)


def directory(graph: Graph, uid: str, visibility: str = "all", users=(), user_groups=()
              ) -> dict:
    from graphsvc.services import contacts

    d = crud.create(graph, contacts.DIRECTORY, {"uid": uid, "name": uid.title(),
                                                "visibility": visibility})
    for u in users:
        crud.set_link(graph, contacts.DIRECTORY_USER, u, uid, True)
    for g in user_groups:
        crud.set_link(graph, contacts.DIRECTORY_USER_GROUP, g, uid, True)
    return d


def user_group(graph: Graph, uid: str, members=()) -> dict:
    from graphsvc.services import contacts

    g = crud.create(graph, contacts.USER_GROUP, {"uid": uid, "name": uid.title()})
    for u in members:
        crud.set_link(graph, contacts.USER_GROUP_MEMBER, u, uid, True)
    return g


def manager_group(graph: Graph, uid: str, members=()) -> dict:
    from graphsvc.services import contacts

    g = crud.create(graph, contacts.MANAGER_GROUP, {"uid": uid, "name": uid.title()})
    for u in members:
        crud.set_link(graph, contacts.MANAGER_GROUP_MEMBER, u, uid, True)
    return g


def area(graph: Graph, uid: str, users=(), user_groups=()) -> dict:
    from graphsvc.services import contacts

    a = crud.create(graph, contacts.AREA, {"uid": uid, "name": uid.title(), "kind": "processing"})
    for u in users:
        crud.set_link(graph, contacts.AREA_USER, u, uid, True)
    for g in user_groups:
        crud.set_link(graph, contacts.AREA_USER_GROUP, g, uid, True)
    return a


def contact_group(graph: Graph, uid: str, directory: str, priority: int = 0,
                  members=()) -> dict:
    from graphsvc.services import contacts

    g = contacts.create_contact_group(graph, {"uid": uid, "name": uid.title(),
                                              "directory": directory, "priority": priority})
    for c in members:
        crud.set_link(graph, contacts.CONTACT_GROUP_MEMBER, c, uid, True)
    return g
