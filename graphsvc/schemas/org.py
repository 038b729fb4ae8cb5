"""Bodies of the org-structure endpoints."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import name_field, uid_field, uid_list, validate_timezone


class LocationIn(Schema):
    uid = uid_field()
    code = fields.String(required=True, validate=validate.Length(min=1, max=50))
    name = name_field(required=True)
    timezone = fields.String(load_default="UTC", validate=validate_timezone)


class LocationPatch(Schema):
    code = fields.String(validate=validate.Length(min=1, max=50))
    name = name_field()
    timezone = fields.String(validate=validate_timezone)


class Location(Schema):
    uid = fields.String()
    code = fields.String()
    name = fields.String()
    timezone = fields.String()


class UserIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    email = fields.Email(required=True)
    is_admin = fields.Boolean(load_default=False)
    active = fields.Boolean(load_default=True)
    locations = uid_list(load_default=list)


class UserPatch(Schema):
    name = name_field()
    email = fields.Email()
    is_admin = fields.Boolean()
    active = fields.Boolean()
    locations = uid_list()


class User(Schema):
    uid = fields.String()
    name = fields.String()
    email = fields.String()
    is_admin = fields.Boolean()
    active = fields.Boolean()
    locations = fields.List(fields.String())
