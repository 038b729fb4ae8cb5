"""Loading a bank-sized org (bench.access_bench's shape: 1,000,000 contacts, 10,000 users by
default) both ways into an empty database, with the rates: online through the seed loaders
(`UNWIND` batches of 5,000; contacts known new are CREATEd), and offline through
`graphsvc db initial-load` (`neo4j-admin database import full` from generated CSV). Both
graphs are then counted, and must hold the same nodes and relationships.

    .venv/bin/python -m bench.bulkload_bench [--contacts 1000000] [--users 10000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time

from bench.access_bench import Org
from bench.common import BENCH_HOME, BENCH_PASSWORD, load_with_progress
from graphsvc import bulkload, localdb
from graphsvc.config import LocalServerSettings
from graphsvc.db import Graph
from graphsvc.schema import migrate
from graphsvc.seed import load_data


def counts(graph: Graph) -> tuple[int, int]:
    row = graph.read_one("system/count_all")
    return row["nodes"], row["relationships"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=10_000)
    args = parser.parse_args()
    org = Org(args.contacts, args.users, random.Random(5))
    server = LocalServerSettings(home=BENCH_HOME, password=BENCH_PASSWORD,
                                 bolt_port=localdb.free_port(), http_port=localdb.free_port())
    echo = lambda m: print(m, file=sys.stderr)  # noqa: E731
    if localdb.status(server).running:
        localdb.stop(localdb.running_settings(server), echo)
    shutil.rmtree(BENCH_HOME / "data", ignore_errors=True)
    localdb.start(server, echo)
    results = []
    try:
        graph = bulkload.connect(server)
        migrate(graph)
        started = time.perf_counter()
        load_data(graph, org.user_rows())
        load_with_progress(graph, (("contacts", b) for b in org.batches()), args.contacts,
                           unit="contact")
        online = time.perf_counter() - started
        online_counts = counts(graph)
        graph.close()
        results.append(("online, seed loaders", online, online_counts))

        data = {**org.user_rows(), "contacts": [c for b in org.batches() for c in b]}
        started = time.perf_counter()
        phases = []

        def note(line):
            echo(line)
            if " took " in line or line.startswith("wrote the CSV"):
                phases.append(line)

        bulkload.initial_load(server, data, replace=True, echo=note)
        offline = time.perf_counter() - started
        graph = bulkload.connect(server)
        offline_counts = counts(graph)
        graph.close()
        results.append(("offline, neo4j-admin import (stop, import, start, migrate)",
                        offline, offline_counts))
    finally:
        localdb.stop(localdb.running_settings(server), echo=lambda m: None)
    print(f"\nloading {args.contacts} contacts, {args.users} users into an empty database")
    print(f"{'route':<60} {'seconds':>8} {'nodes/s':>9} {'rels/s':>9}")
    for name, seconds, (nodes, rels) in results:
        print(f"{name:<60} {seconds:>8.1f} {nodes / seconds:>9.0f} {rels / seconds:>9.0f}")
    print("offline phases: " + "; ".join(p.split("; importing")[0] for p in phases))
    if online_counts != offline_counts:
        raise SystemExit(f"the two routes differ: {online_counts} vs {offline_counts}")
    print(f"both routes wrote {online_counts[0]} nodes and {online_counts[1]} relationships")


if __name__ == "__main__":
    main()
