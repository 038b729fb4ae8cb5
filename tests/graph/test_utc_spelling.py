"""One spelling of UTC in the store: what the seed loaders write compares equal to what the
API (the driver) sends for the same instant, and `graphsvc db migrate` rewrites the older
named-zone spelling."""

from datetime import UTC, datetime, timedelta

from graphsvc.schema import migrate
from graphsvc.seed import load_data

T = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
ISO = "2026-12-01T10:00:00Z"


def seed_times(graph):
    load_data(graph, {
        "locations": [{"uid": "oslo", "code": "OSL", "name": "Oslo", "timezone": "Europe/Oslo"}],
        "users": [{"uid": "u", "name": "U", "email": "u@bank.example", "locations": ["oslo"]}],
        "contacts": [{"uid": "c", "name": "C", "email": "c@example.no", "kind": "customer",
                      "home_location": "oslo"}],
        "meeting_themes": [{"uid": "loans", "name": "Loans"}],
        "meeting_types": [{"uid": "mt", "name": "MT", "duration_minutes": 60, "theme": "loans"}],
        "service_groups": [{"uid": "sg", "name": "SG", "email": "sg@bank.example",
                            "members": [{"user": "u", "valid_from": ISO, "valid_to": ISO}]}],
        "absences": [{"uid": "a", "user": "u", "start": ISO, "end": ISO, "reason": "x"}],
        "bookings": [{"uid": "b", "advisor": "u", "contact": "c", "meeting_type": "mt",
                      "mode": "online", "start": ISO, "end": ISO}],
        "cases": [{"uid": "k", "subject": "S", "severity": "low", "status": "new",
                   "contact": "c", "created_at": ISO, "response_due": ISO,
                   "resolution_due": ISO}],
    })


SEEDED = """
MATCH (b:Booking {uid: 'b'}), (a:Absence {uid: 'a'}), (k:Case {uid: 'k'}),
      (:User {uid: 'u'})-[m:MEMBER_OF]->(:ServiceGroup {uid: 'sg'})
UNWIND [b.start, b.end, a.start, a.end, k.created_at, k.response_due, k.resolution_due,
        k.pull_due, m.valid_from, m.valid_to] AS v
RETURN v = $t AS equal, v > $t AS later, v < $t AS earlier
"""


def compare(graph, t):
    return graph.read_tx(lambda tx: [r.data() for r in tx.run(SEEDED, t=t)])


def test_seeded_times_equal_a_request_time_at_the_same_instant(graph):
    seed_times(graph)
    rows = compare(graph, T)
    assert len(rows) == 10
    assert rows == [{"equal": True, "later": False, "earlier": False}] * 10
    # ... and still order correctly against other instants.
    assert compare(graph, T - timedelta(seconds=1))[0] == {
        "equal": False, "later": True, "earlier": False}


def test_migrate_rewrites_named_utc_and_is_idempotent(graph):
    seed_times(graph)
    named = """
    MATCH (b:Booking {uid: 'b'}), (a:Absence {uid: 'a'}), (k:Case {uid: 'k'}),
          (:User {uid: 'u'})-[m:MEMBER_OF]->(:ServiceGroup {uid: 'sg'})
    WITH b, a, k, m, datetime({datetime: b.start, timezone: 'UTC'}) AS n
    SET b.start = n, b.end = n, a.start = n, a.end = n, k.created_at = n,
        k.response_due = n, k.resolution_due = n, k.pull_due = n, m.valid_from = n,
        m.valid_to = n
    """
    graph.write_tx(lambda tx: tx.run(named).consume())
    assert not any(r["equal"] for r in compare(graph, T)), "the named zone must differ first"
    assert migrate(graph).rewritten == {"migrations/utc_offset_times": 4}
    assert all(r["equal"] for r in compare(graph, T))
    assert migrate(graph).up_to_date
