"""Import benchmark: one bulk-sync document shaped like a bank (10,000 users, 2,000 groups,
100,000 contacts by default), imported into an empty database, then again (every row
unchanged), in-process and over HTTP, and once more with mode=batches. Prints rows/s.

Shaped like a bank: 40 branches; a national `all` directory with a third of the contacts,
reached through a user group per region; ten regional `assigned` directories, each contact
in one advisor's or a region's account-manager book; a few small directories granted to
single users. Most advisors reach contacts through user groups. Competence groups in three
layers, service groups with a campaign window, a week of working hours for every advisor.

    .venv/bin/python -m bench.import_bench [--users 10000] [--contacts 100000] [--groups 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import UTC, datetime, timedelta

import httpx
from tqdm import tqdm

from bench.common import api_server, bench_graph
from graphsvc.schemas.imports import ImportDocument
from graphsvc.services import imports

T0 = datetime(2031, 1, 6, tzinfo=UTC)


def generate(users: int, contacts: int, groups: int, rnd: random.Random) -> dict:
    branches = [f"branch{i:02d}" for i in range(40)]
    regions = [f"region{i}" for i in range(10)]
    advisors = [f"adv{i:05d}" for i in range(users)]
    home = {a: branches[i % len(branches)] for i, a in enumerate(advisors)}
    region_of = {b: regions[i % len(regions)] for i, b in enumerate(branches)}
    # 2,000 groups: user groups (regions and teams), books, competence groups, service groups
    n_user_groups = groups // 4
    n_books = groups // 2
    n_competence = groups // 8
    n_service = groups - n_user_groups - n_books - n_competence
    team_of = {a: f"team{i % (n_user_groups - len(regions)):04d}" for i, a in
               enumerate(advisors)}
    user_groups = [{"uid": r, "name": r.title(),
                    "members": [a for a in advisors if region_of[home[a]] == r]}
                   for r in regions]
    user_groups += [{"uid": t, "name": t.title(), "members": []}
                    for t in sorted(set(team_of.values()))]
    by_uid = {g["uid"]: g for g in user_groups}
    for a, t in team_of.items():
        by_uid[t]["members"].append(a)
    books = [{"uid": f"book{i:04d}", "name": f"Book {i}",
              "members": [advisors[(i * 7 + k) % users] for k in range(2)]}
             for i in range(n_books)]
    competence = []
    for i in range(n_competence):
        parent = None if i < 5 else f"cg{(i - 5) // 5:03d}" if i < 30 else f"cg{5 + i % 25:03d}"
        competence.append({"uid": f"cg{i:03d}", "name": f"Competence {i}", "parent": parent,
                           "members": [advisors[(i * 13 + k) % users] for k in range(20)],
                           "competences": [{"meeting_type": "mortgage",
                                            "customer_category": "private"}] if i < 5 else []})
    service = [{"uid": f"sg{i:03d}", "name": f"Service {i}", "email": f"sg{i}@b.example",
                "activation": {"locations": [branches[i % 40]], "customer_categories": [],
                               "meeting_themes": ["loans"]},
                "levels": [{"uid": f"sg{i:03d}-online", "name": "Online", "mode": "online"}],
                "competence_groups": [f"cg{i % n_competence:03d}"],
                "members": [{"user": advisors[(i * 31 + k) % users],
                             "valid_from": T0.isoformat(),
                             "valid_to": (T0 + timedelta(days=30)).isoformat()}
                            for k in range(5)]}
               for i in range(n_service)]
    directories = [{"uid": "national", "name": "National", "visibility": "all", "users": [],
                    "user_groups": regions[:7]}]
    directories += [{"uid": f"regional-{r}", "name": f"Regional {r}", "visibility": "assigned",
                     "users": [], "user_groups": [r]} for r in regions]
    directories += [{"uid": f"small{i}", "name": f"Small {i}", "visibility": "all",
                     "users": [advisors[i]], "user_groups": []} for i in range(20)]
    rows = []
    for i in range(contacts):
        branch = branches[i % 40]
        if i % 3 == 0:
            dirs = ["national"]
        elif i % 997 == 1:
            dirs = [f"small{i % 20}"]
        else:
            dirs = [f"regional-{region_of[branch]}"]
        rows.append({"uid": f"c{i:07d}", "name": f"Customer {i}",
                     "email": f"c{i}@example.no", "customer_category": "private",
                     "home_location": branch, "directories": dirs,
                     "primary_manager_group": f"book{rnd.randrange(n_books):04d}"})
    return {
        "locations": [{"uid": b, "code": b.upper(), "name": b.title(),
                       "timezone": "Europe/Oslo"} for b in branches],
        "customer_categories": [{"uid": "private", "name": "Private"},
                                {"uid": "business", "name": "Business"}],
        "meeting_themes": [{"uid": "loans", "name": "Loans"}],
        "meeting_types": [{"uid": "mortgage", "name": "Mortgage", "duration_minutes": 60,
                           "theme": "loans"}],
        "users": [{"uid": "admin", "name": "Admin", "email": "admin@b.example",
                   "is_admin": True}]
        + [{"uid": a, "name": f"Advisor {a}", "email": f"{a}@b.example",
            "locations": [home[a]]} for a in advisors],
        "user_groups": user_groups, "account_manager_groups": books,
        "competence_groups": competence, "service_groups": service,
        "directories": directories, "contacts": rows,
        "working_hours": [{"user": a, "hours": [
            {"location": home[a], "weekday": d, "start": "08:30", "end": "16:00"}
            for d in range(1, 6)]} for a in advisors],
    }


def timed_import(graph, document: dict, mode: str, label: str) -> dict:
    with tqdm(total=imports.count_rows(document), unit="rows", desc=label) as bar:
        return imports.import_document(graph, document, mode, progress=bar.update)


def line(label: str, report: dict, seconds: float) -> str:
    total = {k: sum(s[k] for s in report["sections"].values())
             for k in ("created", "updated", "unchanged")}
    return (f"| {label} | {report['rows']:,} | {seconds:.1f} | {report['rows'] / seconds:,.0f} "
            f"| {total['created']:,} / {total['updated']:,} / {total['unchanged']:,} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=2_000)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    raw = generate(args.users, args.contacts, args.groups, random.Random(7))
    started = time.perf_counter()
    document = ImportDocument().load(raw)
    validation = time.perf_counter() - started
    body = json.dumps(raw).encode()
    print(f"document: {imports.count_rows(document):,} rows, {len(body) / 1e6:.1f} MB JSON; "
          f"schema validation {validation:.1f} s "
          f"({imports.count_rows(document) / validation:,.0f} rows/s)")
    lines = []
    with bench_graph(keep=args.keep) as graph:
        for label, mode in (("first import, empty database (mode all)", "all"),
                            ("same document again: all unchanged (mode all)", "all"),
                            ("same document again (mode batches)", "batches")):
            started = time.perf_counter()
            report = timed_import(graph, document, mode, label)
            lines.append(line(label, report, time.perf_counter() - started))
        with api_server(graph.settings, workers=1) as base, \
                httpx.Client(base_url=base, timeout=1800) as http:
            started = time.perf_counter()
            res = http.post("/api/v1/import", content=body,
                            headers={"X-Acting-User": "admin",
                                     "Content-Type": "application/json"})
            seconds = time.perf_counter() - started
            res.raise_for_status()
            lines.append(line("over HTTP, same document (parse + validate + import)",
                              res.json(), seconds))
    print("\n| run | rows | seconds | rows/s | created / updated / unchanged |")
    print("|---|---|---|---|---|")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
