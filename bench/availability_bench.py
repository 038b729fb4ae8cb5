"""Availability benchmark: 10,000 advisors, 50 advisors shown with up to 10 slots each.
Timed per kind of request (online one day, where a national online service group makes
thousands of candidates; physical one day; online two weeks), p50/p95 in-process and over
HTTP, next to the floors of the same run (`RETURN 1` over Bolt, a GET of one location over
HTTP) and next to judging every candidate in full (what the search did before it stopped at
the page). Every timed request is first checked against that full judgment.

    .venv/bin/python -m bench.availability_bench [--advisors 10000] [--samples 100]
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import httpx

from bench.common import api_server, bench_graph, http_get, measure, print_table
from bench.org_bench import load
from graphsvc.services import availability

LOCATIONS = 50
START = datetime(2026, 12, 7, tzinfo=UTC)  # a Monday
END = START + timedelta(days=14)


def generate(advisors: int, seed: int = 11) -> dict:
    rnd = random.Random(seed)
    data: dict = {
        "settings": [{"installation_level": "full"}],
        "locations": [{"uid": f"loc{i}", "code": f"L{i}", "name": f"Location {i}",
                       "timezone": "Europe/Oslo"} for i in range(LOCATIONS)],
        "customer_categories": [{"uid": f"cat{i}", "name": f"Category {i}"} for i in range(4)],
        "meeting_themes": [{"uid": f"theme{i}", "name": f"Theme {i}"} for i in range(4)],
        "meeting_types": [{"uid": f"mt{i}", "name": f"Type {i}",
                           "duration_minutes": rnd.choice([30, 45, 60]),
                           "theme": f"theme{i % 4}"} for i in range(12)],
        "users": [], "working_hours": [], "competence_groups": [], "bookings": [],
        "absences": [],
    }
    data["users"].append({"uid": "admin", "name": "Admin", "email": "admin@bench.example",
                          "is_admin": True, "locations": []})
    groups = []
    for g in range(100):
        groups.append({"uid": f"cg{g}", "name": f"Group {g}", "parent": None, "members": [],
                       "competences": [{"meeting_type": f"mt{rnd.randrange(12)}",
                                        "customer_category": f"cat{rnd.randrange(4)}"}
                                       for _ in range(3)]})
    for i in range(advisors):
        uid = f"adv{i:05d}"
        loc = f"loc{i % LOCATIONS}"
        data["users"].append({"uid": uid, "name": f"Advisor {i}",
                              "email": f"{uid}@bench.example", "locations": [loc]})
        for day in range(1, 6):
            data["working_hours"].append({"user": uid, "location": loc, "weekday": day,
                                          "start": "09:00", "end": "16:00"})
        if rnd.random() < 0.7:  # the rest are unrestricted
            rnd.choice(groups)["members"].append(uid)
    data["competence_groups"] = groups
    data["contacts"] = [{"uid": f"cust{i}", "name": f"Customer {i}",
                         "customer_category": f"cat{rnd.randrange(4)}",
                         "home_location": f"loc{rnd.randrange(LOCATIONS)}"}
                        for i in range(1000)]
    data["service_groups"] = [{
        "uid": f"sg{i}", "name": f"Service group {i}", "email": f"sg{i}@bench.example",
        "activation": {"locations": [f"loc{rnd.randrange(LOCATIONS)}" for _ in range(5)],
                       "customer_categories": [], "meeting_themes": []},
        "levels": [{"uid": f"sg{i}-online", "name": "online", "mode": "online",
                    "locations": [], "meeting_types": []}],
        "competence_groups": [f"cg{rnd.randrange(100)}"],
        "members": [{"user": f"adv{rnd.randrange(advisors):05d}", "valid_from": None,
                     "valid_to": None} for _ in range(10)],
    } for i in range(20)]
    # The national online desk: every location, linked to a third of the competence groups
    # (thousands of advisors), as a bank's "meet us online" service.
    data["service_groups"].append({
        "uid": "sg-national", "name": "National online", "email": "online@bench.example",
        "activation": {"locations": [], "customer_categories": [], "meeting_themes": []},
        "levels": [{"uid": "sg-national-online", "name": "online", "mode": "online",
                    "locations": [], "meeting_types": []}],
        "competence_groups": [f"cg{g}" for g in range(0, 100, 3)], "members": []})
    for b in range(advisors * 2):  # two meetings per advisor in the fortnight
        start = START + timedelta(days=rnd.randrange(14), hours=8 + rnd.randrange(6))
        data["bookings"].append({
            "uid": f"b{b}", "advisor": f"adv{rnd.randrange(advisors):05d}",
            "contact": f"cust{rnd.randrange(1000)}", "meeting_type": "mt0", "mode": "online",
            "location": None, "start": start.isoformat(),
            "end": (start + timedelta(minutes=45)).isoformat()})
    for a in range(advisors // 5):
        start = START + timedelta(days=rnd.randrange(14))
        data["absences"].append({"uid": f"abs{a}", "user": f"adv{rnd.randrange(advisors):05d}",
                                 "start": start.isoformat(),
                                 "end": (start + timedelta(days=1)).isoformat(),
                                 "reason": "leave"})
    return data


def everyone(graph, req: availability.Request, limit: int = 50, slot_limit: int = 10):
    """The full judgment: every candidate with its facts and paths, judged, sorted."""
    def work(tx):
        ctx = availability.tx_context(tx, req)
        reach = availability.tx_reach(tx, ctx, None)
        verdicts = availability.tx_judge_users(tx, ctx, [r["user"] for r in reach],
                                               slot_limit=slot_limit)
        eligible = sorted((v for v in verdicts if v.eligible),
                          key=lambda v: (v.slots[0][0], v.user["uid"]))
        return len(reach), [(v.user["uid"], v.slots, v.paths) for v in eligible[:limit]]

    return graph.read_tx(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--advisors", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(3)
    data = generate(args.advisors)
    day = START + timedelta(days=1)  # a Tuesday
    classes: dict[str, list[availability.Request]] = {}
    for label, physical, end in (("online, one day", False, day + timedelta(days=1)),
                                 ("physical, one day", True, day + timedelta(days=1)),
                                 ("online, two weeks", False, END)):
        classes[label] = []
        for _ in range(args.samples):
            contact = rnd.choice(data["contacts"])
            classes[label].append(availability.Request(
                contact=contact["uid"], meeting_type=f"mt{rnd.randrange(12)}",
                mode="physical" if physical else "online",
                location=contact["home_location"] if physical else None,
                start=START if end == END else day, end=end))
    with bench_graph(keep=args.keep) as graph:
        load(graph, data)
        results = [measure("floor: RETURN 1 over Bolt",
                           [lambda: graph.read("system/ping")] * args.samples)]
        for label, requests in classes.items():
            sizes, shown = [], []
            for req in requests[:20]:  # the answers timed below are the full judgment's
                size, want = everyone(graph, req)
                answer = availability.search(graph, req, limit=50, slot_limit=10)
                got = [(a["user"]["uid"], [(x["start"], x["end"]) for x in a["slots"]],
                        a["paths"]) for a in answer["advisors"]]
                if got != want:
                    raise SystemExit(f"{label}: {req} answered differently from the full "
                                     f"judgment")
                sizes.append(size)
                shown.append(len(got))
            print(f"{label}: candidates median {sorted(sizes)[len(sizes) // 2]}, max "
                  f"{max(sizes)}; advisors shown median {sorted(shown)[len(shown) // 2]}; "
                  f"{len(sizes)} answers checked against the full judgment")
            results += [
                measure(f"{label}: judge every candidate (before)",
                        [lambda r=r: everyone(graph, r) for r in requests], warmup=5),
                measure(f"{label}: in-process (queries + slots)",
                        [lambda r=r: availability.search(graph, r, limit=50, slot_limit=10)
                         for r in requests], warmup=10),
            ]
        with api_server(graph.settings) as base, httpx.Client(base_url=base,
                                                              timeout=60) as client:
            results.append(measure("floor: GET one location over HTTP",
                                   [http_get(client, "/api/v1/locations?limit=1", "admin")]
                                   * args.samples))

            def url(req):
                query = {"contact": req.contact, "meeting_type": req.meeting_type,
                         "mode": req.mode, "from": req.start.isoformat(),
                         "to": req.end.isoformat(), "limit": 50, "slots": 10}
                if req.location:
                    query["location"] = req.location
                return "/api/v1/availability?" + urlencode(query)

            for label, requests in classes.items():
                results.append(measure(f"{label}: HTTP (limit 50, 10 slots each)",
                                       [http_get(client, url(r), "admin") for r in requests],
                                       warmup=10))
    print_table(f"availability: {args.advisors} advisors, 50 shown (sequential)", results)


if __name__ == "__main__":
    main()
