"""Bodies of qualifications, cases, their SLA and assignment (DOMAIN.md 6)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import (
    AwareDateTime,
    PatchSchema,
    UserRef,
    cursor_field,
    name_field,
    paths_field,
    uid_field,
)
from graphsvc.schemas.replay import CYPHER, Replayed, explain_field
from graphsvc.vocabulary import PROCESSING_DOMAINS

DOMAINS = validate.OneOf(PROCESSING_DOMAINS)
CASE_STATUSES = ("active_new", "active_assigned", "pending", "closed")


# Ratings are small whole numbers (a 1-5 or 0-100 scale); the bound keeps them far inside
# Neo4j's 64-bit integers.
RATING = validate.Range(min=-1_000_000, max=1_000_000)


class QualificationIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    scale_min = fields.Integer(required=True, strict=True, validate=RATING)
    scale_max = fields.Integer(required=True, strict=True, validate=RATING)


class QualificationPatch(PatchSchema):
    name = name_field()


class Qualification(Schema):
    uid = fields.String()
    name = fields.String()
    scale_min = fields.Integer()
    scale_max = fields.Integer()


class RatingIn(Schema):
    rating = fields.Integer(required=True, strict=True, validate=RATING)


class HeldQualification(Schema):
    qualification = fields.String()
    rating = fields.Integer()


class HeldQualifications(Schema):
    items = fields.List(fields.Nested(HeldQualification))


class RequirementIn(Schema):
    qualification = uid_field(required=True)
    min_rating = fields.Integer(required=True, strict=True, validate=RATING)


class CaseIn(Schema):
    uid = uid_field()
    contact = uid_field(required=True)
    subject = name_field(required=True)
    domain = fields.String(load_default="helpdesk", validate=DOMAINS)
    severity = fields.String(load_default=None, allow_none=True,
                             validate=validate.Length(min=1, max=50))
    requirements = fields.List(fields.Nested(RequirementIn), load_default=list,
                               validate=validate.Length(max=20))


class CasePatch(PatchSchema):
    subject = name_field()
    status = fields.String(validate=validate.OneOf(CASE_STATUSES))
    severity = fields.String(validate=validate.Length(min=1, max=50), metadata={
        "description": "moves the case to the matching level and recomputes its due times"})


class SlaOverrideIn(Schema):
    contract = uid_field(required=True)
    level = uid_field(required=True)


class AssignIn(Schema):
    user = uid_field(required=True)


class CaseSla(Schema):
    contract = fields.String()
    level = fields.String()
    level_name = fields.String()
    severity = fields.String()
    manual = fields.Boolean()
    response_due = AwareDateTime(allow_none=True)
    resolution_due = AwareDateTime(allow_none=True)


class SkippedHandler(Schema):
    user = fields.String()
    reason = fields.String()


class Case(Schema):
    uid = fields.String()
    subject = fields.String()
    domain = fields.String()
    severity = fields.String(allow_none=True)
    status = fields.String()
    contact = fields.String()
    area = fields.String(allow_none=True)
    assignee = fields.String(allow_none=True)
    user_group = fields.String(allow_none=True)
    sla = fields.Nested(CaseSla, allow_none=True)
    requirements = fields.List(fields.Nested(RequirementIn))
    created_at = AwareDateTime()
    updated_at = AwareDateTime(allow_none=True)
    closed_at = AwareDateTime(allow_none=True)
    created_by = fields.String(allow_none=True)
    paths = paths_field()
    skipped_handlers = fields.List(fields.Nested(SkippedHandler), metadata={
        "description": "on creation: responsible handlers passed over because they do not "
                       "see the contact (work goes only to people who can open it)"})


class CaseAnswer(Replayed, Case):
    """A case as a decision answers it (opened, pulled)."""


class CaseListArgs(Schema):
    status = fields.String(load_default=None, validate=validate.OneOf(CASE_STATUSES),
                           metadata={"description": "e.g. active_new: the queue"})
    assignee = uid_field(load_default=None, metadata={
        "description": "a user's uid, or `me` for the acting user's cases"})
    area = uid_field(load_default=None)
    domain = fields.String(load_default=None, validate=DOMAINS)
    contact = uid_field(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()


class SuggestionArgs(Schema):
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=100))
    explain = explain_field(CYPHER)


class Suggestion(Schema):
    user = fields.Nested(UserRef)
    last_assigned_at = AwareDateTime()
    assignments = fields.Integer()


class Suggestions(Replayed):
    items = fields.List(fields.Nested(Suggestion))
