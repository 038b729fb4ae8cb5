"""Bodies of working hours, absences, availability and bookings."""

from __future__ import annotations

from datetime import UTC, datetime

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from graphsvc.schemas.common import (
    AwareDateTime,
    UserRef,
    at_field,
    cursor_field,
    email_field,
    name_field,
    paths_field,
    uid_field,
)
from graphsvc.schemas.replay import CYPHER, CYPHER_DESCRIPTION, Replayed, explain_field

HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$", error="a time HH:MM")
MODES = ("online", "physical")


class Hours(Schema):
    location = uid_field(required=True)
    weekday = fields.Integer(required=True, strict=True, validate=validate.Range(1, 7),
                             metadata={"description": "ISO weekday: 1 = Monday .. 7 = Sunday"})
    start = fields.String(required=True, validate=[validate.Length(max=5), HHMM])
    end = fields.String(required=True, validate=[validate.Length(max=5), HHMM])


class WorkingHoursIn(Schema):
    hours = fields.List(fields.Nested(Hours), required=True,
                        validate=validate.Length(max=100))


class WorkingHours(Schema):
    user = fields.String()
    hours = fields.List(fields.Nested(Hours))


class Span(Schema):
    start = AwareDateTime(required=True)
    end = AwareDateTime(required=True)

    @validates_schema
    def _in_order(self, data, **kwargs):
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            raise ValidationError("must be after start", "end")


class AbsenceIn(Span):
    uid = uid_field()
    reason = name_field(load_default=None, allow_none=True)


class Absence(Schema):
    uid = fields.String()
    start = AwareDateTime()
    end = AwareDateTime()
    reason = fields.String(allow_none=True)


class AvailabilityArgs(Schema):
    contact = uid_field(required=True)
    meeting_type = uid_field(required=True)
    mode = fields.String(required=True, validate=validate.OneOf(MODES))
    location = uid_field(load_default=None, metadata={
        "description": "where a physical meeting takes place (physical only)"})
    start = AwareDateTime(required=True, data_key="from")
    end = AwareDateTime(required=True, data_key="to")
    explain = explain_field("excluded", CYPHER, description=(
        "comma-separated: `excluded`: also list active users who are not eligible, with the "
        f"first condition that failed (one page of users, see cursor); {CYPHER_DESCRIPTION}"))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    slots = fields.Integer(load_default=10, validate=validate.Range(min=1, max=200), metadata={
        "description": "free slots listed per advisor"})
    cursor = cursor_field(metadata={"description": "next page of excluded"})
    at = at_field()


class Slot(Schema):
    start = AwareDateTime()
    end = AwareDateTime()


def _utc(value) -> str | None:
    if value is None:
        return None
    return (value.astimezone(UTC) if value.tzinfo is not None else value).isoformat()


class Slots(fields.List):
    """A list of `Slot`s, dumped directly (fifty advisors' ten slots each are a thousand
    instants; see `Paths` for why), as `Slot` would dump them."""

    def __init__(self, **kw):
        super().__init__(fields.Nested(Slot), **kw)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if not all(type(slot) is dict and slot.keys() <= {"start", "end"}
                   and all(isinstance(v, datetime) for v in slot.values()) for slot in value):
            return super()._serialize(value, attr, obj, **kwargs)
        return [{key: _utc(slot[key]) for key in ("start", "end") if key in slot}
                for slot in value]


class EligibleAdvisor(Schema):
    user = fields.Nested(UserRef)
    slots = Slots()
    paths = paths_field()


class ExcludedAdvisor(Schema):
    user = fields.Nested(UserRef)
    failed = fields.String(metadata={"description": "competence, reach, presence or time"})
    paths = paths_field()


class Availability(Replayed):
    advisors = fields.List(fields.Nested(EligibleAdvisor))
    excluded = fields.List(fields.Nested(ExcludedAdvisor))
    next_cursor = fields.String(allow_none=True)


class BookingIn(Schema):
    uid = uid_field()
    contact = uid_field(required=True)
    meeting_type = uid_field(required=True)
    mode = fields.String(required=True, validate=validate.OneOf(MODES))
    location = uid_field(load_default=None, allow_none=True)
    start = AwareDateTime(required=True)
    advisor = uid_field(load_default=None, allow_none=True)
    service_group_email = email_field(load_default=None, allow_none=True)

    @validates_schema
    def _one_chooser(self, data, **kwargs):
        if bool(data.get("advisor")) == bool(data.get("service_group_email")):
            raise ValidationError("name exactly one of advisor and service_group_email",
                                  "advisor")


BOOKING_STATUSES = ("booked", "cancelled")


class BookingListArgs(Schema):
    advisor = uid_field(load_default=None, metadata={
        "description": "an advisor's uid, or `me` for the acting user's own calendar"})
    contact = uid_field(load_default=None)
    from_ = AwareDateTime(load_default=None, data_key="from", metadata={
        "description": "bookings that end after this time"})
    to = AwareDateTime(load_default=None, metadata={
        "description": "bookings that start before this time"})
    status = fields.String(load_default=None, validate=validate.OneOf(BOOKING_STATUSES))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()

    @validates_schema
    def _anchored(self, data, **kwargs):
        if not data.get("advisor") and not data.get("contact"):
            raise ValidationError("name an advisor or a contact (or both)", "advisor")
        if data.get("from_") and data.get("to") and data["to"] <= data["from_"]:
            raise ValidationError("must be later than from", "to")


class Selection(Schema):
    service_group = fields.String()
    candidates = fields.Integer()
    bookings_that_day = fields.Integer()
    earliest_free_slot = AwareDateTime()
    reason = fields.String()


class Booking(Schema):
    uid = fields.String()
    advisor = fields.Nested(UserRef)
    contact = fields.String()
    meeting_type = fields.String()
    mode = fields.String()
    location = fields.String(allow_none=True)
    service_group = fields.String(allow_none=True)
    start = AwareDateTime()
    end = AwareDateTime()
    status = fields.String()
    created_by = fields.String()
    created_at = AwareDateTime()
    cancelled_at = AwareDateTime(allow_none=True)
    paths = paths_field()
    selection = fields.Nested(Selection)


class BookingAnswer(Replayed, Booking):
    """A booking as its creation answers it."""
