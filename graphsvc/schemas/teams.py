"""Bodies of teams and their task pools (DOMAIN.md 7)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from graphsvc.schemas.common import (
    AwareDateTime,
    cursor_field,
    name_field,
    uid_field,
)
from graphsvc.schemas.replay import Replayed


class Team(Schema):
    uid = fields.String()
    name = fields.String()
    members = fields.List(fields.String())


class TaskIn(Schema):
    uid = uid_field()
    title = name_field(required=True)
    due = AwareDateTime(load_default=None, allow_none=True)
    contact = uid_field(load_default=None, allow_none=True, metadata={
        "description": "the contact the task concerns: only members who see it may pull it"})


class TasksIn(Schema):
    tasks = fields.List(fields.Nested(TaskIn), required=True,
                        validate=validate.Length(min=1, max=5000))


class Task(Schema):
    uid = fields.String()
    title = fields.String()
    status = fields.String()
    team = fields.String()
    contact = fields.String(allow_none=True)
    claimed_by = fields.String(allow_none=True)
    created_at = AwareDateTime()
    due = AwareDateTime(allow_none=True)


class TaskAnswer(Replayed, Task):
    """A task as a pull answers it."""


class Tasks(Schema):
    items = fields.List(fields.Nested(Task))


class TaskListArgs(Schema):
    status = fields.String(load_default=None, validate=validate.OneOf(("open", "claimed",
                                                                       "done")))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = cursor_field()
