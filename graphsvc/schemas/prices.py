"""Bodies of products, price lists, prices and the price decision (DOMAIN.md 5)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import (
    PatchSchema,
    name_field,
    paths_field,
    uid_field,
)
from graphsvc.schemas.replay import CYPHER, Replayed, explain_field


class Product(Schema):
    uid = fields.String()
    name = fields.String()


CURRENCY = [validate.Length(equal=3),
            validate.Regexp(r"^[A-Z]{3}$", error="an ISO 4217 code")]


class PriceListIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    currency = fields.String(required=True, validate=CURRENCY)


class PriceListPatch(PatchSchema):
    name = name_field()
    currency = fields.String(validate=CURRENCY)


class ProductPrice(Schema):
    product = fields.String()
    amount = fields.Float()


class PriceList(Schema):
    uid = fields.String()
    name = fields.String()
    currency = fields.String()
    prices = fields.List(fields.Nested(ProductPrice))


class PriceIn(Schema):
    amount = fields.Float(required=True, validate=validate.Range(min=0), allow_nan=False)


class PriorityIn(Schema):
    priority = fields.Integer(required=True, strict=True,
                              validate=validate.Range(min=-1_000_000, max=1_000_000))


class PriceArgs(Schema):
    product = uid_field(required=True)
    explain = explain_field(CYPHER)


class PriceCandidate(Schema):
    price_list = fields.String()
    contact_group = fields.String(allow_none=True)
    amount = fields.Float()
    currency = fields.String()
    priority = fields.Integer(allow_none=True)
    personal = fields.Boolean()
    lost_because = fields.String()
    paths = paths_field()


class PriceAnswer(Replayed):
    amount = fields.Float()
    currency = fields.String()
    price_list = fields.String()
    contact_group = fields.String(allow_none=True, metadata={
        "description": "null when the contact's personal price list won"})
    personal = fields.Boolean()
    priority = fields.Integer(allow_none=True)
    paths = paths_field()
    candidates = fields.List(fields.Nested(PriceCandidate), metadata={
        "description": "the losing candidates, each with why it lost"})
