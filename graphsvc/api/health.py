"""Liveness of the API and of Neo4j behind it."""

from __future__ import annotations

from flask import Blueprint, jsonify

from graphsvc.api.common import graph

blp = Blueprint("health", __name__)


@blp.get("/healthz")
def healthz():
    """200 with Neo4j's version and edition when it answers, 503 when it does not."""
    try:
        info = graph().server_info()
    except Exception as exc:  # noqa: BLE001 - any failure to reach Neo4j is "unhealthy"
        return jsonify({"status": "unavailable", "neo4j": {"error": str(exc)}}), 503
    return jsonify({"status": "ok", "neo4j": info})
