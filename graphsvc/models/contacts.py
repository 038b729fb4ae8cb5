"""Contacts, directories, groups and protected communication (DOMAIN.md sections 3 and 4)."""

from __future__ import annotations

from neomodel import (
    BooleanProperty,
    DateTimeProperty,
    IntegerProperty,
    One,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    ZeroOrMore,
    ZeroOrOne,
)

from graphsvc.models.org import CustomerCategory, Location, User


class UserGroup(StructuredNode):
    """A named set of users; (User)-[:MEMBER_OF]->(UserGroup)."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)


class Directory(StructuredNode):
    """An address book. Access: (User|UserGroup)-[:CAN_ACCESS]->(Directory)."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    visibility = StringProperty(required=True, choices={"all": "all", "assigned": "assigned"})


class AccountManagerGroup(StructuredNode):
    """Assigns customers to the users who look after them; (User)-[:MEMBER_OF]->(group)."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    eponymous_of = StringProperty(index=True)  # the user it was created with, if any


class Area(StructuredNode):
    """A project or processing area. Access: (User|UserGroup)-[:CAN_ACCESS]->(Area)."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    kind = StringProperty(default="processing", choices={"project": "project",
                                                         "processing": "processing"})


class Contact(StructuredNode):
    """A customer, supplier or colleague."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    email = StringProperty(index=True)
    kind = StringProperty(default="customer", choices={"customer": "customer",
                                                       "supplier": "supplier",
                                                       "colleague": "colleague"})
    # '<account-manager group uid>|<contact uid>' of the primary and the secondary group:
    # indexed, so a user's book is walked in contact-uid order and a visible page stops at
    # the page (cypher/access/visible_by_books.cypher). Every writer of the two links sets
    # them; readers still check the link itself.
    primary_book = StringProperty(index=True)
    secondary_book = StringProperty(index=True)
    # name and email lowercased: indexed, so a search by prefix seeks them and a page in
    # name order walks name_key (cypher/access/search_*.cypher). Every writer of name or
    # email sets them (Cypher's toLower; graphsvc.services.contacts.search_keys).
    name_key = StringProperty(index=True)
    email_key = StringProperty(index=True)

    category = RelationshipTo(CustomerCategory, "IN_CATEGORY", cardinality=ZeroOrOne)
    home_location = RelationshipTo(Location, "HOME_LOCATION", cardinality=ZeroOrOne)
    directories = RelationshipTo(Directory, "STORED_IN", cardinality=ZeroOrMore)
    primary_manager = RelationshipTo(AccountManagerGroup, "PRIMARY_MANAGER",
                                     cardinality=ZeroOrOne)
    secondary_manager = RelationshipTo(AccountManagerGroup, "SECONDARY_MANAGER",
                                       cardinality=ZeroOrOne)


class ContactGroup(StructuredNode):
    """Profiling and service conditions; (Contact)-[:IN_GROUP]->(ContactGroup). Membership
    never grants access."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    priority = IntegerProperty(default=0)

    directory = RelationshipTo(Directory, "BELONGS_TO", cardinality=One)


class CampaignStatus(StructuredNode):
    """A contact's campaign status in a service area, naming an advisor: informational only,
    it grants no visibility and changes no ownership."""

    uid = StringProperty(unique_index=True, required=True)
    status = StringProperty()

    contact = RelationshipTo(Contact, "FOR_CONTACT", cardinality=One)
    area = RelationshipTo(Area, "IN_AREA", cardinality=One)
    advisor = RelationshipTo(User, "NAMES_ADVISOR", cardinality=ZeroOrOne)


class Message(StructuredNode):
    """A note, mail or ticket message about a contact; a ticket's message is on its case,
    whose area and routed user group protect it."""

    uid = StringProperty(unique_index=True, required=True)
    subject = StringProperty()
    body = StringProperty()
    private = BooleanProperty(default=False)
    sent_at = DateTimeProperty(required=True)

    contact = RelationshipTo(Contact, "CONCERNS", cardinality=One)
    area = RelationshipTo(Area, "IN_AREA", cardinality=ZeroOrOne)
    sender = RelationshipTo(User, "SENT_BY", cardinality=One)
    recipient = RelationshipTo(User, "SENT_TO", cardinality=ZeroOrOne)
    routed_to = RelationshipTo(UserGroup, "ROUTED_TO", cardinality=ZeroOrOne)
    case = RelationshipTo("graphsvc.models.service_desk.Case", "ON_CASE",
                          cardinality=ZeroOrOne)
