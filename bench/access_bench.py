"""Visibility benchmark: 1,000,000 contacts, 10,000 users. Prints the generator's load rate
(batched UNWIND, with a progress bar), then p50/p95 of the access check and of a
visible-contacts page of 50, over HTTP and as bare Cypher, side by side.

    .venv/bin/python -m bench.access_bench [--contacts 1000000] [--users 10000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator

import httpx

from bench.common import (
    api_server,
    bench_graph,
    http_get,
    load_with_progress,
    measure,
    print_table,
)
from graphsvc.seed import load_data

DIRECTORIES = 200
ALL_MODE = 50  # the first 50 directories are mode 'all', the rest 'assigned'
USER_GROUPS = 100
BATCH = 10_000


def org_sections(users: int, rnd: random.Random) -> dict:
    user_rows = [{"uid": f"u{i:05d}", "name": f"User {i}", "email": f"u{i}@bench.example",
                  "is_admin": i == 0} for i in range(users)]
    groups = [{"uid": f"ug{g}", "name": f"Office {g}", "members": []}
              for g in range(USER_GROUPS)]
    for i in range(users):
        groups[i % USER_GROUPS]["members"].append(f"u{i:05d}")
    eponymous = [{"uid": f"amg-u{i:05d}", "name": f"User {i}", "eponymous_of": f"u{i:05d}",
                  "members": [f"u{i:05d}"]} for i in range(users)]
    regions = [{"uid": f"region{r}", "name": f"Region {r}", "eponymous_of": None,
                "members": [f"u{rnd.randrange(users):05d}" for _ in range(20)]}
               for r in range(200)]
    directories = [{"uid": f"dir{d}", "name": f"Directory {d}",
                    "visibility": "all" if d < ALL_MODE else "assigned",
                    "users": [f"u{rnd.randrange(users):05d}" for _ in range(20)],
                    "user_groups": [f"ug{rnd.randrange(USER_GROUPS)}" for _ in range(3)]}
                   for d in range(DIRECTORIES)]
    return {"users": user_rows, "user_groups": groups,
            "account_manager_groups": eponymous + regions, "directories": directories}


def contact_batches(contacts: int, users: int, rnd: random.Random) -> Iterator[list[dict]]:
    batch = []
    for i in range(contacts):
        manager = (f"amg-u{rnd.randrange(users):05d}" if rnd.random() < 0.8
                   else f"region{rnd.randrange(200)}")
        batch.append({"uid": f"c{i:07d}", "name": f"Customer {i}",
                      "email": f"c{i}@example.no",
                      "directories": [f"dir{rnd.randrange(DIRECTORIES)}"],
                      "primary_manager_group": manager})
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(5)
    with bench_graph(keep=args.keep) as graph:
        started = time.perf_counter()
        load_data(graph, org_sections(args.users, rnd))
        load_with_progress(graph, (("contacts", batch) for batch in
                                   contact_batches(args.contacts, args.users, rnd)),
                           args.contacts, unit="contact")
        elapsed = time.perf_counter() - started
        counts = graph.read_one("system/count_all")
        print(f"loaded {counts['nodes']} nodes and {counts['relationships']} relationships in "
              f"{elapsed:.0f}s: {counts['nodes'] / elapsed:.0f} nodes/s, "
              f"{args.contacts / elapsed:.0f} contacts/s (UNWIND batches of {BATCH})")
        pairs = [(f"u{rnd.randrange(1, args.users):05d}", f"c{rnd.randrange(args.contacts):07d}")
                 for _ in range(args.samples)]
        readers = [f"u{rnd.randrange(1, args.users):05d}" for _ in range(args.samples)]
        results = [
            measure("access check, bare Cypher",
                    [lambda u=u, c=c: graph.read("access/contact_access", users=[u],
                                                 contacts=[c])
                     for u, c in pairs]),
            measure("visible contacts, page of 50, bare Cypher",
                    [lambda u=u: graph.read("access/visible_contacts", user=u, after=None,
                                            limit=51) for u in readers]),
        ]
        with api_server(graph.settings) as base, httpx.Client(base_url=base,
                                                              timeout=60) as client:
            results.insert(1, measure("access check, HTTP", [
                http_get(client, f"/api/v1/access/contacts/{c}?user={u}", "u00000")
                for u, c in pairs]))
            results.append(measure("visible contacts, page of 50, HTTP", [
                http_get(client, f"/api/v1/users/{u}/visible-contacts?limit=50", "u00000")
                for u in readers]))
            sizes = [len(client.get(f"/api/v1/users/{u}/visible-contacts?limit=50",
                                    headers={"X-Acting-User": "u00000"}).json()["items"])
                     for u in readers[:20]]
        print(f"items on a first page (20 users): {sizes}")
    print_table(f"visibility: {args.contacts} contacts, {args.users} users (sequential)",
                results)


if __name__ == "__main__":
    main()
