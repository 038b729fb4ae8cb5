"""Contacts (DOMAIN.md section 3)."""

from __future__ import annotations

from neomodel import RelationshipTo, StringProperty, StructuredNode, ZeroOrOne

from graphsvc.models.org import CustomerCategory, Location


class Contact(StructuredNode):
    """A customer, supplier or colleague."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    email = StringProperty(index=True)
    kind = StringProperty(default="customer", choices={"customer": "customer",
                                                       "supplier": "supplier",
                                                       "colleague": "colleague"})

    category = RelationshipTo(CustomerCategory, "IN_CATEGORY", cardinality=ZeroOrOne)
    home_location = RelationshipTo(Location, "HOME_LOCATION", cardinality=ZeroOrOne)
