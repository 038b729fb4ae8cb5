"""Substitutions (issue 15): who covers for whom, in which window, over which groups."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import AwareDateTime, cursor_field, uid_field
from graphsvc.services.substitutions import SCOPES


class SubstitutionIn(Schema):
    uid = uid_field(load_default=None)
    substitute = uid_field(required=True, metadata={"description": "who covers"})
    for_user = uid_field(required=True, metadata={"description": "the absent user"})
    valid_from = AwareDateTime(load_default=None, data_key="from", metadata={
        "description": "default: now; not in the past"})
    valid_to = AwareDateTime(required=True, data_key="to", metadata={
        "description": "the substitution ends by itself then (at most 366 days on)"})
    scope = fields.String(load_default="account_manager_groups",
                          validate=validate.OneOf(SCOPES), metadata={
        "description": "account_manager_groups (the absent user's customers), or all "
                       "(also their competence and service groups)"})


class SubstitutionGrant(Schema):
    uid = fields.String()
    name = fields.String(allow_none=True)
    kind = fields.String(metadata={"description": "account-manager-group, competence-group "
                                                  "or service-group"})
    valid_from = AwareDateTime()
    valid_to = AwareDateTime(allow_none=True)


class Substitution(Schema):
    uid = fields.String()
    substitute = fields.String()
    for_user = fields.String()
    scope = fields.String()
    valid_from = AwareDateTime(data_key="from")
    valid_to = AwareDateTime(data_key="to")
    ended_at = AwareDateTime(allow_none=True, metadata={"description": "ended early, then"})
    created_at = AwareDateTime()
    created_by = fields.String()
    groups = fields.List(fields.Nested(SubstitutionGrant), metadata={
        "description": "the windowed memberships it made"})


class SubstitutionListArgs(Schema):
    user = uid_field(load_default=None, metadata={
        "description": "only those where this user substitutes or is substituted (others "
                       "than oneself: admins only)"})
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()
