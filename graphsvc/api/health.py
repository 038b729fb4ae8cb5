"""Probes for operators: /livez (the process answers), /readyz (Neo4j reachable and the
schema this code expects migrated), and /healthz (Neo4j's version and edition)."""

from __future__ import annotations

import logging

from flask import Blueprint, jsonify

from graphsvc.api.common import graph

blp = Blueprint("health", __name__)
log = logging.getLogger("graphsvc.api")


@blp.get("/livez")
def livez():
    """200 while the process serves requests; it never asks the database."""
    return jsonify({"live": True})


@blp.get("/readyz")
def readyz():
    """200 when Neo4j answers and holds the schema version of this code (`graphsvc db
    migrate` has run); 503 otherwise, saying which. Load balancers send traffic on 200."""
    from graphsvc.schema import is_migrated

    g = graph()
    try:
        reachable = g.reachable()
        migrated = reachable and is_migrated(g)
    except Exception as exc:  # noqa: BLE001 - any failure to ask is "not ready"
        log.warning("readiness check failed: %s", exc)
        reachable, migrated = False, False
    ready = reachable and migrated
    body = {"ready": ready, "database": "reachable" if reachable else "unreachable",
            "schema": "migrated" if migrated else ("not migrated" if reachable else "unknown")}
    return jsonify(body), 200 if ready else 503


@blp.get("/healthz")
def healthz():
    """200 with Neo4j's version and edition when it answers, 503 when it does not."""
    try:
        info = graph().server_info()
    except Exception as exc:  # noqa: BLE001 - any failure to reach Neo4j is "unhealthy"
        log.warning("health check failed: %s", exc)
        return jsonify({"status": "unavailable",
                        "neo4j": {"error": "The database is not reachable."}}), 503
    return jsonify({"status": "ok", "neo4j": info})
