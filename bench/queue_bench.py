"""Queue benchmark: lists of cases at 100,000 cases, per class of asker, bare Cypher (the
service in-process) and HTTP side by side, with the floors of the same run (`RETURN 1` over
Bolt, a plain GET of one object over HTTP). The answers timed are checked against a
plain-Python statement of the rule first.

Shaped like a desk: a national `all` directory with 90% of the contacts, reached by agents
through a user group; a private-banking `assigned` directory with 10%, each customer in one
banker's book; 25% of the cases new, 15% assigned, 60% closed.

    .venv/bin/python -m bench.queue_bench [--cases 100000] [--repeats 200]
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta

import httpx

from bench.common import (
    api_server,
    bench_graph,
    http_get,
    load_with_progress,
    measure,
    print_table,
)
from graphsvc.actor import Actor
from graphsvc.pagination import encode_cursor
from graphsvc.seed import load_data
from graphsvc.services import cases

T0 = datetime(2026, 1, 1, tzinfo=UTC)
CONTACTS = 20_000
BANKERS = 20
ASKERS = {"admin": "admin", "agent via user group (90% of contacts)": "agent00",
          "banker, assigned book (0.5%)": "banker00", "sees nothing": "nobody"}


def generate(count: int, rnd: random.Random) -> tuple[dict, list[list[dict]], dict]:
    private = {f"c{i}" for i in range(0, CONTACTS, 10)}
    book = {c: f"book{rnd.randrange(BANKERS):02d}" for c in sorted(private)}
    org = {
        "users": [{"uid": "admin", "name": "Admin", "email": "admin@b.example",
                   "is_admin": True}, {"uid": "nobody", "name": "N", "email": "n@b.example"},
                  {"uid": "dispatcher", "name": "D", "email": "d@b.example"}]
        + [{"uid": f"agent{i:02d}", "name": f"A{i}", "email": f"a{i}@b.example"}
           for i in range(16)]
        + [{"uid": f"banker{i:02d}", "name": f"B{i}", "email": f"b{i}@b.example"}
           for i in range(BANKERS)],
        "user_groups": [{"uid": "desk", "name": "Desk",
                         "members": [f"agent{i:02d}" for i in range(16)]}],
        "account_manager_groups": [{"uid": f"book{i:02d}", "name": f"Book {i}",
                                    "members": [f"banker{i:02d}"]} for i in range(BANKERS)],
        "directories": [{"uid": "national", "name": "National", "visibility": "all",
                         "user_groups": ["desk"]},
                        {"uid": "private", "name": "Private", "visibility": "assigned",
                         "users": [f"banker{i:02d}" for i in range(BANKERS)]}],
        "areas": [{"uid": "hd", "name": "Helpdesk"}, {"uid": "sl", "name": "Sales"}],
        "contacts": [{"uid": f"c{i}", "name": f"C{i}",
                      "directories": ["private" if f"c{i}" in private else "national"],
                      "primary_manager_group": book.get(f"c{i}")} for i in range(CONTACTS)],
    }
    truth, batches, batch = {}, [], []
    for i in range(count):
        contact = f"c{rnd.randrange(CONTACTS)}"
        roll = rnd.random()
        status = "active_new" if roll < 0.25 else "active_assigned" if roll < 0.4 else "closed"
        assignee = ("dispatcher" if status == "active_new" else
                    f"banker{book[contact][4:]}" if contact in private else
                    f"agent{rnd.randrange(16):02d}")
        created = T0 + timedelta(minutes=i)
        uid = f"k{i:06d}"
        truth[uid] = {"contact": contact, "status": status, "assignee": assignee}
        batch.append({"uid": uid, "subject": f"Case {i}", "status": status,
                      "contact": contact, "assignee": assignee, "created_at": created.isoformat(),
                      "area": "hd" if i % 3 else "sl", "response_due": None,
                      "resolution_due": None, "requirements": []})
        if len(batch) == 10_000:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    return org, batches, {"truth": truth, "private": private, "book": book}


def sees(facts: dict, user: str, contact: str) -> bool:
    if user == "admin":
        return True
    if user.startswith("agent"):
        return contact not in facts["private"]
    if user.startswith("banker"):
        return facts["book"].get(contact) == f"book{user[6:]}"
    return False


def expected(facts: dict, user: str, limit: int, **filters) -> list[str]:
    rows = [uid for uid, k in sorted(facts["truth"].items()) if sees(facts, user, k["contact"])
            and all(k[key] == value for key, value in filters.items())]
    return rows[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(12)
    org, batches, facts = generate(args.cases, rnd)
    middle = encode_cursor(f"k{args.cases // 2:06d}")
    lists = {  # name: (query string, filters for the reference, after)
        "queue active_new, first page": ("status=active_new", {"status": "active_new"}, None),
        "queue active_new, a later page": (f"status=active_new&cursor={middle}",
                                           {"status": "active_new"}, middle),
        "my cases (assignee=me, active_assigned)": ("assignee=me&status=active_assigned",
                                                    {"status": "active_assigned"}, None),
    }
    results = []
    with bench_graph(keep=args.keep) as graph:
        load_data(graph, org)
        elapsed = load_with_progress(graph, (("cases", b) for b in batches), args.cases,
                                     unit="case")
        print(f"loaded {args.cases} cases in {elapsed:.1f}s ({args.cases / elapsed:.0f}/s)")
        results.append(measure("floor: RETURN 1 over Bolt",
                               [lambda: graph.read("system/ping")]
                               * args.repeats))
        for asker, user in ASKERS.items():
            actor = Actor(user, user == "admin")
            for name, (query, filters, after) in lists.items():
                wanted = dict(filters)
                if "assignee=me" in query:
                    wanted["assignee"] = user
                params = {k: v for k, v in (p.split("=") for p in query.split("&"))
                          if k != "cursor"}
                answer = cases.list_cases(graph, actor, params, 50, after)
                truth = expected(facts, user, 50 if after is None else 10**9, **wanted)
                if after is not None:
                    truth = [u for u in truth if u > f"k{args.cases // 2:06d}"][:50]
                assert [k["uid"] for k in answer["items"]] == truth, (asker, name)
                results.append(measure(
                    f"{name} | {asker} | bare",
                    [lambda a=actor, p=params, c=after: cases.list_cases(graph, a, p, 50, c)]
                    * args.repeats, max_seconds=20))
        print("answers checked against the reference: every class, every list")
        with api_server(graph.settings, workers=2) as base, \
                httpx.Client(base_url=base, timeout=60) as client:
            results.append(measure("floor: GET /api/v1/areas/hd over HTTP",
                                   [http_get(client, "/api/v1/areas/hd", "admin")]
                                   * args.repeats))
            for asker, user in ASKERS.items():
                for name, (query, _, _) in lists.items():
                    results.append(measure(
                        f"{name} | {asker} | HTTP",
                        [http_get(client, f"/api/v1/cases?{query}", user)] * args.repeats,
                        max_seconds=20))
    print_table(f"case lists: {args.cases} cases, pages of 50", results)


if __name__ == "__main__":
    main()
