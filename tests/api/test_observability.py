"""What operators see: probes, Prometheus metrics, JSON log lines and request ids."""

from __future__ import annotations

import json
import logging
import re

from graphsvc.observability import RequestIdFilter


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.addFilter(RequestIdFilter())

    def emit(self, record):
        self.records.append(record)


def test_livez_and_readyz(api):
    assert api.get("/livez", as_="").json == {"live": True}
    res = api.get("/readyz", as_="")
    assert res.status_code == 200, res.json
    assert res.json == {"ready": True, "database": "reachable", "schema": "migrated"}


def metric(text: str, name: str, **labels) -> float:
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{"):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_count_requests_per_endpoint_and_status_and_the_database(api, admin,
                                                                         clean_graph):
    before = api.get("/metrics", as_="").get_data(as_text=True)
    for _ in range(3):
        assert api.get("/api/v1/locations").status_code == 200
    assert api.get("/api/v1/locations/nowhere").status_code == 404
    text = api.get("/metrics", as_="").get_data(as_text=True)
    name = "graphsvc_http_request_duration_seconds_count"
    assert metric(text, name, endpoint="locations.list", status="200") - \
        metric(before, name, endpoint="locations.list", status="200") == 3
    assert metric(text, name, endpoint="locations.get", status="404") - \
        metric(before, name, endpoint="locations.get", status="404") == 1
    assert "graphsvc_http_request_duration_seconds_bucket" in text
    tx = "graphsvc_db_transaction_seconds_count"
    assert metric(text, tx, mode="read", outcome="ok") > metric(before, tx, mode="read",
                                                                outcome="ok")
    assert "graphsvc_db_sessions_in_use" in text and "graphsvc_db_retries_total" in text


def test_a_request_id_in_is_the_same_id_out_and_in_the_log(api, admin, clean_graph):
    collect = Collect()
    access = logging.getLogger("graphsvc.access")
    access.addHandler(collect)
    try:
        res = api.get("/api/v1/locations", headers={"X-Request-Id": "abc-123"})
        assert res.headers["X-Request-Id"] == "abc-123"
        res = api.get("/api/v1/locations/nowhere", headers={"X-Request-Id": "err-7"})
        assert res.status_code == 404
        assert res.headers["X-Request-Id"] == "err-7"
        assert res.json["error"]["request_id"] == "err-7"
        # None given, or not a sane token: one is made up.
        made = api.get("/api/v1/locations").headers["X-Request-Id"]
        assert re.fullmatch(r"[0-9a-f]{32}", made)
        odd = api.get("/api/v1/locations", headers={"X-Request-Id": "a b\tc" * 50})
        assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["X-Request-Id"])
    finally:
        access.removeHandler(collect)
    lines = {r.request_id: r for r in collect.records}
    assert lines["abc-123"].status == 200 and lines["abc-123"].endpoint == "locations.list"
    assert lines["err-7"].status == 404 and lines["err-7"].actor == "admin"
    # The process's own handler writes the same record as one JSON object.
    handler = next(h for h in logging.getLogger("graphsvc").handlers
                   if getattr(h, "graphsvc_json", False))
    line = json.loads(handler.format(lines["abc-123"]))
    assert line["request_id"] == "abc-123" and line["message"] == "request"
    assert line["level"] == "INFO" and line["logger"] == "graphsvc.access"
    assert line["status"] == 200 and "duration_ms" in line
