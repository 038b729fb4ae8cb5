"""Bodies of responsibility per processing domain and default areas (DOMAIN.md 5)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import (
    uid_field,
)
from graphsvc.vocabulary import PROCESSING_DOMAINS

DOMAINS = validate.OneOf(PROCESSING_DOMAINS)


class ResponsibilityIn(Schema):
    area = uid_field(load_default=None, allow_none=True)
    handler = uid_field(load_default=None, allow_none=True)
    user_group = uid_field(load_default=None, allow_none=True)


class Responsibility(Schema):
    domain = fields.String()
    area = fields.String(allow_none=True)
    handler = fields.String(allow_none=True)
    user_group = fields.String(allow_none=True)


class Responsibilities(Schema):
    items = fields.List(fields.Nested(Responsibility))


class DefaultAreaIn(Schema):
    area = uid_field(required=True)
