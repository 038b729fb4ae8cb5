"""Field types and building blocks shared by the domain schemas."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

# Lists, not validate.And: apispec documents each validator (maxLength, pattern).
UID = [validate.Length(min=1, max=100),
       validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._:@-]*$",
                       error="letters, digits and . _ : @ - only")]
NAME = validate.Length(min=1, max=200)


def uid_field(**kw) -> fields.String:
    return fields.String(validate=UID, **kw)


def uid_list(**kw) -> fields.List:
    kw.setdefault("validate", validate.Length(max=500))
    return fields.List(fields.String(validate=UID), **kw)


def name_field(**kw) -> fields.String:
    return fields.String(validate=NAME, **kw)


def email_field(**kw) -> fields.Email:
    """An email address, at most 254 characters (RFC 5321's path limit)."""
    return fields.Email(validate=validate.Length(max=254), **kw)


def cursor_field(**kw) -> fields.String:
    """The opaque `cursor` of a keyset page (see graphsvc.pagination)."""
    kw.setdefault("metadata", {"description": "next_cursor of the previous page"})
    return fields.String(load_default=None, validate=validate.Length(max=400), **kw)


def at_field(**kw):
    """`at`: the instant a decision is asked at (issue 15): the grants valid then decide.
    Default now; the past is for administrators, the future shows planned changes."""
    return AwareDateTime(load_default=None, metadata={
        "description": "the instant to decide at (default: now); the past: admins only"},
        **kw)


def validate_timezone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError("not an IANA time zone") from exc


EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


class AwareDateTime(fields.AwareDateTime):
    """ISO 8601 with an offset in; UTC to the database and out; between 1900 and 2199.

    Everything is normalised to UTC because Neo4j orders two DateTimes of the same instant
    but different offsets by their zone: 10:00+01:00 <= 09:00Z is false there. The range
    keeps every computation (a meeting's end, a day's bounds, epoch milliseconds) far from
    the ends of Python's and Neo4j's calendars."""

    RANGE_NOTE = "ISO 8601 with an offset (encode + as %2B in a query), 1900-01-01 to 2199-12-31"

    def __init__(self, *args, **kwargs):
        metadata = dict(kwargs.pop("metadata", None) or {})
        metadata["description"] = "; ".join(
            part for part in (metadata.get("description"), self.RANGE_NOTE) if part)
        metadata.setdefault("maxLength", 64)  # enforced in _deserialize
        super().__init__(*args, metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value) > 64:
            raise ValidationError("not an ISO 8601 date-time")
        moment = super()._deserialize(value, attr, data, **kwargs)
        try:
            moment = moment.astimezone(UTC)
        except OverflowError as exc:
            raise ValidationError("must lie between 1900-01-01 and 2199-12-31") from exc
        if not EARLIEST <= moment < LATEST:
            raise ValidationError("must lie between 1900-01-01 and 2199-12-31")
        return moment

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class GrantWindow(Schema):
    """A grant's validity window [valid_from, valid_to), UTC; a missing start is now (or the
    live window's own start), a missing end is open."""
    valid_from = AwareDateTime(load_default=None, allow_none=True)
    valid_to = AwareDateTime(load_default=None, allow_none=True)

    @validates_schema
    def _window_in_order(self, data, **kwargs):
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end <= start:
            raise ValidationError("must be after valid_from", "valid_to")


class NodeRef(Schema):
    label = fields.String()
    uid = fields.String()
    name = fields.String(allow_none=True)


class Step(Schema):
    node = fields.Nested(NodeRef)
    rel = fields.String(allow_none=True)
    # only on a relationship with a validity window (a grant): [valid_from, valid_to), UTC
    valid_from = fields.DateTime(allow_none=True)
    valid_to = fields.DateTime(allow_none=True)
    # only on a membership a substitution made: its uid, and "substituting for X until T"
    substitution = fields.String()
    note = fields.String()


def _text(value):
    return None if value is None else str(value)


class Paths(fields.List):
    """API.md explanations: a list of paths, each a list of `Step`s.

    An answer can hold hundreds of steps (fifty advisors with their paths), and dumping
    them through the nested schemas took most of an availability answer's serialisation
    (5 to 7 ms for fifty advisors). The steps `graphsvc.db.path_steps` builds are plain
    dicts of known keys, so they are dumped directly, field for field as `Step` and
    `NodeRef` would; `tests/unit/test_fast_dump.py` holds the two to the same output. The
    schemas still document the field and dump anything that is not such a dict."""

    def __init__(self, **kw):
        super().__init__(fields.List(fields.Nested(Step)), **kw)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        try:
            return [[_step(step) for step in path] for path in value]
        except _NotPlain:
            return super()._serialize(value, attr, obj, **kwargs)


class _NotPlain(Exception):
    pass


_NODE_KEYS = ("label", "uid", "name")


def _step(step) -> dict:
    if type(step) is not dict or type(step.get("node")) is not dict:
        raise _NotPlain
    node = step["node"]
    out = {"node": {k: _text(node[k]) for k in _NODE_KEYS if k in node}}
    if "rel" in step:
        out["rel"] = _text(step["rel"])
    for key in ("valid_from", "valid_to"):
        if key in step:
            value = step[key]
            if value is not None and not isinstance(value, datetime):
                raise _NotPlain
            out[key] = None if value is None else value.isoformat()
    for key in ("substitution", "note"):
        if key in step:
            out[key] = _text(step[key])
    return out


def paths_field(**kw) -> fields.List:
    """API.md explanations: a list of paths, each a list of steps."""
    return Paths(**kw)


class UserRef(Schema):
    """A user as other objects name it."""

    uid = fields.String()
    name = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    active = fields.Boolean()


class NamedIn(Schema):
    uid = uid_field()
    name = name_field(required=True)


class PatchSchema(Schema):
    """A PATCH names at least one field to change; an empty one is a mistake, not a no-op."""

    @validates_schema
    def _not_empty(self, data, **kwargs):
        if not data:
            raise ValidationError("name at least one field to change", "_schema")


class NamedPatch(PatchSchema):
    name = name_field()
