"""Service conditions and the service desk (DOMAIN.md sections 5, 6 and 7).

A contact group carries its conditions as relationships:
(ContactGroup)-[:USES_PRICE_LIST {priority}]->(PriceList), (ContactGroup)-[:HAS_SLA]->
(SlaContract) and (ContactGroup)-[:SETS]->(Responsibility); a contact's personal list is
(Contact)-[:PERSONAL_PRICE_LIST]->(PriceList). Settings: (Settings)-[:DEFAULT_USER]->(User)
and (Settings)-[:DEFAULT_AREA {domain}]->(Area)."""

from __future__ import annotations

from neomodel import (
    DateTimeProperty,
    FloatProperty,
    IntegerProperty,
    One,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
    ZeroOrMore,
    ZeroOrOne,
)

from graphsvc.models.contacts import Area, Contact, UserGroup
from graphsvc.models.org import User


class Product(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)


class Price(StructuredRel):
    amount = FloatProperty(required=True)


class PriceList(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    currency = StringProperty(required=True)

    prices = RelationshipTo(Product, "PRICES", cardinality=ZeroOrMore, model=Price)


class PriceListUse(StructuredRel):
    priority = IntegerProperty(required=True)


class SlaLevel(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    severity = StringProperty(required=True)
    response_minutes = IntegerProperty(required=True)
    resolution_minutes = IntegerProperty(required=True)


class SlaContract(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)

    levels = RelationshipTo(SlaLevel, "HAS_LEVEL", cardinality=ZeroOrMore)
    default_level = RelationshipTo(SlaLevel, "DEFAULT_LEVEL", cardinality=ZeroOrOne)


class Responsibility(StructuredNode):
    """What one contact group sets for one processing domain: the area, the handler and
    optionally the user group communication is restricted to. uid "<group>|<domain>"."""

    uid = StringProperty(unique_index=True, required=True)
    domain = StringProperty(required=True, index=True)

    area = RelationshipTo(Area, "IN_AREA", cardinality=ZeroOrOne)
    handler = RelationshipTo(User, "HANDLER", cardinality=ZeroOrOne)
    user_group = RelationshipTo(UserGroup, "RESTRICTED_TO", cardinality=ZeroOrOne)


class Qualification(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    scale_min = IntegerProperty(required=True)
    scale_max = IntegerProperty(required=True)


class Rating(StructuredRel):
    rating = IntegerProperty(required=True)


class Requirement(StructuredRel):
    min_rating = IntegerProperty(required=True)


class Case(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    subject = StringProperty(required=True)
    domain = StringProperty(required=True)
    severity = StringProperty()
    status = StringProperty(required=True, index=True)
    created_at = DateTimeProperty(required=True)
    updated_at = DateTimeProperty()
    closed_at = DateTimeProperty()
    response_due = DateTimeProperty()
    resolution_due = DateTimeProperty()
    pull_due = DateTimeProperty()  # response_due, or 9999-12-31 without an SLA: pull order
    claim_lock = StringProperty()
    # the assignee's uid beside the ASSIGNED_TO link, set wherever that link is made: the
    # case_assignee_order index (assignee_uid, status, uid) reads "my cases" of one status
    # without the assignee's whole history. The link stays the truth; lists re-check it.
    assignee_uid = StringProperty()

    contact = RelationshipTo(Contact, "FOR_CONTACT", cardinality=One)
    area = RelationshipTo(Area, "IN_AREA", cardinality=ZeroOrOne)
    assignee = RelationshipTo(User, "ASSIGNED_TO", cardinality=ZeroOrOne)
    sla_level = RelationshipTo(SlaLevel, "UNDER_SLA", cardinality=ZeroOrOne)
    user_group = RelationshipTo(UserGroup, "ROUTED_TO", cardinality=ZeroOrOne)
    requires = RelationshipTo(Qualification, "REQUIRES", cardinality=ZeroOrMore,
                              model=Requirement)


class Assignment(StructuredNode):
    """One manual assignment, kept for the assigning user's suggestions:
    (User)-[:MADE]->(Assignment)-[:TO]->(User), -[:OF_CASE]->(Case)."""

    uid = StringProperty(unique_index=True, required=True)
    at = DateTimeProperty(required=True)


class Team(StructuredNode):
    """Distributes work; (User)-[:MEMBER_OF]->(Team). Not an account-manager group."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)


class Task(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    title = StringProperty(required=True)
    status = StringProperty(required=True)  # open | claimed | done
    created_at = DateTimeProperty(required=True)
    due = DateTimeProperty()
    pull_due = DateTimeProperty()  # due, or 9999-12-31 without one: pull order
    claim_lock = StringProperty()

    pool = RelationshipTo(Team, "IN_POOL", cardinality=One)
    claimed_by = RelationshipTo(User, "CLAIMED_BY", cardinality=ZeroOrOne)
