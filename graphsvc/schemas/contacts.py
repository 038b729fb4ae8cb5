"""Bodies of the contact endpoints."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import name_field, uid_field

KINDS = ("customer", "supplier", "colleague")


class ContactIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    email = fields.Email(load_default=None, allow_none=True)
    kind = fields.String(load_default="customer", validate=validate.OneOf(KINDS))
    customer_category = uid_field(allow_none=True)
    home_location = uid_field(allow_none=True)


class ContactPatch(Schema):
    name = name_field()
    email = fields.Email(allow_none=True)
    kind = fields.String(validate=validate.OneOf(KINDS))
    customer_category = uid_field(allow_none=True)
    home_location = uid_field(allow_none=True)


class Contact(Schema):
    uid = fields.String()
    name = fields.String()
    email = fields.String(allow_none=True)
    kind = fields.String()
    customer_category = fields.String(allow_none=True)
    home_location = fields.String(allow_none=True)
