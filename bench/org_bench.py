"""Org-graph benchmark: 2,000 competence groups in 5 layers and 10,000 users; p50/p95 of
effective competences, of service-group members and of the coverage-gaps report (a page of
50, first and later), over HTTP and in-process, next to the floors of the same run.

    .venv/bin/python -m bench.org_bench [--users 10000] [--groups 2000] [--samples 300]
"""

from __future__ import annotations

import argparse
import random
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
from graphsvc.seed import BATCH
from graphsvc.services import org

LAYER_SHARE = [0.02, 0.08, 0.15, 0.30, 0.45]  # of all groups, layer 1..5


def generate(users: int, groups: int, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    data: dict = {
        "locations": [{"uid": f"loc{i}", "code": f"L{i}", "name": f"Location {i}",
                       "timezone": "Europe/Oslo"} for i in range(50)],
        "customer_categories": [{"uid": f"cat{i}", "name": f"Category {i}"} for i in range(6)],
        "meeting_themes": [{"uid": f"theme{i}", "name": f"Theme {i}"} for i in range(8)],
    }
    data["meeting_types"] = [{"uid": f"mt{i}", "name": f"Type {i}", "duration_minutes": 30,
                              "theme": f"theme{i % 8}"} for i in range(40)]
    data["users"] = [{"uid": f"u{i:05d}", "name": f"User {i}", "email": f"u{i}@bench.example",
                      "locations": [f"loc{rnd.randrange(50)}"]} for i in range(users)]
    layers: list[list[str]] = []
    rows = []
    for layer, share in enumerate(LAYER_SHARE, start=1):
        count = max(1, int(groups * share))
        uids = [f"g{layer}-{i}" for i in range(count)]
        for uid in uids:
            parent = rnd.choice(layers[-1]) if layers else None
            competences = [{"meeting_type": f"mt{rnd.randrange(40)}",
                            "customer_category": f"cat{rnd.randrange(6)}"}
                           # a bank builds with competence requirements: every root
                           # grants, so nobody is unrestricted and gaps can exist
                           for _ in range(rnd.choice([1, 2] if layer == 1 else [0, 0, 1, 2]))]
            rows.append({"uid": uid, "name": uid, "parent": parent, "members": [],
                         "competences": competences})
        layers.append(uids)
    by_uid = {row["uid"]: row for row in rows}
    all_groups = [uid for layer in layers for uid in layer]
    for user in data["users"]:
        for uid in rnd.sample(all_groups, rnd.choice([1, 1, 2])):
            by_uid[uid]["members"].append(user["uid"])
    data["competence_groups"] = rows
    data["service_groups"] = [{
        "uid": f"sg{i}", "name": f"Service group {i}", "email": f"sg{i}@bench.example",
        "activation": {"locations": [f"loc{rnd.randrange(50)}"], "customer_categories": [],
                       "meeting_themes": []},
        "levels": [{"uid": f"sg{i}-online", "name": "online", "mode": "online",
                    "locations": [], "meeting_types": []}],
        "competence_groups": rnd.sample(layers[1] + layers[2], 3),
        "members": [{"user": f"u{rnd.randrange(users):05d}", "valid_from": None,
                     "valid_to": None} for _ in range(20)],
    } for i in range(50)]
    return data


def load(graph, data: dict) -> None:
    """Load a generated org through the seed loaders, section by section, in batches."""
    from graphsvc.seed import SECTIONS

    def batches():
        for section in SECTIONS:
            rows = data.get(section, [])
            size = 500 if section in ("competence_groups", "service_groups") else BATCH
            for start in range(0, len(rows), size):
                yield section, rows[start:start + size]

    total = sum(len(data.get(s, [])) for s in SECTIONS)
    elapsed = load_with_progress(graph, batches(), total)
    print(f"loaded {total} rows in {elapsed:.1f}s ({total / elapsed:.0f} rows/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=2_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(1)
    data = generate(args.users, args.groups)
    data["users"].append({"uid": "admin0", "name": "Admin", "email": "admin0@bench.example",
                          "is_admin": True, "locations": []})
    at = datetime.now(UTC)
    with bench_graph(keep=args.keep) as graph:
        load(graph, data)
        user_uids = [rnd.choice(data["users"])["uid"] for _ in range(args.samples)]
        sg_uids = [f"sg{rnd.randrange(50)}" for _ in range(args.samples)]
        results = [
            measure("floor: RETURN 1 over Bolt",
                    [lambda: graph.read("system/ping")] * args.samples),
            measure("effective competences, bare Cypher",
                    [lambda u=u: graph.read("org/effective_competences", uid=u, at=at)
                     for u in user_uids]),
            measure("service-group members (page of 50), bare Cypher",
                    [lambda s=s: graph.read("org/service_group_members", uid=s, at=at,
                                            after=None, limit=51) for s in sg_uids]),
        ]
        from graphsvc.services import reports

        first = reports.run_report(graph, "coverage-gaps", 50, None)
        cursors = [None]
        page = first
        while page["next_cursor"] and len(cursors) < 20:
            cursors.append(page["next_cursor"])
            page = reports.run_report(graph, "coverage-gaps", 50, page["next_cursor"])
        print(f"coverage gaps: first page {len(first['items'])} rows, walked {len(cursors)} "
              "pages")
        gap_samples = max(10, args.samples // 10)
        results.append(measure(
            "coverage-gaps, page of 50 (first 20 pages), in-process",
            [lambda c=cursors[i % len(cursors)]: reports.run_report(graph, "coverage-gaps",
                                                                    50, c)
             for i in range(gap_samples)], warmup=2))
        with api_server(graph.settings) as base, httpx.Client(base_url=base, timeout=120) as client:
            results.append(measure("floor: GET one location over HTTP",
                                   [http_get(client, "/api/v1/locations?limit=1", "admin0")]
                                   * args.samples))
            results.append(measure(
                "coverage-gaps, first page of 50, HTTP",
                [http_get(client, "/api/v1/reports/coverage-gaps?limit=50", "admin0")]
                * gap_samples, warmup=2))
            results[2:2] = [measure(
                "effective competences, HTTP",
                [http_get(client, f"/api/v1/users/{u}/competences", "u00000")
                 for u in user_uids])]
            results.append(measure(
                "service-group members (page of 50), HTTP",
                [http_get(client, f"/api/v1/service-groups/{s}/members?limit=50", "u00000")
                 for s in sg_uids]))
        check = org.effective_competences(graph, user_uids[0])
        print(f"sample: {user_uids[0]} has {len(check['competences'])} competences")
    print_table(f"org graph: {args.groups} groups in 5 layers, {args.users} users "
                "(sequential, one client)", results)


if __name__ == "__main__":
    main()
