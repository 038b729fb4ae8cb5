"""The Flask app factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from graphsvc.config import Settings
from graphsvc.db import Graph


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. `config` may carry `GRAPHSVC_SETTINGS` (a `Settings`) and Flask keys."""
    app = Flask(__name__)
    app.config.from_mapping(
        API_TITLE="graphsvc",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/docs/assets/",
        JSON_SORT_KEYS=False,
    )
    if config:
        app.config.update(config)
    from graphsvc.api import register_api
    from graphsvc.observability import register_observability

    db_metrics = register_observability(app)  # first: its request id is in every hook's errors
    register_api(app)
    from graphsvc.console import register_console

    register_console(app)
    from graphsvc.analysts import analysts

    app.register_blueprint(analysts)
    register_graph(app, db_metrics)
    return app


def register_graph(app: Flask, metrics=None) -> None:
    settings = app.config.get("GRAPHSVC_SETTINGS") or Settings.from_env()
    app.config["GRAPHSVC_SETTINGS"] = settings
    app.extensions["graphsvc.graph"] = Graph(settings, metrics=metrics)
