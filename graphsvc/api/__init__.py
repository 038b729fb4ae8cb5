"""HTTP API: blueprints that load with a schema, call one service function, dump with a schema."""

from __future__ import annotations

from flask import Flask

from graphsvc.api import (
    cases,
    contacts,
    errors,
    health,
    imports,
    org,
    prices,
    reports,
    responsibility,
    scheduling,
    sla,
    substitutions,
    teams,
    whatif,
)
from graphsvc.api.common import (
    close_actor_prelude,
    load_acting_user,
    register_docs_assets,
    verify_unchecked_actor,
)
from graphsvc.api.consistency import register_consistency
from graphsvc.api.contract import register_contract
from graphsvc.api.inputs import register_input_rules

BLUEPRINTS = [*org.BLUEPRINTS, *contacts.BLUEPRINTS, *scheduling.BLUEPRINTS,
              *prices.BLUEPRINTS, *sla.BLUEPRINTS, *responsibility.BLUEPRINTS,
              *cases.BLUEPRINTS, *teams.BLUEPRINTS, *reports.BLUEPRINTS,
              *imports.BLUEPRINTS, *substitutions.BLUEPRINTS,
              *whatif.BLUEPRINTS]


def register_api(app: Flask) -> None:
    api = register_contract(app)
    app.register_blueprint(health.blp)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    register_input_rules(app)
    register_consistency(app)
    app.before_request(load_acting_user)
    app.after_request(verify_unchecked_actor)
    app.teardown_request(close_actor_prelude)
    register_docs_assets(app)
    errors.register_error_handlers(app)
