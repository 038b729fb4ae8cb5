"""`Paths` and `Slots` dump explanations and slots directly, without the nested schemas; they
must answer exactly what the schemas they document answer, for any step or slot."""

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st
from marshmallow import Schema, fields

from graphsvc.schemas.common import Paths, Step
from graphsvc.schemas.scheduling import Slot, Slots

zones = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))])
moments = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2199, 12, 30),
                       timezones=zones)
text = st.none() | st.text(max_size=8) | st.integers()
nodes = st.fixed_dictionaries({}, optional={"label": text, "uid": text, "name": text,
                                            "other": text})
steps = st.fixed_dictionaries({"node": nodes}, optional={
    "rel": text, "valid_from": st.none() | moments, "valid_to": st.none() | moments,
    "substitution": text, "note": text, "extra": text})
slots = st.fixed_dictionaries({}, optional={"start": moments, "end": moments})


class Generic(Schema):
    paths = fields.List(fields.List(fields.Nested(Step)), allow_none=True)
    slots = fields.List(fields.Nested(Slot), allow_none=True)


class Direct(Schema):
    paths = Paths(allow_none=True)
    slots = Slots(allow_none=True)


@given(st.none() | st.lists(st.lists(steps, max_size=4), max_size=4),
       st.none() | st.lists(slots, max_size=4))
def test_direct_dumps_answer_what_the_schemas_answer(paths, slot_list):
    answer = {"paths": paths, "slots": slot_list}
    assert Direct().dump(answer) == Generic().dump(answer)


def test_anything_else_goes_through_the_schemas():
    # a date where a step's window wants a datetime, a slot with a string: the schemas decide
    answer = {"paths": [[{"node": {"uid": "kari"}, "valid_from": "2026-12-07"}]],
              "slots": [{"start": "soon"}]}
    try:
        generic = Generic().dump(answer)
    except Exception as exc:  # noqa: BLE001 - whatever the schema raises, Direct raises too
        generic = type(exc)
    try:
        direct = Direct().dump(answer)
    except Exception as exc:  # noqa: BLE001
        direct = type(exc)
    assert direct == generic


def test_a_real_step_dumps_as_api_md_shows_it():
    start = datetime(2026, 12, 7, 9, tzinfo=timezone(timedelta(hours=1)))
    answer = {"paths": [[{"node": {"label": "User", "uid": "kari", "name": "Kari"},
                          "rel": "MEMBER_OF", "valid_from": start, "valid_to": None},
                         {"node": {"label": "UserGroup", "uid": "west", "name": None},
                          "rel": None}]],
              "slots": [{"start": start, "end": start + timedelta(minutes=45)}]}
    assert Direct().dump(answer) == {
        "paths": [[{"node": {"label": "User", "uid": "kari", "name": "Kari"},
                    "rel": "MEMBER_OF", "valid_from": "2026-12-07T09:00:00+01:00",
                    "valid_to": None},
                   {"node": {"label": "UserGroup", "uid": "west", "name": None},
                    "rel": None}]],
        "slots": [{"start": "2026-12-07T08:00:00+00:00", "end": "2026-12-07T08:45:00+00:00"}]}
