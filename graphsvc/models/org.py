"""Org structure (DOMAIN.md section 1)."""

from __future__ import annotations

from neomodel import (
    BooleanProperty,
    DateTimeProperty,
    IntegerProperty,
    One,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
    ZeroOrMore,
    ZeroOrOne,
)


class Location(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    code = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    timezone = StringProperty(default="UTC")


class CustomerCategory(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)


class MeetingTheme(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)


class MeetingType(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    duration_minutes = IntegerProperty(required=True)

    theme = RelationshipTo(MeetingTheme, "IN_THEME", cardinality=One)


class Competence(StructuredNode):
    """A (meeting type, customer category) pair; uid is "<meeting type>|<category>"."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    meeting_type = StringProperty(index=True)
    customer_category = StringProperty(index=True)

    of_meeting_type = RelationshipTo(MeetingType, "OF_MEETING_TYPE", cardinality=One)
    of_category = RelationshipTo(CustomerCategory, "OF_CATEGORY", cardinality=One)


class CompetenceGroup(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)

    parent = RelationshipTo("CompetenceGroup", "CHILD_OF", cardinality=ZeroOrOne)
    grants = RelationshipTo(Competence, "GRANTS", cardinality=ZeroOrMore)


class Membership(StructuredRel):
    """Direct service-group membership; a campaign member has a window [valid_from, valid_to)."""

    valid_from = DateTimeProperty()
    valid_to = DateTimeProperty()


class ServiceLevel(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    mode = StringProperty(required=True, choices={"online": "online", "physical": "physical",
                                                  "both": "both"})

    extends_to = RelationshipTo(Location, "EXTENDS_TO", cardinality=ZeroOrMore)
    limited_to = RelationshipTo(MeetingType, "LIMITED_TO", cardinality=ZeroOrMore)


class ServiceGroup(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    email = StringProperty(unique_index=True, required=True)

    active_for_locations = RelationshipTo(Location, "ACTIVE_FOR_LOCATION", cardinality=ZeroOrMore)
    active_for_categories = RelationshipTo(CustomerCategory, "ACTIVE_FOR_CATEGORY",
                                           cardinality=ZeroOrMore)
    active_for_themes = RelationshipTo(MeetingTheme, "ACTIVE_FOR_THEME", cardinality=ZeroOrMore)
    offers = RelationshipTo(ServiceLevel, "OFFERS", cardinality=ZeroOrMore)
    includes = RelationshipTo(CompetenceGroup, "INCLUDES", cardinality=ZeroOrMore)


class User(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    email = StringProperty(unique_index=True, required=True)
    is_admin = BooleanProperty(default=False)
    active = BooleanProperty(default=True, index=True)

    works_at = RelationshipTo(Location, "WORKS_AT", cardinality=ZeroOrMore)
    competence_groups = RelationshipTo(CompetenceGroup, "MEMBER_OF", cardinality=ZeroOrMore)
    service_groups = RelationshipTo(ServiceGroup, "MEMBER_OF", cardinality=ZeroOrMore,
                                    model=Membership)
    manages_competence_groups = RelationshipTo(CompetenceGroup, "MANAGES",
                                               cardinality=ZeroOrMore)
    manages_service_groups = RelationshipTo(ServiceGroup, "MANAGES", cardinality=ZeroOrMore)


class Substitution(StructuredNode):
    """A substitute covering for an absent user in [valid_from, valid_to) (issue 15): it
    made windowed memberships of the absent user's groups for the substitute, each marked
    with `substitution` (this uid) and `substituting_for`, which end by themselves at
    valid_to; `scope` is "account_manager_groups" or "all" (also competence and service
    groups). Ending it early ends those windows (`ended_at`)."""

    uid = StringProperty(unique_index=True, required=True)
    scope = StringProperty(required=True, choices={"account_manager_groups": "books",
                                                   "all": "all"})
    valid_from = DateTimeProperty(required=True)
    valid_to = DateTimeProperty(required=True)
    created_at = DateTimeProperty(required=True)
    created_by = StringProperty(required=True)
    ended_at = DateTimeProperty()

    substitute = RelationshipTo(User, "SUBSTITUTE", cardinality=One)
    for_user = RelationshipTo(User, "FOR_USER", cardinality=One)


class GroupChange(StructuredNode):
    """One recorded change of a competence or service group (DOMAIN.md section 1, "Group
    managers"): who, when, what, before and after. `uid` orders by time; `group` and
    `group_kind` name the group, so the record outlives it (`cypher/manage/record_change`)."""

    uid = StringProperty(unique_index=True, required=True)
    at = DateTimeProperty(required=True)
    actor = StringProperty(required=True)
    group = StringProperty(required=True)
    group_kind = StringProperty(required=True)
    action = StringProperty(required=True)
    aspect = StringProperty(required=True)
    target = StringProperty()
    before = StringProperty()  # JSON text, or absent
    after = StringProperty()


class Settings(StructuredNode):
    """The one global settings node (key "global")."""

    key = StringProperty(unique_index=True, required=True)
    installation_level = StringProperty(default="full")
    second_account_manager_group = BooleanProperty(default=False)


class Lock(StructuredNode):
    """A node whose write lock serialises one kind of read-check-write sequence."""

    name = StringProperty(unique_index=True, required=True)
