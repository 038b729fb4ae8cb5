"""Shared benchmark harness: a Neo4j server of the benchmark's own, the API under gunicorn,
timing loops, and a p50/p95 table. Loops are bounded in count and time and target loopback."""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import httpx
from tqdm import tqdm

from graphsvc import localdb
from graphsvc.config import PROJECT_ROOT, LocalServerSettings, Settings
from graphsvc.db import Graph
from graphsvc.localapi import served_api
from graphsvc.schema import migrate
from graphsvc.seed import load_data

BENCH_HOME = PROJECT_ROOT / ".neo4j-bench"
BENCH_PASSWORD = "graphsvc-bench-password"


@contextlib.contextmanager
def bench_graph(keep: bool = False) -> Iterator[Graph]:
    """A local server in .neo4j-bench on free ports, empty and migrated. Benchmark data is
    disposable: the data folder is removed rather than wiped node by node (a server left
    running by `--keep` is stopped first; wiping a million contacts in place meets the
    server's transaction memory limit at the national directory's links)."""
    server = LocalServerSettings(home=BENCH_HOME, password=BENCH_PASSWORD,
                                 bolt_port=localdb.free_port(), http_port=localdb.free_port())
    if localdb.status(server).running:
        localdb.stop(localdb.running_settings(server), echo=lambda m: None)
    shutil.rmtree(BENCH_HOME / "data", ignore_errors=True)
    localdb.start(server, echo=lambda m: print(m, file=sys.stderr))
    settings = Settings(neo4j_uri=server.bolt_uri, neo4j_user=server.user,
                        neo4j_password=server.password, query_timeout=120)
    graph = Graph(settings)
    try:
        migrate(graph)
        yield graph
    finally:
        graph.close()
        if not keep:
            localdb.stop(server, echo=lambda m: None)


def api_server(settings: Settings, workers: int = 2):
    """The real API (`graphsvc serve`) on a free loopback port; yields its base URL."""
    return served_api(settings, workers=workers)


@dataclass
class Result:
    name: str
    samples: list[float]
    wall: float

    @property
    def p50(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000

    @property
    def rate(self) -> float:
        return len(self.samples) / self.wall if self.wall else 0.0


def measure(name: str, calls: list[Callable[[], object]], warmup: int = 20,
            max_seconds: float = 60) -> Result:
    """Time each call (after `warmup` untimed ones); stop early after `max_seconds`."""
    for call in calls[:warmup]:
        call()
    samples = []
    start = time.perf_counter()
    for call in calls:
        t0 = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t0)
        if time.perf_counter() - start > max_seconds:
            break
    return Result(name, samples, time.perf_counter() - start)


def print_table(title: str, results: list[Result]) -> None:
    print(f"\n{title}")
    print(f"{'measurement':<52} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'per s':>9}")
    for r in results:
        print(f"{r.name:<52} {len(r.samples):>6} {r.p50:>9.2f} {r.p95:>9.2f} {r.rate:>9.1f}")


def http_get(client: httpx.Client, url: str, actor: str) -> Callable[[], object]:
    def call():
        res = client.get(url, headers={"X-Acting-User": actor})
        if res.status_code != 200:
            raise RuntimeError(f"{url}: {res.status_code} {res.text[:200]}")
        return res

    return call


def load_with_progress(graph: Graph, batches: Iterable[tuple[str, list[dict]]], total: int,
                       unit: str = "row") -> float:
    """Load (section, rows) batches through the seed loaders (each one UNWIND ... MERGE
    transaction), with a progress bar; returns the seconds it took."""
    started = time.perf_counter()
    with tqdm(total=total, unit=unit, desc="loading") as bar:
        for section, rows in batches:
            load_data(graph, {section: rows})
            bar.update(len(rows))
    return time.perf_counter() - started
