"""Management-console benchmark on the bank-shaped org of `bench.org_bench` (2,000 competence
groups in 5 layers, 10,000 users, 50 service groups) with customers and weekly hours, so
"who can serve" has real work: each console page's time over HTTP (loopback, the real API
under gunicorn, the acting user from the gateway's header), p50 and p95, beside the API call
behind it, as a ratio.

The manager asks as a regional head: they manage enough roots for about 300 groups (the
issue's tree-page target: p50 <= 150 ms), and a service group.

    .venv/bin/python -m bench.console_bench [--users 10000] [--groups 2000] [--samples 200]
"""

from __future__ import annotations

import argparse
import random
from datetime import timedelta

import httpx

from bench.common import api_server, bench_graph, http_get, measure, print_table
from bench.org_bench import generate, load
from graphsvc.slots import next_weekday

MANAGER = "u00000"
CONTACTS = 2_000
TARGET_GROUPS = 300


def _subtrees(rows: list[dict]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for row in rows:
        if row["parent"]:
            children.setdefault(row["parent"], []).append(row["uid"])

    def below(uid: str) -> list[str]:
        out = [uid]
        for child in children.get(uid, []):
            out += below(child)
        return out

    return {row["uid"]: below(row["uid"]) for row in rows if row["parent"] is None}


def shape(data: dict, rnd: random.Random) -> tuple[list[str], list[str]]:
    """Name the manager of ~300 groups, give everyone weekly hours, add customers; returns
    the managed groups and the customers' uids."""
    rows = data["competence_groups"]
    managed, roots = [], []
    for root, groups in sorted(_subtrees(rows).items()):
        if len(managed) >= TARGET_GROUPS:
            break
        roots.append(root)
        managed += groups
    for row in rows:
        row["managers"] = [MANAGER] if row["uid"] in roots else []
    data["service_groups"][0]["managers"] = [MANAGER]
    data["working_hours"] = [
        {"user": u["uid"], "location": u["locations"][0], "weekday": day, "start": "08:00",
         "end": "16:00"} for u in data["users"] for day in range(1, 6)]
    data["directories"] = [{"uid": "national", "name": "National", "visibility": "all",
                            "users": [MANAGER], "user_groups": []}]
    contacts = [f"c{i:05d}" for i in range(CONTACTS)]
    data["contacts"] = [{"uid": uid, "name": f"Customer {uid}", "email": f"{uid}@bench.example",
                         "kind": "customer", "customer_category": f"cat{rnd.randrange(6)}",
                         "home_location": f"loc{rnd.randrange(50)}",
                         "directories": ["national"]} for uid in contacts]
    return managed, contacts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=2_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(3)
    data = generate(args.users, args.groups)
    managed, contacts = shape(data, rnd)
    print(f"manager {MANAGER} manages {len(managed)} groups (through "
          f"{sum(1 for r in data['competence_groups'] if r['managers'])} roots)")
    day = next_weekday(7)
    with bench_graph(keep=args.keep) as graph:
        load(graph, data)
        groups = [rnd.choice(managed) for _ in range(args.samples)]
        users = [rnd.choice(data["users"])["uid"] for _ in range(args.samples)]
        asks = [(rnd.choice(contacts), f"mt{rnd.randrange(40)}") for _ in range(args.samples)]
        sg = "sg0"
        results = []
        with api_server(graph.settings) as base, httpx.Client(base_url=base) as client:
            def pair(page: str, page_urls: list[str], api: str, api_urls: list[str]):
                shown = measure(f"{page}, console page", [
                    http_get(client, url, MANAGER) for url in page_urls])
                behind = measure(f"  {api}, API", [
                    http_get(client, url, MANAGER) for url in api_urls])
                results.extend([shown, behind])
                ratios.append((page, shown.p50 / behind.p50, shown.p95 / behind.p95))

            ratios: list[tuple[str, float, float]] = []
            floor = measure("floor: GET one location, API", [
                http_get(client, "/api/v1/locations/loc0", MANAGER)] * args.samples)
            results.append(floor)
            pair(f"tree ({len(managed)} groups)", ["/manage/"] * args.samples,
                 "managed groups (page of 500)",
                 [f"/api/v1/users/{MANAGER}/managed-groups?limit=500"] * args.samples)
            pair("competence group", [f"/manage/groups/{g}" for g in groups],
                 "competence group", [f"/api/v1/competence-groups/{g}" for g in groups])
            pair("service group", [f"/manage/service-groups/{sg}"] * args.samples,
                 "service-group members", [f"/api/v1/service-groups/{sg}/members"]
                 * args.samples)
            when = f"from={day.isoformat()}&to={(day + timedelta(days=1)).isoformat()}"
            when = when.replace("+", "%2B")
            pair("who can serve (one day, excluded too)",
                 [f"/manage/who-can-serve?contact={c}&meeting_type={m}&mode=online"
                  f"&day={day.date().isoformat()}" for c, m in asks],
                 "availability explain=excluded",
                 [f"/api/v1/availability?contact={c}&meeting_type={m}&mode=online&{when}"
                  f"&explain=excluded&limit=20&slots=6" for c, m in asks])
            pair("user", [f"/manage/users/{u}" for u in users],
                 "effective competences", [f"/api/v1/users/{u}/competences" for u in users])
    print_table(f"console pages on {args.groups} groups, {args.users} users, {CONTACTS} "
                "customers (sequential, one client, HTTP on loopback)", results)
    print("\nconsole page / API call behind it")
    print(f"{'page':<52} {'p50 x':>9} {'p95 x':>9}")
    for page, p50, p95 in ratios:
        print(f"{page:<52} {p50:>9.2f} {p95:>9.2f}")


if __name__ == "__main__":
    main()
