"""Safe retries: a POST with an Idempotency-Key is carried out once, and every repeat with
the same key and body gets the first answer, status and body; 32 of them in parallel too."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests import factories as f

BOOKING = {"contact": "cust", "meeting_type": "mortgage", "mode": "online",
           "start": "2030-12-03T10:00:00+00:00", "advisor": "kari"}


@pytest.fixture
def world(api, admin, clean_graph):
    g = clean_graph
    f.branch(g)
    f.contact(g, "cust", home="bergen", category="private", directories=["public"])
    from graphsvc.services import cases, conditions, crud

    conditions.set_default_user(g, "kari")
    crud.create(g, cases.TEAM, {"uid": "team1", "name": "Team"})
    return g


def count(graph, label: str) -> int:
    return graph.read_one("system/count_label", label=label)["count"]


def post(api, path, body, key, as_="admin"):
    return api.post(path, json=body, as_=as_, headers={"Idempotency-Key": key})


def test_32_parallel_retries_of_one_booking_key_give_one_booking_and_32_identical_answers(
        api, world):
    with ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(lambda _: post(api, "/api/v1/bookings", BOOKING, "book-1"),
                                range(32)))
    assert {res.status_code for res in answers} == {201}
    assert len({res.data for res in answers}) == 1
    assert count(world, "Booking") == 1
    assert sum(res.headers.get("Idempotent-Replayed") == "true" for res in answers) == 31
    # and later still the same answer
    assert post(api, "/api/v1/bookings", BOOKING, "book-1").data == answers[0].data


def test_the_same_key_with_another_body_is_422_and_writes_nothing(api, world):
    assert post(api, "/api/v1/bookings", BOOKING, "k").status_code == 201
    other = {**BOOKING, "start": "2030-12-03T12:00:00+00:00"}
    res = post(api, "/api/v1/bookings", other, "k")
    assert res.status_code == 422
    assert res.json["error"]["code"] == "idempotency_key_reused"
    assert res.json["error"]["fields"] == {"Idempotency-Key": [
        "already used with a different request"]}
    assert count(world, "Booking") == 1


def test_a_refusal_is_remembered_like_a_success(api, world):
    taken = api.post("/api/v1/bookings", json=BOOKING)
    assert taken.status_code == 201
    first = post(api, "/api/v1/bookings", BOOKING, "late")
    assert first.status_code == 409
    assert api.delete(f"/api/v1/bookings/{taken.json['uid']}").status_code == 204
    # the slot is free now, but the key's answer stays the one it got
    again = post(api, "/api/v1/bookings", BOOKING, "late")
    assert (again.status_code, again.data) == (first.status_code, first.data)
    assert count(world, "Booking") == 1


def test_keys_belong_to_their_user(api, world):
    body = {"contact": "cust", "subject": "Hello"}
    a = post(api, "/api/v1/messages", body, "same", as_="admin")
    b = post(api, "/api/v1/messages", body, "same", as_="kari")
    assert a.status_code == b.status_code == 201
    assert a.json["uid"] != b.json["uid"]
    assert count(world, "Message") == 2


@pytest.mark.parametrize("path, body, label", [
    ("/api/v1/cases", {"contact": "cust", "subject": "Help"}, "Case"),
    ("/api/v1/messages", {"contact": "cust", "subject": "Hi"}, "Message"),
    ("/api/v1/teams/team1/tasks", {"tasks": [{"title": "a"}, {"title": "b"}]}, "Task"),
])
def test_cases_messages_and_tasks_are_created_once(api, world, path, body, label):
    first = post(api, path, body, "once")
    assert first.status_code == 201, first.json
    for _ in range(3):
        assert post(api, path, body, "once").data == first.data
    assert count(world, label) == (2 if label == "Task" else 1)
    assert api.post(path, json=body).status_code == 201  # no key: a new one each time


def test_a_bad_key_is_422(api, world):
    res = post(api, "/api/v1/bookings", BOOKING, "x" * 201)
    assert res.status_code == 422 and "Idempotency-Key" in res.json["error"]["fields"]
    assert count(world, "Booking") == 0


def test_the_header_is_in_the_document(api):
    spec = api.get("/openapi.json").json
    for path in ("/api/v1/bookings", "/api/v1/cases", "/api/v1/messages",
                 "/api/v1/teams/{uid}/tasks"):
        names = [p["name"] for p in spec["paths"][path]["post"].get("parameters", [])]
        assert "Idempotency-Key" in names, path
