"""Working time and bookings (DOMAIN.md section 2)."""

from __future__ import annotations

from neomodel import (
    DateTimeProperty,
    IntegerProperty,
    One,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    ZeroOrOne,
)

from graphsvc.models.contacts import Contact
from graphsvc.models.org import Location, MeetingType, ServiceGroup, User


class WorkingHours(StructuredNode):
    """Weekly hours of one user at one location, wall-clock in the location's time zone."""

    weekday = IntegerProperty(required=True)  # ISO: 1 = Monday .. 7 = Sunday
    start = StringProperty(required=True)     # "HH:MM"
    end = StringProperty(required=True)

    user = RelationshipFrom(User, "HAS_HOURS", cardinality=One)
    location = RelationshipTo(Location, "AT", cardinality=One)


class Absence(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    start = DateTimeProperty(required=True)
    end = DateTimeProperty(required=True)
    reason = StringProperty()

    user = RelationshipFrom(User, "ABSENT", cardinality=One)


class Booking(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    start = DateTimeProperty(required=True)
    end = DateTimeProperty(required=True)
    mode = StringProperty(required=True)
    status = StringProperty(default="booked")  # booked | cancelled
    created_by = StringProperty()
    created_at = DateTimeProperty()
    cancelled_at = DateTimeProperty()

    advisor = RelationshipTo(User, "WITH_ADVISOR", cardinality=One)
    contact = RelationshipTo(Contact, "FOR_CONTACT", cardinality=One)
    meeting_type = RelationshipTo(MeetingType, "OF_TYPE", cardinality=One)
    location = RelationshipTo(Location, "AT_LOCATION", cardinality=ZeroOrOne)
    via_group = RelationshipTo(ServiceGroup, "VIA_GROUP", cardinality=ZeroOrOne)
