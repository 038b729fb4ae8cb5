"""Property: on random orgs, the availability search (which judges candidates in batches, in
the order of a lower bound of their earliest slot, and stops at the page) answers exactly what
judging every active user in full gives: the same advisors in the same order, with the same
slots and paths, for pages of 1, 2, 3 and 50."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphsvc.seed import load_data, wipe
from graphsvc.services import availability
from graphsvc.services.availability import Request
from tests.conftest import OWNER_LABEL

TUE = datetime(2030, 12, 3, tzinfo=UTC)  # a Tuesday; Oslo is UTC+1 in December
ADVISORS = [f"a{i}" for i in range(10)]
LOCATIONS = ["loc0", "loc1", "loc2"]
TIMES = ["08:00", "09:00", "09:30", "10:15", "12:00", "13:00", "15:00"]


@st.composite
def spans(draw):
    day = draw(st.sampled_from([0, 0, 0, 1, 2]))  # mostly on the Tuesday every search holds
    start = TUE + timedelta(days=day, hours=draw(st.integers(6, 12)),
                            minutes=draw(st.sampled_from([0, 15, 30, 45])))
    return start, start + timedelta(minutes=draw(st.sampled_from([30, 60, 240])))


@st.composite
def worlds(draw):
    subset = lambda items: draw(st.lists(st.sampled_from(items), unique=True))  # noqa: E731
    advisors = []
    for uid in ADVISORS:
        works = draw(st.lists(st.sampled_from(LOCATIONS), min_size=1, unique=True))
        hours = []
        for loc in works:
            for weekday in [2] + subset([3, 4]):
                a, b = sorted(draw(st.lists(st.sampled_from(TIMES), min_size=2, max_size=2,
                                            unique=True)))
                hours.append({"user": uid, "location": loc, "weekday": weekday,
                              "start": a, "end": b})
        advisors.append({"uid": uid, "active": draw(st.booleans()) or draw(st.booleans()),
                         "works": works, "hours": hours,
                         "bookings": draw(st.lists(spans(), max_size=3)),
                         "absences": draw(st.lists(spans(), max_size=1))})
    window = st.none() | st.sampled_from([TUE + timedelta(hours=h) for h in (9, 11, 30)])
    return {
        "advisors": advisors,
        "groups": {g: subset(ADVISORS) for g in ("cg-mortgage", "cg-savings")},
        "service_members": [{"user": u, "valid_from": draw(window), "valid_to": draw(window)}
                            for u in subset(ADVISORS)],
        "linked": draw(st.booleans()),
        "level_mode": draw(st.sampled_from(["online", "physical", "both"])),
        "level_places": subset(LOCATIONS),
        "mode": draw(st.sampled_from(["online", "physical"])),
        "location": draw(st.sampled_from(LOCATIONS)),
        "meeting_type": draw(st.sampled_from(["mortgage", "savings"])),
        "days": draw(st.sampled_from([1, 3])),
    }


def iso(moment):
    return moment.isoformat() if moment else None


def load_world(graph, w):
    load_data(graph, {
        "settings": [{"installation_level": "full"}],
        "locations": [{"uid": loc, "code": loc, "name": loc, "timezone": "Europe/Oslo"}
                      for loc in LOCATIONS],
        "customer_categories": [{"uid": "private", "name": "Private"}],
        "meeting_themes": [{"uid": "loans", "name": "Loans"}],
        "meeting_types": [{"uid": mt, "name": mt, "duration_minutes": d, "theme": "loans"}
                          for mt, d in (("mortgage", 60), ("savings", 30))],
        "users": [{"uid": a["uid"], "name": a["uid"], "email": f"{a['uid']}@x.no",
                   "active": a["active"], "locations": a["works"]} for a in w["advisors"]],
        "working_hours": [h for a in w["advisors"] for h in a["hours"]],
        "competence_groups": [{"uid": g, "name": g, "parent": None, "members": members,
                               "competences": [{"meeting_type": g[3:],
                                                "customer_category": "private"}]}
                              for g, members in w["groups"].items()],
        "contacts": [{"uid": "cust", "name": "Customer", "customer_category": "private",
                      "home_location": "loc0"}],
        "service_groups": [{
            "uid": "sg", "name": "Service group", "email": "sg@x.no",
            "activation": {"locations": [], "customer_categories": [], "meeting_themes": []},
            "levels": [{"uid": "sg-level", "name": "level", "mode": w["level_mode"],
                        "locations": w["level_places"], "meeting_types": []}],
            "competence_groups": ["cg-savings"] if w["linked"] else [],
            "members": [{**m, "valid_from": iso(m["valid_from"]), "valid_to": iso(m["valid_to"])}
                        for m in w["service_members"]]}],
        "bookings": [{"uid": f"b-{a['uid']}-{i}", "advisor": a["uid"], "contact": "cust",
                      "meeting_type": "mortgage", "mode": "online", "location": None,
                      "start": s.isoformat(), "end": e.isoformat()}
                     for a in w["advisors"] for i, (s, e) in enumerate(a["bookings"])],
        "absences": [{"uid": f"x-{a['uid']}-{i}", "user": a["uid"], "start": s.isoformat(),
                      "end": e.isoformat(), "reason": "leave"}
                     for a in w["advisors"] for i, (s, e) in enumerate(a["absences"])],
    })


def reference(graph, request, limit, slot_limit):
    """Every advisor judged in full by `judge`, eligible ones by (earliest slot, uid)."""
    def work(tx):
        ctx = availability.tx_context(tx, request)
        verdicts = availability.tx_judge_users(tx, ctx, [{"uid": u} for u in ADVISORS],
                                               slot_limit=slot_limit)
        return sorted((v for v in verdicts if v.eligible),
                      key=lambda v: (v.slots[0][0], v.user["uid"]))[:limit]

    return [(v.user["uid"], [{"start": s, "end": e} for s, e in v.slots], v.paths)
            for v in graph.read_tx(work)]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(w=worlds())
def test_the_search_stopping_at_the_page_agrees_with_judging_everyone(graph, w):
    wipe(graph, keep_label=OWNER_LABEL)
    load_world(graph, w)
    physical = w["mode"] == "physical"
    request = Request(contact="cust", meeting_type=w["meeting_type"], mode=w["mode"],
                      location=w["location"] if physical else None, start=TUE,
                      end=TUE + timedelta(days=w["days"]))
    for limit in (1, 2, 3, 50):
        answer = availability.search(graph, request, limit=limit, slot_limit=5)
        got = [(a["user"]["uid"], a["slots"], a["paths"]) for a in answer["advisors"]]
        want = reference(graph, request, limit, 5)
        assert got == want, (limit, [g[0] for g in got], [x[0] for x in want])
        for _, _, paths in got:
            assert paths, "every advisor shown comes with the paths that make it eligible"
