"""What operators see: a request id on every answer and log line, JSON logs, and Prometheus
metrics (requests per endpoint and status with latency histograms, database transaction
time, retries, sessions in use).

Request ids: `X-Request-Id` is taken from the request when it is a sane token (at most 128
characters of letters, digits and `-_.:`), otherwise one is made; it is echoed in every
answer (errors included) and carried by every log line of the request.

Metrics: prometheus-flask-exporter serves `/metrics` per app. Under `graphsvc serve`
(several gunicorn workers) PROMETHEUS_MULTIPROC_DIR is set and the numbers of all workers
are added up (prometheus_client's multiprocess mode)."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import uuid
from contextlib import contextmanager

from flask import Flask, g, has_request_context, request
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from pythonjsonlogger.json import JsonFormatter

REQUEST_ID_HEADER = "X-Request-Id"
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
log = logging.getLogger("graphsvc.access")


def multiprocess() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class DbMetrics:
    """The database side: one set per app (its own registry), or unregistered in
    multiprocess mode, where the values go to files every worker's /metrics adds up."""

    def __init__(self, registry: CollectorRegistry | None):
        reg = None if multiprocess() else registry
        self.transaction_seconds = Histogram(
            "graphsvc_db_transaction_seconds", "Neo4j transaction time (all attempts)",
            ["mode", "outcome"], registry=reg,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15))
        self.retries = Counter("graphsvc_db_retries_total",
                               "transactions retried after a transient error", ["error"],
                               registry=reg)
        self.unavailable = Counter("graphsvc_db_unavailable_total",
                                   "requests failed fast: the database was unreachable",
                                   registry=reg)
        self.sessions = Gauge("graphsvc_db_sessions_in_use", "Neo4j sessions open now",
                              registry=reg, multiprocess_mode="livesum")

    @contextmanager
    def session(self):
        self.sessions.inc()
        try:
            yield
        finally:
            self.sessions.dec()


def request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id()
        return True


def configure_logging() -> None:
    """JSON lines on stderr for the graphsvc loggers (once per process); level from
    GRAPHSVC_LOG_LEVEL (default INFO)."""
    root = logging.getLogger("graphsvc")
    if any(getattr(h, "graphsvc_json", False) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.graphsvc_json = True
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"}))
    root.addHandler(handler)
    root.setLevel(os.environ.get("GRAPHSVC_LOG_LEVEL", "INFO").upper())
    root.propagate = False


def _start() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response):
    rid = g.get("request_id")
    if rid:
        response.headers[REQUEST_ID_HEADER] = rid
    if os.environ.get("GRAPHSVC_ACCESS_LOG") != "off" and "request_started" in g:
        log.info("request", extra={
            "method": request.method, "path": request.path, "endpoint": request.endpoint,
            "status": response.status_code, "actor": getattr(g.get("actor"), "uid", None),
            "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 2)})
    return response


def register_observability(app: Flask) -> DbMetrics:
    """Request ids, JSON access log lines, /metrics. Returns the app's database metrics."""
    configure_logging()
    app.before_request(_start)
    app.after_request(_finish)
    registry = CollectorRegistry()
    if multiprocess():
        from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

        GunicornInternalPrometheusMetrics(app, group_by="endpoint",
                                          defaults_prefix="graphsvc")
    else:
        from prometheus_flask_exporter import PrometheusMetrics

        PrometheusMetrics(app, group_by="endpoint", defaults_prefix="graphsvc",
                          registry=registry)
    return DbMetrics(registry)
