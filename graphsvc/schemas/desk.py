"""Bodies of prices, SLA, responsibility, cases, qualifications, teams and tasks."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from graphsvc.schemas.common import (
    AwareDateTime,
    PatchSchema,
    UserRef,
    cursor_field,
    name_field,
    paths_field,
    uid_field,
)
from graphsvc.vocabulary import PROCESSING_DOMAINS

DOMAINS = validate.OneOf(PROCESSING_DOMAINS)
MINUTES = validate.Range(min=1, max=60 * 24 * 365)


class Product(Schema):
    uid = fields.String()
    name = fields.String()


CURRENCY = [validate.Length(equal=3),
            validate.Regexp(r"^[A-Z]{3}$", error="an ISO 4217 code")]


class PriceListIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    currency = fields.String(required=True, validate=CURRENCY)


class PriceListPatch(PatchSchema):
    name = name_field()
    currency = fields.String(validate=CURRENCY)


class ProductPrice(Schema):
    product = fields.String()
    amount = fields.Float()


class PriceList(Schema):
    uid = fields.String()
    name = fields.String()
    currency = fields.String()
    prices = fields.List(fields.Nested(ProductPrice))


class PriceIn(Schema):
    amount = fields.Float(required=True, validate=validate.Range(min=0), allow_nan=False)


class PriorityIn(Schema):
    priority = fields.Integer(required=True, strict=True,
                              validate=validate.Range(min=-1_000_000, max=1_000_000))


class PriceArgs(Schema):
    product = uid_field(required=True)


class PriceCandidate(Schema):
    price_list = fields.String()
    contact_group = fields.String(allow_none=True)
    amount = fields.Float()
    currency = fields.String()
    priority = fields.Integer(allow_none=True)
    personal = fields.Boolean()
    lost_because = fields.String()
    paths = paths_field()


class PriceAnswer(Schema):
    amount = fields.Float()
    currency = fields.String()
    price_list = fields.String()
    contact_group = fields.String(allow_none=True, metadata={
        "description": "null when the contact's personal price list won"})
    personal = fields.Boolean()
    priority = fields.Integer(allow_none=True)
    paths = paths_field()
    candidates = fields.List(fields.Nested(PriceCandidate), metadata={
        "description": "the losing candidates, each with why it lost"})


class SlaLevelIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    severity = fields.String(required=True, validate=validate.Length(min=1, max=50))
    response_minutes = fields.Integer(required=True, strict=True, validate=MINUTES)
    resolution_minutes = fields.Integer(required=True, strict=True, validate=MINUTES)

    @validates_schema
    def _resolution_after_response(self, data, **kwargs):
        if data.get("resolution_minutes", 0) < data.get("response_minutes", 0):
            raise ValidationError("must not be shorter than response_minutes",
                                  "resolution_minutes")


class SlaLevel(Schema):
    uid = fields.String()
    name = fields.String()
    severity = fields.String()
    response_minutes = fields.Integer()
    resolution_minutes = fields.Integer()


class SlaContractIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    levels = fields.List(fields.Nested(SlaLevelIn), required=True,
                         validate=validate.Length(min=1, max=20))
    default_level = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                  metadata={
        "description": "the name or uid of one of the levels"})


class SlaContractPatch(PatchSchema):
    name = name_field()


class SlaContract(Schema):
    uid = fields.String()
    name = fields.String()
    default_level = fields.String()
    levels = fields.List(fields.Nested(SlaLevel))


class ResponsibilityIn(Schema):
    area = uid_field(load_default=None, allow_none=True)
    handler = uid_field(load_default=None, allow_none=True)
    user_group = uid_field(load_default=None, allow_none=True)


class Responsibility(Schema):
    domain = fields.String()
    area = fields.String(allow_none=True)
    handler = fields.String(allow_none=True)
    user_group = fields.String(allow_none=True)


class Responsibilities(Schema):
    items = fields.List(fields.Nested(Responsibility))


class QualificationIn(Schema):
    uid = uid_field()
    name = name_field(required=True)
    scale_min = fields.Integer(required=True, strict=True)
    scale_max = fields.Integer(required=True, strict=True)


class QualificationPatch(PatchSchema):
    name = name_field()


class Qualification(Schema):
    uid = fields.String()
    name = fields.String()
    scale_min = fields.Integer()
    scale_max = fields.Integer()


class RatingIn(Schema):
    rating = fields.Integer(required=True, strict=True)


class HeldQualification(Schema):
    qualification = fields.String()
    rating = fields.Integer()


class HeldQualifications(Schema):
    items = fields.List(fields.Nested(HeldQualification))


class RequirementIn(Schema):
    qualification = uid_field(required=True)
    min_rating = fields.Integer(required=True, strict=True)


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
    status = fields.String(validate=validate.OneOf(("active_new", "active_assigned", "pending",
                                                    "closed")))
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


class SuggestionArgs(Schema):
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=100))


class Suggestion(Schema):
    user = fields.Nested(UserRef)
    last_assigned_at = AwareDateTime()
    assignments = fields.Integer()


class Suggestions(Schema):
    items = fields.List(fields.Nested(Suggestion))


class Team(Schema):
    uid = fields.String()
    name = fields.String()
    members = fields.List(fields.String())


class TaskIn(Schema):
    uid = uid_field()
    title = name_field(required=True)
    due = AwareDateTime(load_default=None, allow_none=True)


class TasksIn(Schema):
    tasks = fields.List(fields.Nested(TaskIn), required=True,
                        validate=validate.Length(min=1, max=5000))


class Task(Schema):
    uid = fields.String()
    title = fields.String()
    status = fields.String()
    team = fields.String()
    claimed_by = fields.String(allow_none=True)
    created_at = AwareDateTime()
    due = AwareDateTime(allow_none=True)


class Tasks(Schema):
    items = fields.List(fields.Nested(Task))


class TaskListArgs(Schema):
    status = fields.String(load_default=None, validate=validate.OneOf(("open", "claimed",
                                                                       "done")))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()




class DefaultAreaIn(Schema):
    area = uid_field(required=True)
