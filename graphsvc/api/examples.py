"""Realistic examples for the OpenAPI document, built from the schemas themselves: a field's
`metadata["example"]` if it has one, else a value of the bank's demo org chosen by the
field's name, else one its type and validators accept. `OVERRIDES` holds whole examples
where fields depend on each other (one of two, an order). tests/api/test_openapi.py loads
every request example through its own schema, so an example the API would refuse fails."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

T0 = "2030-12-03T09:00:00+01:00"
T1 = "2030-12-03T10:00:00+01:00"

# By field name (the data key), the demo org of seeds/demo.json.
BY_NAME: dict[str, Any] = {
    "uid": "kari", "user": "kari", "advisor": "kari", "assignee": "kari", "owner": "kari",
    "sender": "kari", "target": "kari", "member": "kari", "agent": "kari",
    "contact": "nora", "customer": "nora", "explain": "cypher", "q": "nor", "home": "bergen",
    "name": "Kari Nordmann", "title": "Call back about the mortgage offer",
    "email": "kari.nordmann@bank.example", "service_group_email": "mortgage-west@bank.example",
    "location": "bergen", "home_location": "bergen", "place": "bergen",
    "locations": ["bergen", "oslo"],
    "code": "BGO", "timezone": "Europe/Oslo", "currency": "NOK",
    "meeting_type": "mortgage", "meeting_types": ["mortgage"], "theme": "loans",
    "meeting_themes": ["loans"], "customer_category": "private", "category": "private",
    "customer_categories": ["private"],
    "directory": "retail-customers", "directories": ["retail-customers"],
    "primary_manager_group": "region-west", "secondary_manager_group": "vip-bergen",
    "area": "helpdesk-west", "team": "helpdesk-west", "service_group": "west-coast-mortgage",
    "subject": "Mortgage renewal", "body": "Nora asks to move her meeting to Thursday.",
    "description": "Mortgage customers on the west coast",
    "reason": "Course in Oslo", "product": "fixed-rate-mortgage", "price_list": "standard",
    "qualification": "mortgage-advice", "domain": "helpdesk",
    "start": T0, "from": T0, "valid_from": T0, "created_at": T0, "at": T0, "as_of": T0,
    "end": T1, "to": T1, "valid_to": T1, "due": T1, "response_due": T1,
    "resolution_due": T1, "cancelled_at": T1,
    "weekday": 2, "duration_minutes": 60, "limit": 50, "slots": 5, "min_rating": 3,
    "rating": 4, "priority": 1, "depth": 3,
    "meeting_theme": "loans", "mode": "online", "kind": "customer", "visibility": "all",
    "label": "User", "rel": "MEMBER_OF", "reasons": ["directory"], "failed": None,
    "severity": "high", "created_by": "kari", "next_cursor": None,
    "Idempotency-Key": "7f3a2c1e-nora-mortgage", "user_group": "bergen-office",
    "contract": "gold-support", "level": "gold-high", "level_name": "Gold, high severity",
}
# The uid, name and email of an object of each kind (by the schema's name), so a contact's
# example names a contact and a location's a location.
KINDS: dict[str, dict[str, str]] = {
    "Contact": {"uid": "nora", "name": "Nora Nilsen", "email": "nora.nilsen@example.no"},
    "Location": {"uid": "bergen", "name": "Bergen"},
    "Booking": {"uid": "bk-8d2f41", "status": "booked"},
    "Case": {"uid": "case-10492", "status": "active_new"},
    "Task": {"uid": "task-311", "status": "open"},
    "Absence": {"uid": "abs-2030-12-04-kari"},
    "Message": {"uid": "msg-5521"},
    "Directory": {"uid": "retail-customers", "name": "Retail customers"},
    "UserGroup": {"uid": "bergen-office", "name": "Bergen office"},
    "AccountManagerGroup": {"uid": "region-west", "name": "Region west"},
    "ContactGroup": {"uid": "first-home-buyers", "name": "First-home buyers"},
    "CompetenceGroup": {"uid": "mortgage-advisors", "name": "Mortgage advisors"},
    "ServiceGroup": {"uid": "west-coast-mortgage", "name": "West coast mortgage team",
                     "email": "mortgage-west@bank.example"},
    "ServiceLevel": {"uid": "wcm-online", "name": "Online from anywhere"},
    "MeetingType": {"uid": "mortgage", "name": "Mortgage"},
    "MeetingTheme": {"uid": "loans", "name": "Loans"},
    "CustomerCategory": {"uid": "private", "name": "Private customers"},
    "Area": {"uid": "helpdesk-west", "name": "Helpdesk west"},
    "Team": {"uid": "helpdesk-west", "name": "Helpdesk west"},
    "PriceList": {"uid": "standard", "name": "Standard prices"},
    "Product": {"uid": "fixed-rate-mortgage", "name": "Fixed-rate mortgage"},
    "Qualification": {"uid": "mortgage-advice", "name": "Mortgage advice"},
    "Sla": {"uid": "gold", "name": "Gold"},
}
# Working hours are wall-clock HH:MM strings, not date-times.
HHMM = {"start": "09:00", "end": "16:00"}

# Whole examples where fields depend on each other.
OVERRIDES: dict[str, dict] = {
    # exactly one of advisor and service_group_email; a location only for physical
    "BookingIn": {"contact": "nora", "meeting_type": "mortgage", "mode": "online",
                  "start": T0, "advisor": "kari"},
    # each op of a what-if takes its own fields
    "WhatIfIn": {"changes": [
        {"op": "remove_member", "kind": "account-manager-group", "group": "region-west",
         "user": "kari"},
        {"op": "move_group", "group": "bergen-mortgage", "parent": "retail"},
        {"op": "revoke_directory", "directory": "retail-customers",
         "user_group": "bergen-office"}], "limit": 50},
}

_DEPTH = 4


def example_for(schema: Schema, depth: int = 0) -> dict:
    """An example object for a schema (dump and load keys alike)."""
    override = OVERRIDES.get(type(schema).__name__)
    if override is not None:
        return dict(override)
    kind = _kind(type(schema).__name__)
    out = {}
    for name, field in schema.fields.items():
        key = field.data_key or name
        value = kind[key] if key in kind and not _choices(field) else \
            _field_value(key, field, depth)
        if value is not None or field.allow_none:
            out[key] = value
    return out


def _kind(schema_name: str) -> dict[str, str]:
    for prefix in sorted(KINDS, key=len, reverse=True):
        if schema_name.startswith(prefix):
            return KINDS[prefix]
    return {}


def _field_value(key: str, field: fields.Field, depth: int) -> Any:
    if "example" in field.metadata:
        return field.metadata["example"]
    choices = _choices(field)
    if choices:
        return choices[0]
    if isinstance(field, fields.Nested):
        if depth >= _DEPTH:
            return None
        nested = field.schema
        value = example_for(nested, depth + 1)
        return [value] if field.many else value
    if isinstance(field, fields.List):
        inner = _field_value(key, field.inner, depth)
        nested_list = isinstance(field.inner, fields.List) or (
            isinstance(field.inner, fields.Nested) and field.inner.many)
        if isinstance(inner, list) and not nested_list:
            return inner  # a name whose example is already a list (locations, ...)
        return [] if inner is None else [inner]
    if isinstance(field, fields.Dict):
        return {}
    if isinstance(field, fields.String) and _is_hhmm(field) and key in HHMM:
        return HHMM[key]
    if key in BY_NAME and not isinstance(field, fields.Boolean):
        value = BY_NAME[key]
        if isinstance(field, fields.DateTime) or not isinstance(value, str) or \
                not _is_datetime_text(value):
            return value
    return _by_type(field)


def _by_type(field: fields.Field) -> Any:
    if isinstance(field, fields.Boolean):
        return True
    if isinstance(field, fields.DateTime):
        return T0
    if isinstance(field, fields.Integer):
        return _range_min(field, 1)
    if isinstance(field, fields.Float):
        return float(_range_min(field, 1))
    if isinstance(field, fields.Email):
        return "kari.nordmann@bank.example"
    if isinstance(field, fields.String):
        return "kari"
    return None


def _validators(field: fields.Field) -> list:
    found = list(field.validators)
    for v in list(found):
        if isinstance(v, validate.And):
            found.extend(v.validators)
    return found


def _choices(field: fields.Field) -> list | None:
    for v in _validators(field):
        if isinstance(v, validate.OneOf):
            return list(v.choices)
    return None


def _range_min(field: fields.Field, default: int) -> int:
    for v in _validators(field):
        if isinstance(v, validate.Range) and v.min is not None:
            return max(v.min, default) if v.max is None or default <= v.max else v.min
    return default


def _is_hhmm(field: fields.Field) -> bool:
    return any(isinstance(v, validate.Regexp) and "[0-5]" in v.regex.pattern
               for v in _validators(field))


def _is_datetime_text(value: str) -> bool:
    return len(value) > 10 and value[4] == "-" and "T" in value


def value_for(name: str, json_schema: dict) -> Any:
    """An example for a query or path parameter from its name and JSON schema."""
    if name == "cursor":
        return None
    if "enum" in json_schema:
        return json_schema["enum"][0]
    kind, fmt = json_schema.get("type"), json_schema.get("format")
    if fmt == "date-time":
        return BY_NAME.get(name, T0)
    value = BY_NAME.get(name)
    if kind == "boolean":
        return False
    if kind == "integer":
        return value if isinstance(value, int) else json_schema.get("minimum", 1)
    if kind == "array":
        return value if isinstance(value, list) else None
    if kind == "string":
        return value if isinstance(value, str) and not _is_datetime_text(value) else None
    return None
