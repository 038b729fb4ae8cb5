"""Bodies of the contact, directory, group, area, message and access endpoints."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from graphsvc.schemas.common import (
    AwareDateTime,
    PatchSchema,
    at_field,
    email_field,
    name_field,
    paths_field,
    uid_field,
    uid_list,
)
from graphsvc.schemas.replay import CYPHER, Replayed, explain_field
from graphsvc.vocabulary import PROCESSING_DOMAINS

KINDS = ("customer", "supplier", "colleague")
VISIBILITY = ("all", "assigned")


class ContactIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    email = email_field(load_default=None, allow_none=True)
    kind = fields.String(load_default="customer", validate=validate.OneOf(KINDS))
    customer_category = uid_field(allow_none=True)
    home_location = uid_field(allow_none=True)
    directories = uid_list(required=True, validate=validate.Length(min=1, max=100), metadata={
        "description": "every contact is stored in one or more directories"})
    primary_manager_group = uid_field(allow_none=True)
    secondary_manager_group = uid_field(allow_none=True, metadata={
        "description": "only while the setting 'second account-manager group' is on"})


class ContactPatch(PatchSchema):
    name = name_field()
    email = email_field(allow_none=True)
    kind = fields.String(validate=validate.OneOf(KINDS))
    customer_category = uid_field(allow_none=True)
    home_location = uid_field(allow_none=True)
    directories = uid_list(validate=validate.Length(min=1, max=100))
    primary_manager_group = uid_field(allow_none=True)
    secondary_manager_group = uid_field(allow_none=True)


class Contact(Schema):
    uid = fields.String()
    name = fields.String()
    email = fields.String(allow_none=True)
    kind = fields.String()
    customer_category = fields.String(allow_none=True)
    home_location = fields.String(allow_none=True)
    directories = fields.List(fields.String())
    primary_manager_group = fields.String(allow_none=True)
    secondary_manager_group = fields.String(allow_none=True)


class ContactRef(Schema):
    uid = fields.String()
    name = fields.String()
    email = fields.String(allow_none=True)
    kind = fields.String()


class DirectoryIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    visibility = fields.String(required=True, validate=validate.OneOf(VISIBILITY), metadata={
        "description": "all: everyone with access sees every contact; assigned: only the "
                       "contacts of the user's account-manager groups"})


class DirectoryPatch(PatchSchema):
    name = name_field()
    visibility = fields.String(validate=validate.OneOf(VISIBILITY))


class Directory(Schema):
    uid = fields.String()
    name = fields.String()
    visibility = fields.String()
    users = fields.List(fields.String())
    user_groups = fields.List(fields.String())


class UserGroup(Schema):
    uid = fields.String()
    name = fields.String()
    members = fields.List(fields.String())


class AccountManagerGroup(UserGroup):
    eponymous_of = fields.String(allow_none=True)


class AreaIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    kind = fields.String(load_default="processing",
                         validate=validate.OneOf(("project", "processing")))


class AreaPatch(PatchSchema):
    name = name_field()
    kind = fields.String(validate=validate.OneOf(("project", "processing")))


class Area(Schema):
    uid = fields.String()
    name = fields.String()
    kind = fields.String()
    users = fields.List(fields.String())
    user_groups = fields.List(fields.String())


class ContactGroupIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    directory = uid_field(required=True, metadata={"description": "the one directory it "
                                                   "belongs to (members may come from any)"})
    priority = fields.Integer(load_default=0, strict=True,
                              validate=validate.Range(min=-1_000_000, max=1_000_000))


class ContactGroupPatch(PatchSchema):
    name = name_field()
    directory = uid_field()
    priority = fields.Integer(strict=True, validate=validate.Range(min=-1_000_000,
                                                                   max=1_000_000))


class ContactGroup(Schema):
    uid = fields.String()
    name = fields.String()
    directory = fields.String()
    priority = fields.Integer()


class AccessArgs(Schema):
    user = uid_field(load_default=None, metadata={
        "description": "whose access (default: the acting user; others: admins only)"})
    at = at_field()
    explain = explain_field(CYPHER)


class AccessAnswer(Replayed):
    user = fields.String()
    contact = fields.String()
    allowed = fields.Boolean()
    reasons = fields.List(fields.String(), metadata={
        "description": "admin, directory (mode all) and/or assigned"})
    failed = fields.String(metadata={
        "description": "only when denied: the first failed condition of the visibility rule: "
                       "inactive (the user), directory (no directory holding the contact is "
                       "accessible to the user), assigned (only assigned directories are, "
                       "and the contact is in none of the user's account-manager groups) or "
                       "secondary (as assigned, but the contact's secondary group is the "
                       "user's, and secondary groups count only while the setting "
                       "second_account_manager_group is on)"})
    paths = paths_field(metadata={
        "description": "allowed: the paths that grant it; denied: the closest ones (the "
                       "user; the contact's directories; the user's access to assigned "
                       "directories and the contact's account-manager groups)"})


class CampaignStatusIn(Schema):
    status = name_field(required=True)
    advisor = uid_field(load_default=None, allow_none=True, metadata={
        "description": "informational only: grants no visibility, changes no ownership"})


class CampaignStatus(Schema):
    contact = fields.String()
    area = fields.String()
    status = fields.String()
    advisor = fields.String(allow_none=True)


class MessageIn(Schema):
    uid = uid_field()
    contact = uid_field(load_default=None, metadata={
        "description": "required unless `case` is given (then it is the case's contact)"})
    case = uid_field(load_default=None, metadata={
        "description": "a ticket's message: the case's area and routed user group protect "
                       "it (area, user_group and domain are then the case's)"})
    subject = name_field(required=True)
    body = fields.String(load_default="", validate=validate.Length(max=100_000))
    area = uid_field(load_default=None, allow_none=True)
    recipient = uid_field(load_default=None, allow_none=True, metadata={
        "description": "makes the message private to its recipient (and sender)"})
    user_group = uid_field(load_default=None, allow_none=True, metadata={
        "description": "restricts the content to this user group"})
    domain = fields.String(load_default=None, allow_none=True,
                           validate=validate.OneOf(PROCESSING_DOMAINS), metadata={
        "description": "processing domain: without an explicit area the message lands "
                       "where the contact's groups say, restricted to their user group"})

    @validates_schema
    def _contact_or_case(self, data, **kwargs):
        if not data.get("contact") and not data.get("case"):
            raise ValidationError("required unless case is given", field_name="contact")


class Message(Schema):
    uid = fields.String()
    contact = fields.String()
    case = fields.String(allow_none=True)
    sent_at = AwareDateTime()
    sender = fields.String()
    area = fields.String(allow_none=True)
    private = fields.Boolean()
    recipient = fields.String(allow_none=True)
    user_group = fields.String(allow_none=True)
    readable = fields.Boolean()
    withheld_because = fields.List(fields.String())
    subject = fields.String(allow_none=True, metadata={"description": "null when withheld"})
    body = fields.String(allow_none=True, metadata={"description": "null when withheld"})
