"""Helpers shared by the tests: an API client that names its acting user, and a Neo4j
server of a test's own."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from flask.testing import FlaskClient

from graphsvc import localdb
from graphsvc.config import LocalServerSettings
from graphsvc.db import plain


class ApiClient:
    """The Flask test client with `as_=<user uid>` for the X-Acting-User header."""

    def __init__(self, client: FlaskClient, default_actor: str = "admin"):
        self.client = client
        self.default_actor = default_actor

    def request(self, method: str, url: str, as_: str | None = None, **kw):
        headers = kw.pop("headers", {})
        actor = as_ if as_ is not None else self.default_actor
        if actor:
            headers.setdefault("X-Acting-User", actor)
        return self.client.open(url, method=method, headers=headers, **kw)

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def put(self, url, **kw):
        return self.request("PUT", url, **kw)

    def patch(self, url, **kw):
        return self.request("PATCH", url, **kw)

    def delete(self, url, **kw):
        return self.request("DELETE", url, **kw)

    def walk(self, url: str, query: dict, size: int, as_: str | None = None,
             max_pages: int = 100) -> list:
        """Every item of a keyset-paginated list, `size` per page, following next_cursor;
        each page must answer 200 and hold at most `size` items."""
        seen, cursor = [], None
        for _ in range(max_pages):
            params = dict(query, limit=size, **({"cursor": cursor} if cursor else {}))
            res = self.get(url, query_string=params, as_=as_)
            assert res.status_code == 200, res.json
            assert len(res.json["items"]) <= size
            seen += res.json["items"]
            cursor = res.json["next_cursor"]
            if not cursor:
                return seen
        raise AssertionError(f"pagination of {url} did not end")


@contextlib.contextmanager
def own_server(home: Path, password: str, start: bool = True,
               **overrides) -> Iterator[LocalServerSettings]:
    """A small Neo4j of a test's own in `home` on free ports (for a test that stops it, or
    replaces its database offline, or configures it), removed afterwards."""
    shutil.rmtree(home, ignore_errors=True)
    base = LocalServerSettings.from_env(home=home)
    server = LocalServerSettings(home=home, cache=base.cache, password=password,
                                 bolt_port=localdb.free_port(), http_port=localdb.free_port(),
                                 heap_initial="256m", heap_max="512m", pagecache="64m",
                                 **overrides)
    if start:
        localdb.start(server, echo=lambda m: None)
    try:
        yield server
    finally:
        localdb.stop(server, echo=lambda m: None)
        shutil.rmtree(home, ignore_errors=True)


@contextlib.contextmanager
def serving(app, port: int | None = None) -> Iterator[str]:
    """The app over real HTTP on loopback (a free port unless given), in a thread (for a
    real browser); yields the base URL."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", port or localdb.free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def as_browser_sends(value):
    """A parameter as Neo4j Browser sends it: its integers are JavaScript numbers (50.0)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, list):
        return [as_browser_sends(v) for v in value]
    if isinstance(value, dict):
        return {k: as_browser_sends(v) for k, v in value.items()}
    return value


def run_as_pasted(tx, params_map: str, query: str) -> list[dict]:
    """What Browser does with `:params {...}` then a query: the map is evaluated as Cypher,
    its integers come back as JavaScript numbers, and the query runs with that. Rows come
    back as the API shows them (paths as explanation steps)."""
    values = tx.run(f"RETURN {params_map} AS params").single()["params"]
    return [{key: plain(value) for key, value in record.items()}
            for record in tx.run(query, as_browser_sends(values))]
