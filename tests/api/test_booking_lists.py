"""Lists of bookings (DOMAIN.md section 2 under section 3's visibility): an advisor's
calendar and day, a contact's bookings, by status; pages of 1 and 50 give the same set in
start order with no duplicates and no gaps, and a booking whose contact the acting user does
not see is never listed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from graphsvc.pagination import encode_cursor
from graphsvc.seed import load_data, wipe
from graphsvc.services import bookings
from tests import factories as f
from tests.conftest import OWNER_LABEL
from tests.helpers import ApiClient

MON = datetime(2030, 12, 9, 8, tzinfo=UTC)
PUBLIC = [f"c{i}" for i in range(4)]
PRIVATE = ["vip0", "vip1"]
SEES = {"admin": set(PUBLIC + PRIVATE), "kari": set(PUBLIC), "viewer": set(PUBLIC),
        "banker": {"vip1"}, "stranger": set()}


@pytest.fixture(scope="module")
def calendar(app, graph):
    """Built once for the module (seeded bookings: the tests only read, but one)."""
    g = graph
    wipe(g, keep_label=OWNER_LABEL)
    f.admin(g)
    rows, contacts = [], PUBLIC + PRIVATE
    # three days; kari and ola meet at the same times (ties on start break on uid)
    for day in range(3):
        for slot in range(4):
            start = MON + timedelta(days=day, hours=2 * slot)
            for advisor in ("kari", "ola"):
                n = len(rows)
                rows.append({"uid": f"b{n:03d}", "advisor": advisor,
                             "contact": contacts[n % len(contacts)],
                             "meeting_type": "mortgage", "mode": "online", "location": None,
                             "start": start.isoformat(),
                             "end": (start + timedelta(hours=1)).isoformat()})
    load_data(g, {
        "locations": [{"uid": "bergen", "name": "Bergen", "timezone": "Europe/Oslo"}],
        "meeting_themes": [{"uid": "loans", "name": "Loans"}],
        "meeting_types": [{"uid": "mortgage", "name": "Mortgage", "theme": "loans",
                           "duration_minutes": 60}],
        "users": [{"uid": u, "name": u, "email": f"{u}@b.example"}
                  for u in ("kari", "ola", "viewer", "banker", "stranger")],
        "account_manager_groups": [{"uid": "book", "name": "Book", "members": ["banker"]}],
        "directories": [{"uid": "public", "name": "Public", "visibility": "all",
                         "users": ["kari", "viewer"]},
                        {"uid": "private", "name": "Private", "visibility": "assigned",
                         "users": ["banker", "viewer"]}],
        "contacts": [{"uid": c, "name": c, "directories": ["public"]} for c in PUBLIC]
        + [{"uid": c, "name": c, "directories": ["private"],
            "primary_manager_group": "book" if c == "vip1" else None} for c in PRIVATE],
        "bookings": rows,
    })
    # the API stores UTC as an offset, the seeds as a named zone: ola's bookings take the
    # API's spelling, so equal starts of kari and ola meet in the contact lists spelled apart
    g.write_tx(lambda tx: tx.run(
        "MATCH (:User {uid: 'ola'})<-[:WITH_ADVISOR]-(b:Booking) "
        "SET b.start = datetime({datetime: b.start, timezone: '+00:00'}), "
        "b.end = datetime({datetime: b.end, timezone: '+00:00'})").consume())
    bookings.cancel(g, "admin", "b001")
    made = [bookings.get_booking(g, "admin", r["uid"]) for r in rows]
    yield made
    wipe(g, keep_label=OWNER_LABEL)


DAY2 = {"from": (MON + timedelta(days=1)).replace(hour=0).isoformat(),
        "to": (MON + timedelta(days=2)).replace(hour=0).isoformat()}
FILTERS = [{"advisor": "kari"}, {"advisor": "ola"}, {"advisor": "me"},
           {"advisor": "kari", **DAY2}, {"advisor": "kari", "from": DAY2["from"]},
           {"advisor": "ola", "to": DAY2["from"]},
           # a window that starts inside a meeting: the meeting overlaps it and is listed
           {"advisor": "kari", "from": (MON + timedelta(minutes=30)).isoformat(),
            "to": (MON + timedelta(hours=3)).isoformat()},
           {"contact": "c0"}, {"contact": "vip1"}, {"contact": "vip0", "advisor": "ola"},
           {"advisor": "ola", "status": "cancelled"}, {"contact": "c1", "status": "booked"}]


def expected(made, user, filters):
    want = {**filters}
    if want.get("advisor") == "me":
        want["advisor"] = user
    lo = datetime.fromisoformat(want.pop("from")) if "from" in want else None
    hi = datetime.fromisoformat(want.pop("to")) if "to" in want else None
    return [b["uid"] for b in sorted(made, key=lambda b: (b["start"], b["uid"]))
            if b["contact"] in SEES[user]
            and (want.get("advisor") in (None, b["advisor"]["uid"]))
            and all(b[k] == v for k, v in want.items() if k != "advisor")
            and (lo is None or b["end"] > lo) and (hi is None or b["start"] < hi)]


def listed(api, user, filters, size):
    return [item["uid"] for item in api.walk("/api/v1/bookings", filters, size, as_=user)]


@pytest.mark.parametrize("user", list(SEES))
@pytest.mark.parametrize("filters", FILTERS, ids=lambda x: ",".join(f"{k}={v}" for k, v
                                                                    in x.items()))
def test_every_filter_pages_of_1_and_50_the_same_set_and_hidden_bookings_absent(
        app, calendar, user, filters):
    api = ApiClient(app.test_client())
    want = expected(calendar, user, filters)
    assert len(set(want)) == len(want)
    assert listed(api, user, filters, 50) == want
    assert listed(api, user, filters, 1) == want


def test_the_fixture_covers_what_it_claims(calendar):
    assert expected(calendar, "admin", {"advisor": "ola", "status": "cancelled"}) == ["b001"]
    assert expected(calendar, "kari", {"contact": "vip1"}) == []
    assert expected(calendar, "banker", {"contact": "vip1"})
    assert expected(calendar, "admin", {"advisor": "kari", "from": DAY2["from"],
                                        "to": DAY2["to"]}) == [
        "b008", "b010", "b012", "b014"]
    starts = [b["start"] for b in calendar if b["advisor"]["uid"] == "kari"]
    assert len(starts) == len(set(starts))  # ties are across advisors: see contact lists


def test_an_advisors_day_in_order_with_what_the_booking_holds(app, calendar):
    api = ApiClient(app.test_client())
    res = api.get("/api/v1/bookings", query_string={"advisor": "kari", **DAY2})
    assert res.status_code == 200, res.json
    first = res.json["items"][0]
    assert first["advisor"]["uid"] == "kari" and first["meeting_type"] == "mortgage"
    assert first["start"] == "2030-12-10T08:00:00+00:00"
    assert first["end"] == "2030-12-10T09:00:00+00:00"


@pytest.mark.parametrize("query, field", [
    ({}, "advisor"),
    ({"status": "booked"}, "advisor"),
    ({"advisor": "kari", "from": DAY2["to"], "to": DAY2["from"]}, "to"),
    ({"advisor": "kari", "from": "2030-12-10T00:00:00"}, "from"),
    ({"advisor": "kari", "status": "maybe"}, "status"),
    ({"advisor": "kari", "limit": 0}, "limit"),
    ({"advisor": "kari", "cursor": "nonsense!"}, "cursor"),
    ({"advisor": "kari", "cursor": encode_cursor("b003")}, "cursor"),
    ({"advisor": "kari", "cursor": encode_cursor(["yesterday", "b003"])}, "cursor"),
    ({"advisor": "kari", "color": "red"}, "color"),
])
def test_bad_queries_name_the_field(app, calendar, query, field):
    api = ApiClient(app.test_client())
    res = api.get("/api/v1/bookings", query_string=query)
    assert res.status_code == 422, res.json
    assert field in res.json["error"]["fields"], res.json
