"""Visibility benchmark shaped like a bank, timed per class of asker.

1,000,000 contacts and 10,000 users by default: one national `all` directory with a third of
the contacts, ten regional `assigned` directories, five small `all` directories; advisors
reach them through user groups (their region's, and for seven regions the national one);
account-manager books from a few customers to several thousand; 3% admins. Each class of
asker is timed on its own: a mean over users who see nothing hides the cost.

  - admin
  - national `all` directory through a user group (sees about a third)
  - `assigned` region with a large book (a tenth of the region's customers)
  - small `all` directory only (about 300 contacts)
  - no access at all

For each: the access check of a random contact, the first visible page of 50 and a page
from the middle of the uid range, as bare Cypher (the service in-process) and over HTTP,
with the floors of the same run (`RETURN 1` over Bolt, a GET of one location over HTTP).
Then the searches of SEARCHES (a name prefix in name and in uid order, the first page in
name order, one category): contacts have Norwegian first and last names, one of six
categories. Every answer timed is first checked against a plain-Python statement of the
rule (and of the filters), and the start each search takes is printed.

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
from graphsvc.actor import Actor
from graphsvc.seed import load_data
from graphsvc.services import access

REGIONS = 10
CATEGORIES = 6
FIRST = ["Nora", "Ola", "Kari", "Lars", "Ingrid", "Sofie", "Emil", "Astrid", "Jonas", "Marte",
         "Henrik", "Ida", "Magnus", "Sara", "Elias", "Thea", "Johan", "Maja", "Sander",
         "Frida", "Aksel", "Hedda", "Åse"]
LAST = ["Nilsen", "Hansen", "Berg", "Dahl", "Lie", "Moe", "Vik", "Strand", "Bakke", "Haugen",
        "Johansen", "Larsen", "Olsen", "Pedersen", "Eide", "Solberg", "Lund", "Aas", "Holm",
        "Ruud", "Sæther", "Nygaard", "Knutsen", "Karlsen", "Jensen", "Myhre", "Tangen",
        "Fossum", "Brekke"]
# The searches timed for each class: a prefix of first names in name order (Nora), the
# same in uid order, the first page in name order, and one category in uid order.
SEARCHES = {
    "search q=nor, name order": {"q": "nor", "sort": "name"},
    "search q=nor, uid order": {"q": "nor", "sort": "uid"},
    "search, name order": {"sort": "name"},
    "search category=cat3": {"category": "cat3", "sort": "uid"},
}
SMALL = 5
BIG_BOOKS = 20          # advisors with a large book (two per region)
BATCH = 10_000
CLASSES = {
    "admin": "admin0",
    "national `all` directory via user group": "adv00000",   # region 0 reaches national
    "`assigned` region, large book": None,  # a big advisor outside the national regions
    "small `all` directory only": "small0",
    "no access": "nobody",
}


class Org:
    """The generated org, kept in memory as the plain-Python reference of the rule."""

    def __init__(self, contacts: int, users: int, rnd: random.Random):
        self.contacts = contacts
        self.admins = [f"admin{i}" for i in range(max(1, users * 3 // 100))]
        self.advisors = [f"adv{i:05d}" for i in range(users - len(self.admins) - BIG_BOOKS
                                                      - SMALL - 1)]
        self.big = [f"big{i:02d}" for i in range(BIG_BOOKS)]
        self.small = [f"small{i}" for i in range(SMALL)]
        self.region_of = {u: i % REGIONS for i, u in enumerate(self.advisors + self.big)}
        self.national_regions = set(range(7))
        self.big_in = {r: [b for b in self.big if self.region_of[b] == r]
                       for r in range(REGIONS)}
        self.rnd = rnd

    def user_rows(self) -> dict:
        users = ([{"uid": u, "name": u, "email": f"{u}@b.example", "is_admin": True}
                  for u in self.admins]
                 + [{"uid": u, "name": u, "email": f"{u}@b.example"}
                    for u in self.advisors + self.big + self.small + ["nobody"]])
        groups = [{"uid": f"region{r}", "name": f"Region {r}",
                   "members": [u for u, reg in self.region_of.items() if reg == r]}
                  for r in range(REGIONS)]
        books = [{"uid": f"amg-{u}", "name": u, "eponymous_of": u, "members": [u]}
                 for u in self.advisors + self.big]
        directories = [{"uid": "national", "name": "National", "visibility": "all",
                        "user_groups": [f"region{r}" for r in sorted(self.national_regions)]}]
        directories += [{"uid": f"regional{r}", "name": f"Regional {r}",
                         "visibility": "assigned", "user_groups": [f"region{r}"]}
                        for r in range(REGIONS)]
        directories += [{"uid": f"smalldir{i}", "name": f"Small {i}", "visibility": "all",
                         "users": [self.small[i]]} for i in range(SMALL)]
        return {"users": users, "user_groups": groups, "account_manager_groups": books,
                "directories": directories,
                "customer_categories": [{"uid": f"cat{k}", "name": f"Category {k}"}
                                        for k in range(CATEGORIES)]}

    def contact(self, i: int) -> dict:
        """Contact i, deterministically: its directory and book."""
        if i % 1000 == 7:
            directory, book = f"smalldir{(i // 1000) % SMALL}", None
        elif i % 3 == 0:
            directory, book = "national", f"amg-{self.advisors[i % len(self.advisors)]}"
        else:
            region = i % REGIONS
            # One regional contact in five is in the book of one of the region's two big
            # advisors (about 6,700 each at 1,000,000 contacts); the rest in small books.
            big = self.big_in[region]
            k = i // REGIONS
            owner = big[(k // 5) % len(big)] if k % 5 == 0 else \
                self.advisors[(i * 7) % len(self.advisors)]
            book, directory = f"amg-{owner}", f"regional{region}"
        return {"uid": f"c{i:07d}", "name": f"{FIRST[i % len(FIRST)]} "
                f"{LAST[(i // len(FIRST)) % len(LAST)]}", "email": f"c{i}@example.no",
                "customer_category": f"cat{i % CATEGORIES}",
                "directories": [directory], "primary_manager_group": book}

    def batches(self) -> Iterator[list[dict]]:
        for start in range(0, self.contacts, BATCH):
            yield [self.contact(i) for i in range(start, min(self.contacts, start + BATCH))]

    def sees(self, user: str, c: dict) -> bool:
        if user in self.admins:
            return True
        directory, book = c["directories"][0], c["primary_manager_group"]
        if directory.startswith("smalldir"):
            return user in self.small and directory == f"smalldir{self.small.index(user)}"
        region = self.region_of.get(user)
        if region is None:
            return False
        if directory == "national":
            return region in self.national_regions
        return directory == f"regional{region}" and book == f"amg-{user}"


def reference_search(org: Org, user: str, search: dict, limit: int) -> list[str]:
    """The first page of a search, by the rule and the filters written plainly."""
    found = []
    for i in range(org.contacts):
        c = org.contact(i)
        if search.get("category") and c["customer_category"] != search["category"]:
            continue
        q = search.get("q")
        if q and not (c["name"].lower().startswith(q) or c["email"].lower().startswith(q)):
            continue
        if org.sees(user, c) or user in org.admins:
            found.append(c)
    order = (lambda c: (c["name"].lower(), c["uid"])) if search["sort"] == "name" else \
        (lambda c: c["uid"])
    return [c["uid"] for c in sorted(found, key=order)[:limit]]


def check_searches(graph, org: Org) -> int:
    checked = 0
    for user in CLASSES.values():
        for search in SEARCHES.values():
            filters = {**access.NO_FILTERS, **{k: v for k, v in search.items() if k != "sort"}}
            got = access.search_visible(graph, Actor("admin0", True), user, filters,
                                        search["sort"], 50, None)["items"]
            want = reference_search(org, user, search, 50)
            assert [c["uid"] for c in got] == want, (user, search)
            plan = graph.read_one("access/visible_plan", user=user, **filters)
            start = access.search_start(plan, filters, search["sort"], 51)
            print(f"  {user}, {search}: starts at {start}")
            checked += 1
    return checked


def check_answers(graph, org: Org, samples: int, rnd: random.Random) -> int:
    """The answers timed are right: access checks of random pairs, and first pages."""
    checked = 0
    for user in CLASSES.values():
        for _ in range(samples):
            i = rnd.randrange(org.contacts)
            c = org.contact(i)
            rows = graph.read("access/contact_access", users=[user], contacts=[c["uid"]])
            assert bool(rows) == org.sees(user, c), (user, c)
            checked += 1
        page = access.visible_contacts(graph, Actor("admin0", True), user, 50, None)["items"]
        want = [f"c{i:07d}" for i in range(org.contacts) if org.sees(user, org.contact(i))][:50] \
            if user != "admin0" else [f"c{i:07d}" for i in range(50)]
        assert [c["uid"] for c in page] == want, (user, [c["uid"] for c in page][:5], want[:5])
        checked += 1
    return checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(5)
    org = Org(args.contacts, args.users, rnd)
    CLASSES["`assigned` region, large book"] = next(
        b for b in org.big if org.region_of[b] not in org.national_regions)
    with bench_graph(keep=args.keep) as graph:
        started = time.perf_counter()
        load_data(graph, org.user_rows())
        load_with_progress(graph, (("contacts", b) for b in org.batches()), args.contacts,
                           unit="contact")
        elapsed = time.perf_counter() - started
        print(f"loaded {args.contacts} contacts in {elapsed:.0f} s "
              f"({args.contacts / elapsed:.0f} contacts/s)")
        print(f"checked {check_answers(graph, org, 40, rnd)} answers against the reference")
        print(f"checked {check_searches(graph, org)} searches against the reference")
        middle = f"c{args.contacts // 2:07d}"
        contacts = [f"c{rnd.randrange(args.contacts):07d}" for _ in range(args.samples)]
        results = [measure("floor: RETURN 1 over Bolt",
                           [lambda: graph.read("system/ping")] * args.samples)]
        for label, user in CLASSES.items():
            results += [
                measure(f"access check, bare: {label}",
                        [lambda u=user, c=c: graph.read("access/contact_access", users=[u],
                                                        contacts=[c]) for c in contacts]),
                measure(f"first page of 50, bare: {label}",
                        [lambda u=user: graph.read_tx(access.tx_visible, u, None, 51)]
                        * args.samples),
                measure(f"middle page of 50, bare: {label}",
                        [lambda u=user: graph.read_tx(access.tx_visible, u, middle, 51)]
                        * args.samples),
            ]
            for name, search in SEARCHES.items():
                filters = {**access.NO_FILTERS,
                           **{k: v for k, v in search.items() if k != "sort"}}
                results.append(measure(f"{name}, page of 50, bare: {label}", [
                    lambda u=user, f=filters, s=search["sort"]:
                    graph.read_tx(access.tx_search, u, f, s, None, 51)]
                    * (args.samples // 2)))
        with api_server(graph.settings) as base, httpx.Client(base_url=base,
                                                              timeout=60) as client:
            results.append(measure("floor: GET one location over HTTP",
                                   [http_get(client, "/api/v1/locations?limit=1", "admin0")]
                                   * args.samples))
            for label, user in CLASSES.items():
                results += [
                    measure(f"access check, HTTP: {label}", [
                        http_get(client, f"/api/v1/access/contacts/{c}?user={user}", "admin0")
                        for c in contacts]),
                    measure(f"first page of 50, HTTP: {label}", [
                        http_get(client, f"/api/v1/users/{user}/visible-contacts?limit=50",
                                 "admin0")] * args.samples),
                ]
                for name, search in SEARCHES.items():
                    query = "&".join(f"{k}={v}" for k, v in search.items())
                    results.append(measure(f"{name}, page of 50, HTTP: {label}", [
                        http_get(client, f"/api/v1/users/{user}/visible-contacts?limit=50&"
                                 f"{query}", "admin0")] * (args.samples // 2)))
    print_table(f"visibility: {args.contacts} contacts, {args.users} users (sequential)",
                results)


if __name__ == "__main__":
    main()
