"""Bodies of SLA contracts and their levels (DOMAIN.md 5)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from graphsvc.schemas.common import (
    PatchSchema,
    name_field,
    uid_field,
)

MINUTES = validate.Range(min=1, max=60 * 24 * 365)


class SlaLevelIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    severity = fields.String(required=True, validate=validate.Length(min=1, max=50))
    response_minutes = fields.Integer(required=True, strict=True, validate=MINUTES)
    resolution_minutes = fields.Integer(required=True, strict=True, validate=MINUTES)

    @validates_schema
    def _resolution_after_response(self, data, **kwargs):
        if data.get("resolution_minutes", 0) < data.get("response_minutes", 0):
            raise ValidationError("must not be shorter than response_minutes",
                                  "resolution_minutes")


class SlaLevel(Schema):
    uid = fields.String()
    name = fields.String()
    severity = fields.String()
    response_minutes = fields.Integer()
    resolution_minutes = fields.Integer()


class SlaContractIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    levels = fields.List(fields.Nested(SlaLevelIn), required=True,
                         validate=validate.Length(min=1, max=20))
    default_level = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                  metadata={
        "description": "the name or uid of one of the levels"})


class SlaContractPatch(PatchSchema):
    name = name_field()


class SlaContract(Schema):
    uid = fields.String()
    name = fields.String()
    default_level = fields.String()
    levels = fields.List(fields.Nested(SlaLevel))
