"""Org structure (DOMAIN.md section 1)."""

from __future__ import annotations

from neomodel import (
    BooleanProperty,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    ZeroOrMore,
)


class Location(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    code = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    timezone = StringProperty(default="UTC")


class User(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    email = StringProperty(unique_index=True, required=True)
    is_admin = BooleanProperty(default=False)
    active = BooleanProperty(default=True, index=True)

    works_at = RelationshipTo(Location, "WORKS_AT", cardinality=ZeroOrMore)
