"""The bulk-sync document (POST /api/v1/import, `graphsvc import FILE`): sections of the same
bodies the single endpoints take, each row with its uid (upsert by uid), groups with their
members and links. Sections load in the order below; a row may name objects of earlier
sections of the same document or of the database."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from graphsvc.schemas import contacts as contact_schemas
from graphsvc.schemas import org as org_schemas
from graphsvc.schemas.common import GrantWindow, NamedIn, uid_field
from graphsvc.schemas.scheduling import Hours

MAX_ROWS = 1_000_000
MAX_MEMBERS = 100_000


def members_field(**kw) -> fields.List:
    return fields.List(uid_field(), load_default=list,
                       validate=validate.Length(max=MAX_MEMBERS), **kw)


def keyed(schema: type[Schema], name: str, **extra: fields.Field) -> type[Schema]:
    """`schema` with its uid required (the upsert key) and `extra` fields."""
    return type(name, (schema,), {"uid": uid_field(required=True), **extra})


LocationRow = keyed(org_schemas.LocationIn, "LocationRow")
CategoryRow = keyed(NamedIn, "CustomerCategoryRow")
ThemeRow = keyed(NamedIn, "MeetingThemeRow")
MeetingTypeRow = keyed(org_schemas.MeetingTypeIn, "MeetingTypeRow")
UserRow = keyed(org_schemas.UserIn, "UserRow")
UserGroupRow = keyed(NamedIn, "UserGroupRow", members=members_field(metadata={
    "description": "user uids"}))
AccountManagerGroupRow = keyed(NamedIn, "AccountManagerGroupRow", members=members_field(
    metadata={"description": "user uids"}))
CompetenceGroupRow = keyed(
    org_schemas.CompetenceGroupIn, "CompetenceGroupRow",
    members=members_field(metadata={"description": "user uids"}),
    competences=fields.List(fields.Nested(type("CompetenceRow", (Schema,), {
        "meeting_type": uid_field(required=True),
        "customer_category": uid_field(required=True)})), load_default=list,
        validate=validate.Length(max=10_000)))


class ServiceMemberRow(GrantWindow):
    user = uid_field(required=True)


ServiceLevelRow = keyed(org_schemas.ServiceLevelIn, "ServiceLevelRow")
ServiceGroupRow = keyed(
    org_schemas.ServiceGroupIn, "ServiceGroupRow",
    levels=fields.List(fields.Nested(ServiceLevelRow), load_default=list,
                       validate=validate.Length(max=1000)),
    competence_groups=members_field(metadata={"description": "linked competence groups"}),
    members=fields.List(fields.Nested(ServiceMemberRow), load_default=list,
                        validate=validate.Length(max=MAX_MEMBERS)))
DirectoryRow = keyed(contact_schemas.DirectoryIn, "DirectoryRow",
                     users=members_field(metadata={"description": "users granted access"}),
                     user_groups=members_field(metadata={
                         "description": "user groups granted access"}))
ContactRow = keyed(contact_schemas.ContactIn, "ContactRow")
ContactGroupRow = keyed(contact_schemas.ContactGroupIn, "ContactGroupRow",
                        contacts=members_field(metadata={"description": "contact uids"}))


class WorkingHoursRow(Schema):
    user = uid_field(required=True)
    hours = fields.List(fields.Nested(Hours), required=True,
                        validate=validate.Length(max=100), metadata={
                            "description": "the whole week: replaces the user's hours"})


def rows(schema: type[Schema], description: str) -> fields.List:
    return fields.List(fields.Nested(schema), load_default=list,
                       validate=validate.Length(max=MAX_ROWS),
                       metadata={"description": description})


class ImportDocument(Schema):
    """One document; sections load in this order. Missing sections are left alone."""

    replace_members = fields.Boolean(load_default=False, metadata={
        "description": "a group's (and a directory's) members, grants, links and "
                       "competences become exactly the lists given; false adds to them"})
    locations = rows(LocationRow, "locations")
    customer_categories = rows(CategoryRow, "customer categories")
    meeting_themes = rows(ThemeRow, "meeting themes")
    meeting_types = rows(MeetingTypeRow, "meeting types, each in a theme")
    users = rows(UserRow, "users (a new one gets its account-manager group unless it opts "
                          "out); locations are the whole set")
    user_groups = rows(UserGroupRow, "user groups with members")
    account_manager_groups = rows(AccountManagerGroupRow,
                                  "account-manager groups with members")
    competence_groups = rows(CompetenceGroupRow,
                             "competence groups: parent, members, competences")
    service_groups = rows(ServiceGroupRow, "service groups: activation, levels, linked "
                                           "competence groups, members with windows")
    directories = rows(DirectoryRow, "directories with their access grants")
    contacts = rows(ContactRow, "contacts; directories are the whole set")
    contact_groups = rows(ContactGroupRow, "contact groups with member contacts")
    working_hours = rows(WorkingHoursRow, "each user's whole week of working hours")

    @validates_schema
    def _unique_uids(self, data, **kwargs):
        for section, items in data.items():
            if not isinstance(items, list):
                continue
            key = "user" if section == "working_hours" else "uid"
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                if item[key] in seen:
                    raise ValidationError(
                        f"'{item[key]}' is also row {seen[item[key]]}", f"{section}.{index}.{key}")
                seen[item[key]] = index


class ImportArgs(Schema):
    mode = fields.String(load_default="all", validate=validate.OneOf(("all", "batches")),
                         metadata={"description": "all: the whole document or nothing; "
                                                  "batches: each batch of rows commits on "
                                                  "its own (a failure keeps earlier ones)"})


class SectionCounts(Schema):
    created = fields.Integer()
    updated = fields.Integer()
    unchanged = fields.Integer()


class ImportReport(Schema):
    mode = fields.String()
    rows = fields.Integer()
    batches = fields.Integer()
    seconds = fields.Float()
    sections = fields.Dict(keys=fields.String(), values=fields.Nested(SectionCounts),
                           metadata={"example": {"users": {"created": 2, "updated": 1,
                                                           "unchanged": 9997}}})
