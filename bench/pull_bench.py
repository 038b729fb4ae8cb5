"""Pull benchmark: 100,000 new cases, 16 agents pulling at once; throughput and p50/p95 of
a pull over HTTP and in-process through the service, side by side. Every case handed out
is checked to be handed out once.

    .venv/bin/python -m bench.pull_bench [--cases 100000] [--agents 16] [--pulls 3000]
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx

from bench.common import Result, api_server, bench_graph, load_with_progress, print_table
from graphsvc.actor import Actor
from graphsvc.seed import load_data
from graphsvc.services import cases

T0 = datetime(2026, 12, 1, tzinfo=UTC)


def generate(count: int, agents: int, rnd: random.Random) -> tuple[dict, list[list[dict]]]:
    org = {
        "users": [{"uid": f"agent{i:02d}", "name": f"Agent {i}", "email": f"a{i}@bench.example"}
                  for i in range(agents)] + [{"uid": "dispatcher", "name": "Dispatcher",
                                              "email": "d@bench.example"}],
        "directories": [{"uid": "all", "name": "All", "visibility": "all",
                         "users": [f"agent{i:02d}" for i in range(agents)]}],
        "contacts": [{"uid": f"c{i}", "name": f"Customer {i}", "directories": ["all"]}
                     for i in range(1000)],
        "qualifications": [{"uid": f"q{i}", "name": f"Skill {i}", "scale_min": 1,
                            "scale_max": 10,
                            "holders": [{"user": f"agent{a:02d}", "rating": rnd.randint(1, 10)}
                                        for a in range(agents)]} for i in range(5)],
    }
    batches, batch = [], []
    for i in range(count):
        created = T0 + timedelta(seconds=i)
        requirements = ([{"qualification": f"q{rnd.randrange(5)}",
                          "min_rating": rnd.randint(1, 6)}] if rnd.random() < 0.3 else [])
        batch.append({"uid": f"k{i:06d}", "subject": f"Case {i}", "status": "active_new",
                      "contact": f"c{rnd.randrange(1000)}", "assignee": "dispatcher",
                      "created_at": created.isoformat(),
                      "response_due": (created + timedelta(minutes=rnd.choice(
                          [30, 240, 480]))).isoformat(),
                      "resolution_due": None, "requirements": requirements})
        if len(batch) == 10_000:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    return org, batches


def race(name: str, pull, agents: int, total: int) -> tuple[Result, list[str]]:
    """`agents` threads pull until `total` pulls were made (or the pool is empty)."""
    samples, handed, lock = [], [], threading.Lock()
    remaining = [total]

    def worker(agent: str):
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            t0 = time.perf_counter()
            uid = pull(agent)
            elapsed = time.perf_counter() - t0
            with lock:
                samples.append(elapsed)
                if uid:
                    handed.append(uid)
            if uid is None:
                return

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=agents) as pool:
        list(pool.map(worker, [f"agent{i:02d}" for i in range(agents)]))
    return Result(name, samples, time.perf_counter() - started), handed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--agents", type=int, default=16)
    parser.add_argument("--pulls", type=int, default=3000, help="pulls per measurement")
    parser.add_argument("--keep", action="store_true", help="leave the bench server running")
    args = parser.parse_args()
    rnd = random.Random(9)
    org, batches = generate(args.cases, args.agents, rnd)
    with bench_graph(keep=args.keep) as graph:
        load_data(graph, org)
        elapsed = load_with_progress(graph, (("cases", b) for b in batches), args.cases,
                                     unit="case")
        print(f"loaded {args.cases} cases in {elapsed:.1f}s ({args.cases / elapsed:.0f}/s)")

        def in_process(agent):
            case = cases.pull_case(graph, Actor(agent, False))
            return case["uid"] if case else None

        results, handed = [], []
        result, got = race(f"pull, in-process service ({args.agents} agents)", in_process,
                           args.agents, args.pulls)
        results.append(result)
        handed += got
        with api_server(graph.settings, workers=4) as base:
            clients = {f"agent{i:02d}": httpx.Client(base_url=base, timeout=60)
                       for i in range(args.agents)}

            def over_http(agent):
                res = clients[agent].post("/api/v1/cases/pull",
                                          headers={"X-Acting-User": agent})
                if res.status_code not in (200, 204):
                    raise RuntimeError(f"{res.status_code}: {res.text[:200]}")
                return res.json()["uid"] if res.status_code == 200 else None

            result, got = race(f"pull, HTTP ({args.agents} agents, 4 gunicorn workers)",
                               over_http, args.agents, args.pulls)
            results.append(result)
            handed += got
            for client in clients.values():
                client.close()
        assert len(handed) == len(set(handed)), "a case was handed out twice"
        print(f"{len(handed)} cases handed out, each exactly once")
    print_table(f"pull: {args.cases} new cases, {args.agents} concurrent agents", results)


if __name__ == "__main__":
    main()
