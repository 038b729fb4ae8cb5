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
With --windowed (default 0.2) that share of the grants (user-group and account-manager
group memberships, directory access) carries validity windows (issue 15): an ended one
[2024-01-01, 2024-07-01) and a running one from 2026-01-01. The access check and the first
page are then also timed `at=` a past date (2025-03-01), when those grants did not hold,
and checked against the reference at both instants.
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
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime

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
from graphsvc.services import access, crud, whatif
from graphsvc.services import contacts as contact_service
from graphsvc.windows import now

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
PAST = datetime(2025, 3, 1, tzinfo=UTC)
WINDOWS = [{"valid_from": datetime(2024, 1, 1, tzinfo=UTC),
            "valid_to": datetime(2024, 7, 1, tzinfo=UTC)},
           {"valid_from": datetime(2026, 1, 1, tzinfo=UTC), "valid_to": None}]
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

    def __init__(self, contacts: int, users: int, rnd: random.Random, windowed: float = 0.0):
        self.contacts = contacts
        self.windowed = windowed
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

    def is_windowed(self, source: str, target: str) -> bool:
        """Whether the grant source -> target carries the windows (a fixed share of them)."""
        return zlib.crc32(f"{source}|{target}".encode()) % 1000 < self.windowed * 1000

    def holds(self, source: str, target: str, at: datetime | None) -> bool:
        """Whether the grant holds at `at` (None: now): an open grant always, a windowed one
        inside its windows."""
        if at is None or not self.is_windowed(source, target):
            return True
        return any(w["valid_from"] <= at and (w["valid_to"] is None or at < w["valid_to"])
                   for w in WINDOWS)

    def windowed_grants(self) -> list[dict]:
        rows = self.user_rows()
        grants = [("MEMBER_OF", u, g["uid"]) for g in rows["user_groups"] for u in g["members"]]
        grants += [("MEMBER_OF", u, g["uid"]) for g in rows["account_manager_groups"]
                   for u in g["members"]]
        for d in rows["directories"]:
            grants += [("CAN_ACCESS", u, d["uid"]) for u in d.get("users", [])]
            grants += [("CAN_ACCESS", g, d["uid"]) for g in d.get("user_groups", [])]
        return [{"type": rel, "source": a, "target": b} for rel, a, b in grants
                if self.is_windowed(a, b)]

    def batches(self) -> Iterator[list[dict]]:
        for start in range(0, self.contacts, BATCH):
            yield [self.contact(i) for i in range(start, min(self.contacts, start + BATCH))]

    def sees(self, user: str, c: dict, at: datetime | None = None) -> bool:
        if user in self.admins:
            return True
        directory, book = c["directories"][0], c["primary_manager_group"]
        if directory.startswith("smalldir"):
            return (user in self.small and directory == f"smalldir{self.small.index(user)}"
                    and self.holds(user, directory, at))
        region = self.region_of.get(user)
        if region is None or not self.holds(user, f"region{region}", at):
            return False
        if directory == "national":
            return region in self.national_regions and self.holds(f"region{region}",
                                                                   "national", at)
        return (directory == f"regional{region}" and book == f"amg-{user}"
                and self.holds(f"region{region}", directory, at)
                and self.holds(user, book, at))


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
            plan = graph.read_one("access/visible_plan", user=user, at=now(), **filters)
            start = access.search_start(plan, filters, search["sort"], 51)
            print(f"  {user}, {search}: starts at {start}")
            checked += 1
    return checked


def check_answers(graph, org: Org, samples: int, rnd: random.Random) -> int:
    """The answers timed are right: access checks of random pairs, and first pages, now and
    (with windows) at PAST."""
    checked = 0
    for at in [None] + ([PAST] if org.windowed else []):
        for user in CLASSES.values():
            for _ in range(samples):
                i = rnd.randrange(org.contacts)
                c = org.contact(i)
                rows = graph.read("access/contact_access", users=[user], contacts=[c["uid"]],
                                  at=at or now())
                assert bool(rows) == org.sees(user, c, at), (user, c, at)
                checked += 1
            page = access.visible_contacts(graph, Actor("admin0", True), user, 50, None,
                                           at)["items"]
            want = [f"c{i:07d}" for i in range(org.contacts)
                    if org.sees(user, org.contact(i), at)][:50]
            assert [c["uid"] for c in page] == want, (user, at, [c["uid"] for c in page][:5],
                                                      want[:5])
            checked += 1
    return checked


def put_windows(graph, org: Org) -> int:
    """Replace each windowed grant's open relationship by its two windows (from the source's
    index entry: a user or a user group)."""
    rows = org.windowed_grants()
    groups = {g["uid"] for g in org.user_rows()["user_groups"]}
    for label, rel in (("User", "MEMBER_OF"), ("User", "CAN_ACCESS"),
                       ("UserGroup", "CAN_ACCESS")):
        batch = [{**row, "windows": WINDOWS} for row in rows if row["type"] == rel
                 and (row["source"] in groups) == (label == "UserGroup")]
        graph.write_tx(lambda tx, b=batch, s=label, r=rel: tx.run(
            f"UNWIND $rows AS row MATCH (a:{s} {{uid: row.source}})-[old:{r}]->(b) "
            "WHERE b.uid = row.target DELETE old WITH a, b, row UNWIND row.windows AS w "
            f"CREATE (a)-[n:{r}]->(b) SET n = w", rows=b).consume())
    return len(rows)


def time_deactivation(graph, org: Org, user: str, books: list[str], samples: int,
                      label: str):
    """The what-if of deactivating `user`, whose reach is `books` (checked: every customer
    of them lost), timed in-process."""
    managed = sum(1 for i in range(org.contacts)
                  if org.contact(i)["primary_manager_group"] in books)
    change = [{"op": "deactivate_user", "user": user}]
    answer = whatif.simulate(graph, change)
    assert answer["visibility"]["lost"]["count"] == managed, (answer["visibility"], managed)
    print(f"what-if: deactivating {user} loses {managed} customers (checked)")
    return measure(f"what-if: deactivate {label} {managed}, in-process",
                   [lambda: whatif.simulate(graph, change)] * max(5, samples // 20), warmup=2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    parser.add_argument("--windowed", type=float, default=0.2,
                        help="share of the grants with validity windows (issue 15)")
    args = parser.parse_args()
    rnd = random.Random(5)
    org = Org(args.contacts, args.users, rnd, args.windowed)
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
        if args.windowed:
            print(f"{put_windows(graph, org)} grants carry windows "
                  f"({args.windowed:.0%} of them)")
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
                                                        contacts=[c], at=now())
                         for c in contacts]),
                measure(f"first page of 50, bare: {label}",
                        [lambda u=user: graph.read_tx(access.tx_visible, u, None, 51,
                                                      explain=False)] * args.samples),
            ]
            if args.windowed:
                results += [
                    measure(f"access check at={PAST.date()}, bare: {label}",
                            [lambda u=user, c=c: graph.read("access/contact_access",
                                                            users=[u], contacts=[c], at=PAST)
                             for c in contacts]),
                    measure(f"first page of 50 at={PAST.date()}, bare: {label}",
                            [lambda u=user: graph.read_tx(access.tx_visible, u, None, 51,
                                                          None, PAST, explain=False)]
                            * args.samples),
                ]
            results += [
                measure(f"middle page of 50, bare: {label}",
                        [lambda u=user: graph.read_tx(access.tx_visible, u, middle, 51,
                                                      explain=False)] * args.samples),
            ]
            for name, search in SEARCHES.items():
                filters = {**access.NO_FILTERS,
                           **{k: v for k, v in search.items() if k != "sort"}}
                results.append(measure(f"{name}, page of 50, bare: {label}", [
                    lambda u=user, f=filters, s=search["sort"]:
                    graph.read_tx(access.tx_search, u, f, s, None, 51)]
                    * (args.samples // 2)))
        big = CLASSES["`assigned` region, large book"]
        results.append(time_deactivation(graph, org, big, [f"amg-{big}"], args.samples,
                                         "a user with a book of"))
        # a manager of both large books of a region (over 10,000 customers at 1M contacts)
        manager, region = "manager10k", org.region_of[big]
        load_data(graph, {"users": [{"uid": manager, "name": manager,
                                     "email": f"{manager}@b.example"}]})
        crud.set_link(graph, contact_service.USER_GROUP_MEMBER, manager, f"region{region}",
                      True)
        books = [f"amg-{b}" for b in org.big_in[region]]
        for group in books:
            crud.set_link(graph, contact_service.MANAGER_GROUP_MEMBER, manager, group, True)
        results.append(time_deactivation(graph, org, manager, books, args.samples,
                                         "a user managing"))
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
                if args.windowed:
                    past = PAST.isoformat().replace("+", "%2B")
                    results += [
                        measure(f"access check at={PAST.date()}, HTTP: {label}", [
                            http_get(client, f"/api/v1/access/contacts/{c}?user={user}"
                                     f"&at={past}", "admin0") for c in contacts]),
                        measure(f"first page of 50 at={PAST.date()}, HTTP: {label}", [
                            http_get(client, f"/api/v1/users/{user}/visible-contacts"
                                     f"?limit=50&at={past}", "admin0")] * args.samples),
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
