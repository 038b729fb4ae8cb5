"""Field types and building blocks shared by the domain schemas."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import Schema, ValidationError, fields, validate

UID = validate.And(validate.Length(min=1, max=100),
                   validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._:@-]*$",
                                   error="letters, digits and . _ : @ - only"))
NAME = validate.Length(min=1, max=200)


def uid_field(**kw) -> fields.String:
    return fields.String(validate=UID, **kw)


def uid_list(**kw) -> fields.List:
    kw.setdefault("validate", validate.Length(max=500))
    return fields.List(fields.String(validate=UID), **kw)


def name_field(**kw) -> fields.String:
    return fields.String(validate=NAME, **kw)


def validate_timezone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError("not an IANA time zone") from exc


class AwareDateTime(fields.AwareDateTime):
    """ISO 8601 with an offset in; UTC to the database and out.

    Everything is normalised to UTC because Neo4j orders two DateTimes of the same instant
    but different offsets by their zone: 10:00+01:00 <= 09:00Z is false there."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).astimezone(UTC)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class NodeRef(Schema):
    label = fields.String()
    uid = fields.String()
    name = fields.String(allow_none=True)


class Step(Schema):
    node = fields.Nested(NodeRef)
    rel = fields.String(allow_none=True)


def paths_field() -> fields.List:
    """API.md explanations: a list of paths, each a list of steps."""
    return fields.List(fields.List(fields.Nested(Step)))


class UserRef(Schema):
    """A user as other objects name it."""

    uid = fields.String()
    name = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    active = fields.Boolean()


class NamedIn(Schema):
    uid = uid_field()
    name = name_field(required=True)


class NamedPatch(Schema):
    name = name_field()
