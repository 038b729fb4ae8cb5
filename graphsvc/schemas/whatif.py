"""What-if (issue 15): changes to simulate, and what they would change."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from graphsvc.schemas.common import uid_field
from graphsvc.schemas.org import Activation, ServiceLevelIn
from graphsvc.services.whatif import MEMBER_LINKS, OPS

NEEDS = {"move_group": ("group", "parent"), "add_member": ("kind", "group", "user"),
         "remove_member": ("kind", "group", "user"), "deactivate_user": ("user",),
         "grant_directory": ("directory",), "revoke_directory": ("directory",),
         "set_activation": ("service_group", "activation"),
         "add_level": ("service_group", "level"), "remove_level": ("service_group", "level_uid")}
FIELDS = ("group", "parent", "kind", "user", "user_group", "directory", "service_group",
          "activation", "level", "level_uid")


class Change(Schema):
    op = fields.String(required=True, validate=validate.OneOf(OPS))
    group = uid_field(metadata={"description": "move_group: the competence group; "
                                               "add/remove_member: the group"})
    parent = uid_field(allow_none=True, metadata={
        "description": "move_group: the new parent (null: a root)"})
    kind = fields.String(validate=validate.OneOf(tuple(MEMBER_LINKS)), metadata={
        "description": "add/remove_member: the group's kind"})
    user = uid_field()
    user_group = uid_field(metadata={"description": "grant/revoke_directory: to a user group "
                                                    "instead of a user"})
    directory = uid_field()
    service_group = uid_field()
    activation = fields.Nested(Activation)
    level = fields.Nested(ServiceLevelIn, metadata={"description": "add_level: the level"})
    level_uid = uid_field(metadata={"description": "remove_level: the level's uid"})

    @validates_schema
    def _fields_of_the_op(self, data, **kwargs):
        op = data.get("op")
        if op not in NEEDS:
            return
        missing = [name for name in NEEDS[op] if name not in data]
        if missing:
            raise ValidationError({name: [f"required for {op}"] for name in missing})
        if op in ("grant_directory", "revoke_directory") and \
                ("user" in data) == ("user_group" in data):
            raise ValidationError({"user": ["give exactly one of user and user_group"]})
        extra = [name for name in FIELDS if name in data and name not in NEEDS[op]
                 and not (op.endswith("_directory") and name in ("user", "user_group"))]
        if extra:
            raise ValidationError({name: [f"not taken by {op}"] for name in extra})


class WhatIfIn(Schema):
    changes = fields.List(fields.Nested(Change), required=True,
                          validate=validate.Length(min=1, max=100))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500), metadata={
        "description": "pairs listed per side (gained, lost)"})


class UserCount(Schema):
    user = fields.String()
    count = fields.Integer()


class Pair(Schema):
    user = fields.String()
    contact = fields.String()


class VisibilitySide(Schema):
    count = fields.Integer()
    per_user = fields.List(fields.Nested(UserCount))
    pairs = fields.List(fields.Nested(Pair), metadata={"description": "the first page"})


class VisibilityDiff(Schema):
    gained = fields.Nested(VisibilitySide)
    lost = fields.Nested(VisibilitySide)


class CompetenceDiff(Schema):
    user = fields.String()
    gained = fields.List(fields.String(), metadata={"description": "meeting type|category"})
    lost = fields.List(fields.String())
    unrestricted_before = fields.Boolean()
    unrestricted_after = fields.Boolean()


class AdvisorChange(Schema):
    meeting_type = fields.String()
    mode = fields.String()
    customers = fields.Integer(metadata={"description": "customers who gain (or lose) an "
                                                        "eligible advisor for this"})
    advisors = fields.List(fields.String(), metadata={"description": "the advisors gained "
                                                                     "(or lost)"})
    first = fields.List(fields.String(), metadata={"description": "the first customers, by "
                                                                  "uid"})


class EligibilityDiff(Schema):
    gained = fields.List(fields.Nested(AdvisorChange))
    lost = fields.List(fields.Nested(AdvisorChange))


class Refusal(Schema):
    index = fields.Integer(metadata={"description": "the change's place in `changes`"})
    op = fields.String()
    code = fields.String(metadata={"description": "depth_limit or cycle"})
    message = fields.String()
    details = fields.Dict()


class WhatIfAnswer(Schema):
    visibility = fields.Nested(VisibilityDiff)
    competences = fields.List(fields.Nested(CompetenceDiff))
    eligibility = fields.Nested(EligibilityDiff, metadata={
        "description": "customers who gain or lose an eligible advisor (conditions 1 to 3), "
                       "per meeting type and mode"})
    refused = fields.List(fields.Nested(Refusal), metadata={
        "description": "changes the real change would refuse (not applied)"})
    users_compared = fields.List(fields.String())
