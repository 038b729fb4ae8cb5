"""Bodies of the org-structure endpoints."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import (
    AwareDateTime,
    PatchSchema,
    UserRef,
    cursor_field,
    email_field,
    name_field,
    paths_field,
    uid_field,
    uid_list,
    validate_timezone,
)
from graphsvc.schemas.replay import Replayed

MODES = ("online", "physical", "both")


class LocationIn(Schema):
    uid = uid_field()
    code = fields.String(required=True, validate=validate.Length(min=1, max=50))
    name = name_field(required=True)
    timezone = fields.String(load_default="UTC",
                             validate=[validate.Length(max=64), validate_timezone])


class LocationPatch(PatchSchema):
    code = fields.String(validate=validate.Length(min=1, max=50))
    name = name_field()
    timezone = fields.String(validate=[validate.Length(max=64), validate_timezone])


class Location(Schema):
    uid = fields.String()
    code = fields.String()
    name = fields.String()
    timezone = fields.String()


class UserIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    email = email_field(required=True)
    is_admin = fields.Boolean(load_default=False)
    active = fields.Boolean(load_default=True)
    locations = uid_list(load_default=list)
    account_manager_group = fields.Boolean(load_default=True, load_only=True, metadata={
        "description": "create the account-manager group named after the user "
                       "(uid amg-<user uid>) with the user as member; false opts out"})


class UserPatch(PatchSchema):
    name = name_field()
    email = email_field()
    is_admin = fields.Boolean()
    active = fields.Boolean()
    locations = uid_list()


class User(Schema):
    uid = fields.String()
    name = fields.String()
    email = fields.String()
    is_admin = fields.Boolean()
    active = fields.Boolean()
    locations = fields.List(fields.String())


class CustomerCategory(Schema):
    uid = fields.String()
    name = fields.String()


class MeetingTheme(Schema):
    uid = fields.String()
    name = fields.String()
    meeting_types = fields.List(fields.String())


DURATION = validate.Range(min=5, max=8 * 60)


class MeetingTypeIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    duration_minutes = fields.Integer(required=True, strict=True, validate=DURATION)
    theme = uid_field(required=True)


class MeetingTypePatch(PatchSchema):
    name = name_field()
    duration_minutes = fields.Integer(strict=True, validate=DURATION)
    theme = uid_field()


class MeetingType(Schema):
    uid = fields.String()
    name = fields.String()
    duration_minutes = fields.Integer()
    theme = fields.String()


class CompetencePair(Schema):
    meeting_type = fields.String()
    customer_category = fields.String()


class CompetenceGroupIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    parent = uid_field(load_default=None, allow_none=True)


class CompetenceGroupPatch(PatchSchema):
    name = name_field()
    parent = uid_field(allow_none=True, metadata={
        "description": "move under this group; null moves the group to the roots"})


class CompetenceGroup(Schema):
    uid = fields.String()
    name = fields.String()
    parent = fields.String(allow_none=True)
    layer = fields.Integer()
    competences = fields.List(fields.Nested(CompetencePair))
    subgroups = fields.List(fields.String())


class EffectiveCompetence(CompetencePair):
    paths = paths_field()


class EffectiveCompetences(Replayed):
    user = fields.String()
    competences = fields.List(fields.Nested(EffectiveCompetence))
    unrestricted = fields.Boolean()


class Activation(Schema):
    locations = uid_list(load_default=list)
    customer_categories = uid_list(load_default=list)
    meeting_themes = uid_list(load_default=list)


class ServiceLevelIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    mode = fields.String(required=True, validate=validate.OneOf(MODES))
    locations = uid_list(load_default=list, metadata={
        "description": "extra locations; none means every location"})
    meeting_types = uid_list(load_default=list, metadata={
        "description": "only these meeting types; none means every type"})


class ServiceLevel(Schema):
    uid = fields.String()
    name = fields.String()
    mode = fields.String()
    locations = fields.List(fields.String())
    meeting_types = fields.List(fields.String())


class ServiceGroupIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    email = email_field(required=True)
    activation = fields.Nested(Activation, load_default=dict)


class ServiceGroupPatch(PatchSchema):
    name = name_field()
    email = email_field()
    activation = fields.Nested(Activation)


class ServiceGroup(Schema):
    uid = fields.String()
    name = fields.String()
    email = fields.String()
    activation = fields.Nested(Activation)
    levels = fields.List(fields.Nested(ServiceLevel))
    competence_groups = fields.List(fields.String())


class MembersArgs(Schema):
    at = AwareDateTime(load_default=None, metadata={"description": "default: now"})
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()


class Member(Schema):
    user = fields.Nested(UserRef)
    paths = paths_field()


class MemberPage(Schema):
    items = fields.List(fields.Nested(Member))
    next_cursor = fields.String(allow_none=True)


class ActivationArgs(Schema):
    location = uid_field(required=True, metadata={"description": "customer's home location"})
    customer_category = uid_field(required=True)
    meeting_theme = uid_field(required=True)


class Dimension(Schema):
    restricted = fields.Boolean()
    matched = fields.Boolean()


class Dimensions(Schema):
    location = fields.Nested(Dimension)
    customer_category = fields.Nested(Dimension)
    meeting_theme = fields.Nested(Dimension)


class ActivationResult(Schema):
    uid = fields.String()
    name = fields.String()
    matches = fields.Boolean()
    dimensions = fields.Nested(Dimensions)
    paths = paths_field()


class ActivationList(Schema):
    service_groups = fields.List(fields.Nested(ActivationResult))


class SettingsIn(PatchSchema):
    installation_level = fields.String(validate=validate.OneOf(("full", "basic")), metadata={
        "description": "full: service levels apply to online and physical meetings; "
                       "basic: service groups extend service for online meetings only"})
    second_account_manager_group = fields.Boolean(metadata={
        "description": "contacts may have a secondary account-manager group (it counts for "
                       "visibility only while this is on)"})
    default_user = uid_field(allow_none=True, metadata={
        "description": "new cases no handler is responsible for go to this user"})


class DomainArea(Schema):
    domain = fields.String()
    area = fields.String()


class Settings(Schema):
    installation_level = fields.String()
    second_account_manager_group = fields.Boolean()
    default_user = fields.String(allow_none=True)
    default_areas = fields.List(fields.Nested(DomainArea))


# -- group managers (DOMAIN.md section 1, "Group managers") ---------------------------------

class GroupRef(Schema):
    uid = fields.String()
    name = fields.String()


class ManagedGroup(Schema):
    kind = fields.String(metadata={"description": "competence-group or service-group"})
    group = fields.Nested(GroupRef)
    paths = paths_field()


class MayChangeArgs(Schema):
    user = uid_field(load_default=None, metadata={
        "description": "whose right (default: the acting user; others: admins only)"})


class MayChange(Schema):
    user = fields.String()
    allowed = fields.Boolean()
    admin = fields.Boolean(metadata={"description": "allowed as an administrator"})
    reason = fields.String(allow_none=True, metadata={
        "description": "only when refused: the group the user would need to manage"})
    paths = paths_field()


class GroupChange(Schema):
    uid = fields.String()
    at = fields.DateTime()
    actor = fields.String(metadata={"description": "the acting user (system: the CLI)"})
    action = fields.String(metadata={"description": "create, update, delete, add or remove"})
    aspect = fields.String(metadata={
        "description": "group, members, competences, managers, competence-groups, levels"})
    target = fields.String(allow_none=True, metadata={
        "description": "the member, manager, competence or level changed"})
    before = fields.Raw(allow_none=True, metadata={"description": "null: did not exist"})
    after = fields.Raw(allow_none=True, metadata={"description": "null: no longer exists"})
