"""Org structure endpoints: locations and users."""

from __future__ import annotations

from graphsvc.api.resources import register_crud, register_link, resource_blueprint
from graphsvc.schemas import org as schemas
from graphsvc.services import org

locations = resource_blueprint("locations", "Departments, centres and branches.")
register_crud(locations, org.LOCATION, schema_in=schemas.LocationIn,
              schema_patch=schemas.LocationPatch, schema_out=schemas.Location)

users = resource_blueprint("users", "Employees: advisors, agents, handlers.")
register_crud(users, org.USER, schema_in=schemas.UserIn, schema_patch=schemas.UserPatch,
              schema_out=schemas.User, create=org.create_user, update=org.update_user)
register_link(users, org.WORKS_AT, "locations")
