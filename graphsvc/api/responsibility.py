"""Responsibility per processing domain and the default areas (DOMAIN.md 5)."""

from __future__ import annotations

from graphsvc.api.common import admin_only, graph
from graphsvc.api.contacts import contact_groups
from graphsvc.api.org import settings as settings_blp
from graphsvc.schemas import responsibility as schemas
from graphsvc.schemas.org import Settings
from graphsvc.services import conditions


@contact_groups.route("/<uid>/responsibilities", methods=["GET"], endpoint="responsibilities")
@contact_groups.response(200, schemas.Responsibilities)
def group_responsibilities(uid):
    """Who is responsible for a contact group, per domain."""
    return {"items": conditions.responsibilities(graph(), uid)}


@contact_groups.route("/<uid>/responsibilities/<domain>", methods=["PUT"],
                      endpoint="put_responsibility")
@contact_groups.arguments(schemas.ResponsibilityIn)
@contact_groups.response(200, schemas.Responsibilities)
@admin_only
def put_responsibility(data, uid, domain):
    """Area, handler and user group for items of this group's contacts in a domain."""
    return {"items": conditions.set_responsibility(graph(), uid, domain, data)}


@contact_groups.route("/<uid>/responsibilities/<domain>", methods=["DELETE"],
                      endpoint="delete_responsibility")
@contact_groups.response(204)
@admin_only
def delete_responsibility(uid, domain):
    """Remove a contact group's responsibility for a domain."""
    conditions.delete_responsibility(graph(), uid, domain)


@settings_blp.route("/default-areas/<domain>", methods=["PUT"], endpoint="put_default_area")
@settings_blp.arguments(schemas.DefaultAreaIn)
@settings_blp.response(200, Settings)
@admin_only
def put_default_area(data, domain):
    """Items of a domain land here when the contact's groups set no area."""
    return conditions.set_default_area(graph(), domain, data["area"])


@settings_blp.route("/default-areas/<domain>", methods=["DELETE"],
                    endpoint="delete_default_area")
@settings_blp.response(200, Settings)
@admin_only
def delete_default_area(domain):
    """Remove the default area of a processing domain."""
    return conditions.set_default_area(graph(), domain, None)


BLUEPRINTS: list = []  # routes on the contact-group and settings blueprints
