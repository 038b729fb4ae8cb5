"""Trust benchmark: the booking race and a soak of mixed reads and writes, over HTTP against
`graphsvc serve` (4 gunicorn workers), counting errors and dropped connections.

Race: 64 clients (each its own kept-alive connection) book the same advisor's same slot at
once, 200 rounds: exactly one 201 and 63 `slot_taken` per round, no other answer. Every
50 rounds the clients sit idle for 3 s, longer than gunicorn's default keep-alive (2 s),
which is what used to drop requests.

Soak: a closed loop of client threads sending a bank-like mix (access checks, visible
pages, contact reads, messages with Idempotency-Key, book-and-cancel). A short ramp picks
the most threads whose p95 stays under 100 ms; the soak then runs at that load for
`--soak-seconds` (default 300) and prints the rate, the errors and the dropped connections
(both must be 0).

    .venv/bin/python -m bench.trust_bench [--rounds 200] [--clients 64] [--soak-seconds 300]
"""

from __future__ import annotations

import argparse
import random
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import httpx

from bench.common import Result, api_server, bench_graph, measure, print_table
from graphsvc.seed import load_data

MONDAY = datetime(2031, 1, 6, tzinfo=UTC)  # Europe/London is UTC in January
SLOTS_PER_DAY = 13  # starts 07:00-19:00 UTC: inside 07:00-21:00 London time, BST too
HEADERS = {"X-Acting-User": "admin"}
DROPPED = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.ConnectError,
           httpx.PoolTimeout, httpx.ReadTimeout)


def org(contacts: int, advisors: int) -> dict:
    """One branch, advisors who work every day 07:00-21:00, one national `all` directory
    reached through a user group, and customers in it."""
    users = [{"uid": "admin", "name": "Admin", "email": "admin@bench.example",
              "is_admin": True, "locations": ["london"]}]
    users += [{"uid": f"adv{i:03d}", "name": f"Advisor {i}", "email": f"a{i}@bench.example",
               "locations": ["london"]} for i in range(advisors)]
    return {
        "locations": [{"uid": "london", "code": "LON", "name": "London",
                       "timezone": "Europe/London"}],
        "customer_categories": [{"uid": "private", "name": "Private"}],
        "meeting_themes": [{"uid": "loans", "name": "Loans"}],
        "meeting_types": [{"uid": "mortgage", "name": "Mortgage", "duration_minutes": 60,
                           "theme": "loans"}],
        "users": users,
        "user_groups": [{"uid": "advisors", "name": "Advisors",
                         "members": [u["uid"] for u in users[1:]]}],
        "directories": [{"uid": "national", "name": "National", "visibility": "all",
                         "users": [], "user_groups": ["advisors"]}],
        "contacts": [{"uid": f"c{i:06d}", "name": f"Customer {i}", "kind": "customer",
                      "customer_category": "private", "home_location": "london",
                      "directories": ["national"]} for i in range(contacts)],
        "working_hours": [{"user": u["uid"], "location": "london", "weekday": day,
                           "start": "07:00", "end": "21:00"}
                          for u in users[1:] for day in range(1, 8)],
    }


def run_threads(target, count: int) -> float:
    """Run `target(i)` in `count` threads at once; the seconds until the last one ends."""
    started = time.perf_counter()
    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def slot(n: int) -> datetime:
    return MONDAY + timedelta(days=n // SLOTS_PER_DAY, hours=7 + n % SLOTS_PER_DAY)


def booking_race(base: str, clients: int, rounds: int) -> tuple[Result, Counter, int]:
    statuses: Counter = Counter()
    samples: list[float] = []
    dropped = 0
    lock = threading.Lock()
    barrier = threading.Barrier(clients)
    bad_rounds: list[int] = []
    winners = [0] * rounds

    def client(i: int) -> None:
        nonlocal dropped
        with httpx.Client(base_url=base, headers=HEADERS, timeout=60) as http:
            for r in range(rounds):
                if r and r % 50 == 0:
                    time.sleep(3)  # idle past the old 2 s keep-alive
                barrier.wait()
                body = {"contact": "c000000", "meeting_type": "mortgage", "mode": "online",
                        "start": slot(r).isoformat(), "advisor": "adv000"}
                t0 = time.perf_counter()
                try:
                    res = http.post("/api/v1/bookings", json=body)
                except DROPPED:
                    with lock:
                        dropped += 1
                    continue
                elapsed = time.perf_counter() - t0
                code = res.status_code
                if code == 409 and res.json()["error"]["code"] != "slot_taken":
                    code = f"409 {res.json()['error']['code']}"
                with lock:
                    samples.append(elapsed)
                    statuses[code] += 1
                    if res.status_code == 201:
                        winners[r] += 1

    wall = run_threads(client, clients)
    bad_rounds = [r for r, w in enumerate(winners) if w != 1]
    if bad_rounds:
        print(f"ROUNDS WITHOUT EXACTLY ONE WINNER: {bad_rounds[:20]}")
    return Result(f"booking race ({clients} clients x {rounds} rounds)", samples, wall), \
        statuses, dropped


class Soak:
    """A closed loop of `threads` clients sending the mix for `seconds`."""

    def __init__(self, base: str, contacts: int, advisors: int, seed: int = 7):
        self.base, self.contacts, self.advisors = base, contacts, advisors
        self.rnd = random.Random(seed)
        self.slot_counter = 10_000  # far from the race's slots
        self.lock = threading.Lock()

    def _next_slot(self) -> int:
        with self.lock:
            self.slot_counter += 1
            return self.slot_counter

    def one(self, http: httpx.Client, rnd: random.Random) -> tuple[str, int]:
        advisor = f"adv{rnd.randrange(self.advisors):03d}"
        contact = f"c{rnd.randrange(self.contacts):06d}"
        as_advisor = {"X-Acting-User": advisor}
        roll = rnd.random()
        if roll < 0.35:
            res = http.get(f"/api/v1/access/contacts/{contact}", params={"user": advisor},
                           headers=as_advisor)
            return "access check", res.status_code
        if roll < 0.55:
            res = http.get(f"/api/v1/users/{advisor}/visible-contacts", params={"limit": 50},
                           headers=as_advisor)
            return "visible page of 50", res.status_code
        if roll < 0.75:
            res = http.get(f"/api/v1/contacts/{contact}", headers=as_advisor)
            return "contact read", res.status_code
        if roll < 0.90:
            res = http.post("/api/v1/messages", json={"contact": contact, "subject": "Note"},
                            headers={**as_advisor, "Idempotency-Key": uuid.uuid4().hex})
            return "message (Idempotency-Key)", res.status_code
        n = self._next_slot()
        body = {"contact": contact, "meeting_type": "mortgage", "mode": "online",
                "start": slot(n).isoformat(), "advisor": f"adv{n % self.advisors:03d}"}
        res = http.post("/api/v1/bookings", json=body, headers=as_advisor)
        if res.status_code == 201:
            res = http.delete(f"/api/v1/bookings/{res.json()['uid']}", headers=as_advisor)
        return "book and cancel", res.status_code

    def run(self, threads: int, seconds: float) -> tuple[dict[str, list[float]], Counter, int,
                                                           float]:
        samples: dict[str, list[float]] = {}
        statuses: Counter = Counter()
        dropped = 0
        lock = threading.Lock()
        stop = time.perf_counter() + seconds

        def client(i: int) -> None:
            nonlocal dropped
            rnd = random.Random(i * 7919 + threads)
            with httpx.Client(base_url=self.base, timeout=60) as http:
                while time.perf_counter() < stop:
                    t0 = time.perf_counter()
                    try:
                        kind, code = self.one(http, rnd)
                    except DROPPED:
                        with lock:
                            dropped += 1
                        continue
                    elapsed = time.perf_counter() - t0
                    with lock:
                        samples.setdefault(kind, []).append(elapsed)
                        samples.setdefault("all requests", []).append(elapsed)
                        statuses[code] += 1

        return samples, statuses, dropped, run_threads(client, threads)


def errors_in(codes: Counter) -> int:
    """Every answer of the mix is a success (200, 201, 204); anything else is an error."""
    return sum(n for code, n in codes.items() if code not in (200, 201, 204))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--advisors", type=int, default=200)
    parser.add_argument("--soak-seconds", type=float, default=300)
    parser.add_argument("--ramp-seconds", type=float, default=15)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    with bench_graph(keep=args.keep) as graph:
        load_data(graph, org(args.contacts, args.advisors))
        with api_server(graph.settings, workers=4) as base:
            with httpx.Client(base_url=base, headers=HEADERS) as http:
                floor = measure("floor: GET /api/v1/locations/london",
                                [lambda: http.get("/api/v1/locations/london")] * 300)
            race, statuses, dropped = booking_race(base, args.clients, args.rounds)
            print_table("booking race over HTTP", [floor, race])
            print(f"answers: {dict(statuses)}; dropped connections: {dropped}")
            expected = {201: args.rounds, 409: args.rounds * (args.clients - 1)}
            print("race verdict:", "OK: exactly one winner per round, no other answer"
                  if dict(statuses) == expected and dropped == 0 else "FAILED")

            soak = Soak(base, args.contacts, args.advisors)
            chosen = 1
            for threads in (2, 3, 4, 6, 8, 12, 16, 24, 32):
                samples, codes, lost, _ = soak.run(threads, args.ramp_seconds)
                tail = p95(samples["all requests"])
                rate = len(samples["all requests"]) / args.ramp_seconds
                print(f"ramp: {threads:>2} threads: {rate:7.1f} req/s, p95 {tail:6.1f} ms, "
                      f"errors {errors_in(codes)}, dropped {lost}")
                if tail >= 100:
                    break
                chosen = threads
            samples, codes, lost, wall = soak.run(chosen, args.soak_seconds)
            results = [Result(kind, values, wall) for kind, values in sorted(samples.items())]
            print_table(f"soak: {chosen} threads for {args.soak_seconds:.0f} s", results)
            errors = errors_in(codes)
            total = len(samples["all requests"])
            print(f"rate {total / wall:.1f} req/s; answers {dict(codes)}; errors {errors}; "
                  f"dropped connections {lost}; p95 {p95(samples['all requests']):.1f} ms")
            print("soak verdict:", "OK" if errors == 0 and lost == 0 and
                  p95(samples["all requests"]) < 100 else "FAILED")


if __name__ == "__main__":
    main()
