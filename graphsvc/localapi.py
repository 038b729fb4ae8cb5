"""The API served by `graphsvc serve` in a child process on a free loopback port: for the
benchmarks and the tests that need real workers (several processes, real sockets)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from graphsvc import localdb
from graphsvc.config import PROJECT_ROOT, Settings


@contextlib.contextmanager
def served_api(settings: Settings, workers: int = 2, timeout: float = 60) -> Iterator[str]:
    """Run `graphsvc serve` against `settings`' database; yields the base URL once
    `/healthz` answers 200, and stops the server on exit."""
    port = localdb.free_port()
    env = dict(os.environ, NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
               NEO4J_PASSWORD=settings.neo4j_password, NEO4J_DATABASE=settings.neo4j_database,
               GRAPHSVC_QUERY_TIMEOUT=str(settings.query_timeout), GRAPHSVC_ACCESS_LOG="off")
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphsvc.cli", "serve", "--host", "127.0.0.1", "--port",
         str(port), "--workers", str(workers)], env=env, cwd=PROJECT_ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            with (contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
                  urllib.request.urlopen(base + "/healthz", timeout=2) as res):
                if res.status == 200:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the API did not come up on {base}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
