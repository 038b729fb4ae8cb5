"""Contact endpoints (DOMAIN.md section 3)."""

from __future__ import annotations

from graphsvc.api.resources import register_crud, resource_blueprint
from graphsvc.schemas import contacts as schemas
from graphsvc.services import contacts

blp = resource_blueprint("contacts", "Customers, suppliers and colleagues.")
register_crud(blp, contacts.CONTACT, schema_in=schemas.ContactIn,
              schema_patch=schemas.ContactPatch, schema_out=schemas.Contact,
              create=contacts.create_contact, update=contacts.update_contact, admin_only=False)

BLUEPRINTS = [blp]
