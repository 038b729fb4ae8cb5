"""Availability and booking through the API: the contract, conflicts, cancelling, booking by
a service group's email, and 32 parallel requests for one advisor."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from tests import factories as f

TUE = datetime(2030, 12, 3, tzinfo=UTC)


@pytest.fixture
def world(api, admin, clean_graph):
    g = clean_graph
    f.location(g, "bergen")
    f.location(g, "oslo")
    f.category(g, "private")
    f.theme(g, "loans")
    f.meeting_type(g, "mortgage", "loans", duration=60)
    f.contact(g, "cust", home="bergen", category="private")
    for uid in ("kari", "ola"):
        f.user(g, uid, locations=("bergen",))
        f.hours(g, uid, ("bergen", 2, "09:00", "17:00"))
    return g


def booking(start, advisor="kari", **kw):
    return {"contact": "cust", "meeting_type": "mortgage", "mode": "online",
            "start": start.isoformat(), "advisor": advisor, **kw}


def test_availability_endpoint_contract(api, world):
    res = api.get("/api/v1/availability?contact=cust&meeting_type=mortgage&mode=online"
                  "&from=2030-12-03T00:00:00%2B01:00&to=2030-12-04T00:00:00%2B01:00&slots=2")
    assert res.status_code == 200, res.json
    advisors = res.json["advisors"]
    assert [a["user"]["uid"] for a in advisors] == ["kari", "ola"]
    assert advisors[0]["slots"] == [
        {"start": "2030-12-03T08:00:00+00:00", "end": "2030-12-03T09:00:00+00:00"},
        {"start": "2030-12-03T08:15:00+00:00", "end": "2030-12-03T09:15:00+00:00"}]
    assert advisors[0]["paths"][0][0]["node"] == {"label": "User", "uid": "kari",
                                                  "name": "Kari"}
    assert "excluded" not in res.json


def test_availability_bad_input(api, world):
    base = "/api/v1/availability?contact=cust&meeting_type=mortgage"
    window = "&from=2030-12-03T00:00:00Z&to=2030-12-04T00:00:00Z"
    assert api.get(base + "&mode=teleport" + window).status_code == 422
    res = api.get(base + "&mode=physical" + window)
    assert res.status_code == 422 and "location" in res.json["error"]["fields"]
    res = api.get(base + "&mode=online&from=2030-12-03T00:00:00&to=2030-12-04T00:00:00Z")
    assert res.status_code == 422 and "from" in res.json["error"]["fields"]
    res = api.get("/api/v1/availability?contact=ghost&meeting_type=mortgage&mode=online" + window)
    assert res.status_code == 422 and "contact" in res.json["error"]["fields"]
    # the meeting's place is checked in the request's own context query
    res = api.get(base + "&mode=physical&location=atlantis" + window)
    assert res.status_code == 422 and res.json["error"]["code"] == "unknown_reference"
    assert res.json["error"]["fields"] == {"location": ["unknown location 'atlantis'"]}


def test_explain_excluded(api, world):
    f.user(world, "far", locations=("oslo",))
    res = api.get("/api/v1/availability?contact=cust&meeting_type=mortgage&mode=online"
                  "&from=2030-12-03T00:00:00Z&to=2030-12-04T00:00:00Z&explain=excluded")
    assert res.status_code == 200
    excluded = {e["user"]["uid"]: e for e in res.json["excluded"]}
    assert set(excluded) == {"admin", "far"}
    assert excluded["far"]["failed"] == "reach"
    assert excluded["far"]["paths"][0][-1]["node"]["uid"] == "oslo"


def test_book_conflict_cancel_rebook(api, world, clean_graph):
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9)))
    assert res.status_code == 201, res.json
    body = res.json
    assert body["advisor"]["uid"] == "kari" and body["status"] == "booked"
    assert body["end"] == "2030-12-03T10:00:00+00:00"
    assert body["paths"] and body["created_by"] == "admin"
    # Overlapping: 09:30 for 60 minutes.
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9, minute=30)))
    assert res.status_code == 409 and res.json["error"]["code"] == "slot_taken"
    # Adjacent is fine.
    assert api.post("/api/v1/bookings", json=booking(TUE.replace(hour=10))).status_code == 201
    assert api.delete(f"/api/v1/bookings/{body['uid']}").status_code == 204
    assert api.get(f"/api/v1/bookings/{body['uid']}").json["status"] == "cancelled"
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9, minute=30),
                                                    advisor="kari"))
    assert res.status_code == 409  # 09:30-10:30 still overlaps the 10:00 booking
    assert api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9))).status_code == 201
    assert api.delete("/api/v1/bookings/nope").status_code == 404


def count_bookings(graph):
    return graph.read_one("system/count_label", label="Booking")["count"]


def refusal(res, status, code, field):
    assert res.status_code == status, res.json
    assert res.json["error"]["code"] == code, res.json
    assert field in res.json["error"]["fields"], res.json
    return res.json["error"]


def test_booking_refusals_write_nothing(api, world, clean_graph):
    f.user(clean_graph, "far", locations=("oslo",))
    f.hours(clean_graph, "far", ("oslo", 2, "09:00", "17:00"))
    error = refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9),
                                                              advisor="far")),
                    409, "not_available", "advisor")
    assert error["details"]["failed"] == "reach"
    # The nearest path: where the advisor works, which the customer's home is not.
    assert error["details"]["paths"][0][-1]["node"]["uid"] == "oslo"
    refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9, second=30))),
            422, "invalid", "start")
    refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9), advisor="ghost")),
            422, "unknown_reference", "advisor")
    res = api.post("/api/v1/bookings", json={**booking(TUE.replace(hour=9)),
                                             "service_group_email": "x@y.no"})
    assert res.status_code == 422 and "advisor" in res.json["error"]["fields"]
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9), meeting_type="nope"))
    assert res.status_code == 422 and "meeting_type" in res.json["error"]["fields"]
    refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9), mode="physical",
                                                      location="atlantis")),
            422, "unknown_reference", "location")
    assert count_bookings(clean_graph) == 0


def test_outside_working_hours_is_not_available_not_slot_taken(api, world, clean_graph):
    # 06:00 UTC is before Kari's 09:00 Bergen hours: nothing holds the time, she cannot.
    error = refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=6))),
                    409, "not_available", "advisor")
    assert error["details"]["failed"] == "time"
    assert error["details"]["paths"], "the paths that made her otherwise eligible"
    # Off her slot grid (slots start 09:00, 09:15, ... local): not available either.
    error = refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9, minute=5))),
                    409, "not_available", "advisor")
    assert error["details"]["failed"] == "time"
    assert count_bookings(clean_graph) == 0
    # A real conflict is slot_taken.
    assert api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9))).status_code == 201
    refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9, minute=15))),
            409, "slot_taken", "start")
    assert count_bookings(clean_graph) == 1


def test_a_start_in_the_past_is_422(api, world, clean_graph):
    past = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(days=7)
    error = refusal(api.post("/api/v1/bookings", json=booking(past)), 422, "invalid", "start")
    assert "past" in error["fields"]["start"][0]
    assert count_bookings(clean_graph) == 0


def test_physical_without_hours_at_the_location_fails_time(api, world, clean_graph):
    # Works at Bergen and Oslo, but has hours only in Bergen; Oslo is reachable through a
    # physical service level.
    f.user(clean_graph, "visiting", locations=("bergen", "oslo"))
    f.hours(clean_graph, "visiting", ("bergen", 2, "09:00", "17:00"))
    f.service_group(clean_graph, "visits")
    f.level(clean_graph, "visits", "physical")
    f.service_member(clean_graph, "visits", "visiting")
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9), mode="physical",
                                                    location="oslo", advisor="visiting"))
    assert refusal(res, 409, "not_available", "advisor")["details"]["failed"] == "time"
    # Stavanger is reachable too, but she does not work there: presence.
    f.location(clean_graph, "stavanger")
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9), mode="physical",
                                                    location="stavanger", advisor="visiting"))
    assert refusal(res, 409, "not_available", "advisor")["details"]["failed"] == "presence"
    assert count_bookings(clean_graph) == 0


def test_group_refusals_name_the_closest_condition(api, world, clean_graph):
    f.service_group(clean_graph, "team")
    f.level(clean_graph, "team", "online")
    f.service_member(clean_graph, "team", "kari")
    by_group = {"advisor": None, "service_group_email": "team@groups.example"}
    # Before anyone's hours: not_available (time), with each member's condition.
    error = refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=6), **by_group)),
                    409, "not_available", "service_group_email")
    assert error["details"]["failed"] == "time"
    assert error["details"]["members"] == [{"user": "kari", "failed": "time"}]
    # Kari booked at 09:00: the group's only member is taken then.
    assert api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9))).status_code == 201
    refusal(api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9), **by_group)),
            409, "slot_taken", "start")
    assert count_bookings(clean_graph) == 1


def test_booking_by_service_group_email_picks_fewest_bookings(api, world, clean_graph):
    f.service_group(clean_graph, "team")
    f.level(clean_graph, "team", "online")
    f.service_member(clean_graph, "team", "kari")
    f.service_member(clean_graph, "team", "ola")
    # Kari already has a meeting that day: Ola has fewer bookings and is picked.
    assert api.post("/api/v1/bookings", json=booking(TUE.replace(hour=14))).status_code == 201
    res = api.post("/api/v1/bookings", json=booking(
        TUE.replace(hour=9), advisor=None, service_group_email="team@groups.example"))
    assert res.status_code == 201, res.json
    assert res.json["advisor"]["uid"] == "ola"
    assert res.json["service_group"] == "team"
    assert res.json["selection"]["bookings_that_day"] == 0
    assert "fewest bookings" in res.json["selection"]["reason"]
    # Now both have one; the earliest free slot decides (Kari is free from 08:00 UTC, Ola's
    # 08:00 is booked), so Kari gets 12:00.
    res = api.post("/api/v1/bookings", json=booking(
        TUE.replace(hour=12), advisor=None, service_group_email="team@groups.example"))
    assert res.json["advisor"]["uid"] == "kari"
    res = api.post("/api/v1/bookings", json=booking(
        TUE.replace(hour=9), advisor=None, service_group_email="nobody@groups.example"))
    assert res.status_code == 422 and "service_group_email" in res.json["error"]["fields"]


@pytest.mark.slow
def test_32_parallel_bookings_give_one_booking_and_31_conflicts(api, world, clean_graph):
    """Repeated 20 times, each round on a fresh, overlapping set of start times."""
    clients = [api.__class__(api.client.application.test_client()) for _ in range(32)]
    for round_no in range(20):
        day = TUE + timedelta(days=7 * round_no)  # every Tuesday
        starts = [day.replace(hour=8) + timedelta(minutes=15 * (i % 4)) for i in range(32)]

        def attempt(i, starts=starts):
            return clients[i].post("/api/v1/bookings", json=booking(starts[i])).status_code

        with ThreadPoolExecutor(max_workers=32) as pool:
            codes = list(pool.map(attempt, range(32)))
        assert sorted(codes) == [201] + [409] * 31, (round_no, codes)
    rows = clean_graph.read_one("system/count_label", label="Booking")
    assert rows["count"] == 20


def test_a_contact_the_actor_does_not_see_is_unknown_for_availability_and_booking(
        api, world, clean_graph):
    f.directory(clean_graph, "hidden", "assigned", users=["kari"])
    from graphsvc.actor import Actor
    from graphsvc.services import contacts

    contacts.update_contact(clean_graph, Actor("admin", True), "cust",
                            {"directories": ["hidden"]})
    url = ("/api/v1/availability?contact=cust&meeting_type=mortgage&mode=online"
           "&from=2030-12-03T00:00:00Z&to=2030-12-04T00:00:00Z")
    res = api.get(url, as_="kari")
    assert res.status_code == 422 and "contact" in res.json["error"]["fields"]
    assert api.get(url).status_code == 200  # the admin sees every contact
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=9)), as_="kari")
    assert res.status_code == 422 and "contact" in res.json["error"]["fields"]


def test_slots_and_bookings_follow_the_local_grid_of_the_hours(api, world, clean_graph):
    # Hours 09:10-10:40 in Asia/Kolkata (UTC+05:30) = 03:40-05:10 UTC: on no UTC quarter hour.
    f.location(clean_graph, "mumbai", timezone="Asia/Kolkata")
    f.contact(clean_graph, "ravi", home="mumbai", category="private")
    f.user(clean_graph, "priya", locations=("mumbai",))
    f.hours(clean_graph, "priya", ("mumbai", 2, "09:10", "10:40"))
    res = api.get("/api/v1/availability", query_string={
        "contact": "ravi", "meeting_type": "mortgage", "mode": "online",
        "from": TUE.isoformat(), "to": (TUE + timedelta(days=1)).isoformat()})
    assert res.status_code == 200, res.json
    [advisor] = res.json["advisors"]
    assert [s["start"][11:16] for s in advisor["slots"]] == ["03:40", "03:55", "04:10"]
    res = api.post("/api/v1/bookings", json=booking(TUE.replace(hour=3, minute=40),
                                                    advisor="priya", contact="ravi"))
    assert res.status_code == 201, res.json
    assert res.json["end"] == TUE.replace(hour=4, minute=40).isoformat()
