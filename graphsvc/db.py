"""Access to Neo4j: one driver per process, named queries in read or write transaction
functions (`execute_read` / `execute_write`), retried here on transient errors, driver
errors turned into domain errors here.

Retries: a transient error inside a live database (a deadlock, a leader switch) is retried
with a backoff of about a second, doubling, for up to RETRY_SECONDS, as the driver's own
loop would. An unreachable database is not waited for: when a connection fails and a
quick probe cannot reach the server either, the request fails at once with
DatabaseUnavailable (503 `database_unavailable`), and the next request finds the database
again by itself when it is back."""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.api import BookmarkManager
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path
from neo4j.time import Date as NeoDate
from neo4j.time import DateTime as NeoDateTime

from graphsvc.config import Settings
from graphsvc.cypher import queries
from graphsvc.errors import DatabaseUnavailable, Duplicate

T = TypeVar("T")
log = logging.getLogger("graphsvc.db")
RETRY_SECONDS = 30.0
CONNECT_SECONDS = 1.5  # a probe of a down or unroutable server gives up after this

_CONSTRAINT_PROPERTY = re.compile(r"property `?(\w+)`?(?: = (.+))?")
_CONSTRAINT_LABEL = re.compile(r"label `?(\w+)`?")

# The causal chain of the current unit of work (an HTTP request): every session opened
# while it is set starts from its bookmarks and adds its own, so each transaction sees
# every earlier one of the chain, on one server as on any member of a cluster.
_chain: ContextVar[BookmarkManager | None] = ContextVar("graphsvc_causal_chain",
                                                        default=None)


def begin_chain(bookmarks: Iterable[str] = ()) -> tuple[BookmarkManager, object]:
    """Chain every transaction run from now on (in this context) after `bookmarks` and after
    each other; returns the manager, whose `get_bookmarks()` is the state reached, and the
    token to give `end_chain`."""
    initial = neo4j.Bookmarks.from_raw_values(list(bookmarks))
    manager = GraphDatabase.bookmark_manager(initial_bookmarks=initial)
    return manager, _chain.set(manager)


def end_chain(token) -> None:
    _chain.reset(token)


# What the current unit of work must run first, inside its first transaction: the check of
# a request's acting user (graphsvc.actor.PendingActor), so a decision is one transaction.
# `prelude(tx)` must be safe to run twice (a retried transaction runs it again) and is
# dropped once it has run in a transaction.
_prelude: ContextVar[list | None] = ContextVar("graphsvc_prelude", default=None)


def begin_prelude(prelude: Callable[[ManagedTransaction], None]):
    return _prelude.set([prelude])


def prelude_pending() -> bool:
    pending = _prelude.get()
    return bool(pending)


def end_prelude(token) -> None:
    _prelude.reset(token)


# The named queries the current unit of work ran, with their parameters, while a caller
# asked for them (a decision with `explain=cypher`, see graphsvc.api.replay); None when not.
_recording: ContextVar[list | None] = ContextVar("graphsvc_recording", default=None)


def begin_recording():
    """Record every named query run from now on (in this context); `recorded()` reads them."""
    return _recording.set([])


def recorded() -> list[tuple[str, dict]]:
    """(name, parameters) of each query run since `begin_recording`, in order, each once:
    a retried transaction runs its queries again with the same parameters."""
    out: list[tuple[str, dict]] = []
    for entry in _recording.get() or []:
        if entry not in out:
            out.append(entry)
    return out


def end_recording(token) -> None:
    _recording.reset(token)


def _first(work: Callable[..., T]) -> Callable[..., T]:
    """`work`, preceded in its transaction by the pending prelude, if any."""
    pending = _prelude.get()
    if not pending:
        return work

    def with_prelude(tx: ManagedTransaction, *args: Any, **kwargs: Any) -> T:
        if pending:
            paused = _recording.set(None)  # the acting user's check is not the decision
            try:
                pending[0](tx)
            finally:
                _recording.reset(paused)
            pending.clear()  # verified: later transactions of the request skip it
        return work(tx, *args, **kwargs)

    return with_prelude


def node_ref(node: Node) -> dict:
    """How a node appears in an explanation: its label, uid and name."""
    return {"label": min(node.labels) if node.labels else None,
            "uid": node.get("uid"), "name": node.get("name")}


def path_steps(path: Path) -> list[dict]:
    """A path as API.md explanation steps: each node with the relationship to the next one;
    a relationship with a validity window (a grant, graphsvc.windows) shows it."""
    steps = []
    for node, rel in zip(path.nodes, [*path.relationships, None], strict=True):
        step = {"node": node_ref(node), "rel": rel.type if rel is not None else None}
        if rel is not None and ("valid_from" in rel or "valid_to" in rel):
            step["valid_from"] = plain(rel.get("valid_from"))
            step["valid_to"] = plain(rel.get("valid_to"))
            if rel.get("substitution") is not None:  # made by a substitution: its provenance
                until = step["valid_to"].isoformat() if step["valid_to"] else "further notice"
                step["substitution"] = rel["substitution"]
                step["note"] = f"substituting for {rel.get('substituting_for')} until {until}"
        steps.append(step)
    return steps


_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """Driver values to plain Python, recursively: temporal types to `datetime`/`date`,
    paths to explanation steps, nodes to their references. Scalars, lists and maps are told
    by their exact type first: most values are those, and `isinstance` on the driver's
    types is what large answers used to spend their decoding time on."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return path_steps(value)
    if isinstance(value, Node):
        return node_ref(value)
    if isinstance(value, NeoDateTime):
        return value.to_native()
    if isinstance(value, NeoDate):
        return value.to_native()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def run(tx: ManagedTransaction, name: str, /, **params: Any) -> list[dict]:
    """Run the named query inside `tx` and return its rows as plain dicts."""
    _record(name, params)
    return _rows(tx.run(queries[name], params))


def run_collected(tx: ManagedTransaction, name: str, /, **params: Any) -> list[dict]:
    """As `run`, for a bounded answer of many rows (a page, a decision's candidates): the
    rows travel back as one row's list. Neo4j streams every row as a message of its own,
    and that costs more than the row's work: here 500 rows took 7.9 ms to stream and
    1.2 ms as one list (the README's benchmarks). The query runs as it is written, inside
    `CALL () { ... }`; its columns come from its EXPLAIN, asked once per process. Not for
    an unbounded answer: the list is built whole on the server."""
    _record(name, params)
    columns = queries.columns(name, lambda text: tx.run("EXPLAIN " + text, params).keys())
    return _rows(tx.run(queries.collected(name, columns), params).single(strict=True)["rows"])


def _record(name: str, params: dict) -> None:
    """Note the query for `recorded()`, while a caller asks for them."""
    recording = _recording.get()
    if recording is not None:
        recording.append((name, params))


def _rows(records) -> list[dict]:
    """Records (or the maps of a collected list) as plain dicts."""
    return [{key: plain(value) for key, value in record.items()} for record in records]


def run_one(tx: ManagedTransaction, name: str, /, **params: Any) -> dict | None:
    rows = run(tx, name, **params)
    return rows[0] if rows else None


class Graph:
    """The service's handle on Neo4j. Holds no request state: safe to share across threads
    and to run many of (one per API worker) against one cluster."""

    def __init__(self, settings: Settings, metrics=None):
        self.settings = settings
        self.metrics = metrics  # graphsvc.observability.DbMetrics, or None (the CLI)
        self.database = settings.neo4j_database
        self.driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            max_connection_pool_size=50,
            # One attempt per execute_*: Graph._execute retries (see the module's docstring).
            max_transaction_retry_time=0.0,
            connection_timeout=CONNECT_SECONDS,
            # Planner hints about labels not created yet are noise in an empty database.
            notifications_min_severity="OFF",
        )

    def close(self) -> None:
        self.driver.close()

    def _session(self, mode: str) -> neo4j.Session:
        return self.driver.session(database=self.database, default_access_mode=mode,
                                   bookmark_manager=_chain.get())

    def read_tx(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work(tx, *args, **kwargs)` in a read transaction (routed to any member)."""
        timed = unit_of_work(timeout=self.settings.query_timeout)(_first(work))
        return self._execute(neo4j.READ_ACCESS, timed, *args, **kwargs)

    def write_tx(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work(tx, ...)` in a write transaction. The driver may run it more than once
        on transient errors, so `work` must be safe to repeat."""
        return self.write_tx_within(self.settings.query_timeout, work, *args, **kwargs)

    def write_tx_within(self, timeout: float, work: Callable[..., T], *args: Any,
                        **kwargs: Any) -> T:
        """`write_tx` with a timeout of its own (a bulk import may run longer than a
        decision may)."""
        timed = unit_of_work(timeout=timeout)(_first(work))
        return self._execute(neo4j.WRITE_ACCESS, timed, *args, **kwargs)

    def _execute(self, mode: str, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`execute_read` / `execute_write` in a fresh session per attempt; `work` may run
        more than once, so it must be safe to repeat."""
        deadline, delay = None, 1.0
        started, outcome = time.perf_counter(), "error"
        try:
            while True:
                try:
                    result = self._attempt(mode, work, *args, **kwargs)
                    outcome = "ok"
                    return result
                except (ServiceUnavailable, SessionExpired) as exc:
                    if not self.reachable():
                        log.warning("Neo4j at %s is unreachable: %s", self.settings.neo4j_uri,
                                    exc)
                        outcome = "unavailable"
                        if self.metrics:
                            self.metrics.unavailable.inc()
                        raise DatabaseUnavailable() from exc
                    error: Exception = exc  # reachable: a routing change; retry
                except (Neo4jError, DriverError) as exc:
                    if not exc.is_retryable():
                        raise
                    error = exc
                if self.metrics:
                    self.metrics.retries.labels(type(error).__name__).inc()
                now = time.monotonic()
                deadline = deadline or now + RETRY_SECONDS
                if now >= deadline:
                    raise error
                time.sleep(min(delay * random.uniform(0.8, 1.2), max(0.0, deadline - now)))
                delay *= 2
        finally:
            if self.metrics:
                self.metrics.transaction_seconds.labels(
                    "write" if mode == neo4j.WRITE_ACCESS else "read", outcome
                ).observe(time.perf_counter() - started)

    def _attempt(self, mode: str, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._session(mode) as session:
            execute = (session.execute_write if mode == neo4j.WRITE_ACCESS
                       else session.execute_read)
            if self.metrics is None:
                return _translate(execute, work, *args, **kwargs)
            with self.metrics.session():
                return _translate(execute, work, *args, **kwargs)

    def reachable(self) -> bool:
        """Whether a connection to the server can be made now (at most CONNECT_SECONDS).
        Refused credentials are not unreachability: AuthError is raised."""
        try:
            self.driver.verify_connectivity()
        except AuthError:
            raise
        except (DriverError, Neo4jError, OSError):
            return False
        return True

    def read(self, name: str, /, **params: Any) -> list[dict]:
        return self.read_tx(run, name, **params)

    def read_one(self, name: str, /, **params: Any) -> dict | None:
        return self.read_tx(run_one, name, **params)

    def write(self, name: str, /, **params: Any) -> list[dict]:
        return self.write_tx(run, name, **params)

    def write_one(self, name: str, /, **params: Any) -> dict | None:
        return self.write_tx(run_one, name, **params)

    def run_autocommit(self, name: str, /, **params: Any) -> list[dict]:
        """Run a named maintenance query outside a transaction function (required for
        `CALL ... IN TRANSACTIONS`) and return its rows. Not retried: for the CLI, not for
        request handling."""
        with self._session(neo4j.WRITE_ACCESS) as session:
            return _rows(session.run(queries[name], params))

    def server_info(self) -> dict:
        """Version and edition of the server; raises ServiceUnavailable when it does not answer."""
        # Auto-commit, not a retried transaction function: a health probe must fail fast.
        with self._session(neo4j.READ_ACCESS) as session:
            return session.run(queries["system/server_components"]).single().data()


def _translate(execute: Callable[..., T], work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    try:
        return execute(work, *args, **kwargs)
    except ConstraintError as exc:
        # The database's text names its internal node id: say it in the API's words.
        text = exc.message or ""
        match = _CONSTRAINT_PROPERTY.search(text)
        label = _CONSTRAINT_LABEL.search(text)
        prop = match.group(1) if match else "uid"
        value = match.group(2).strip() if match and match.group(2) else None
        what = label.group(1) if label else "node"
        message = f"A {what} with {prop} {value} already exists." if value else \
            f"A {what} with this {prop} already exists."
        raise Duplicate.field(prop, "already exists", message=message, details={
            "label": what, "property": prop,
            "value": value.strip("'\"") if value else None}) from exc


__all__ = ["Graph", "run", "run_one", "plain", "Neo4jError", "ServiceUnavailable"]
