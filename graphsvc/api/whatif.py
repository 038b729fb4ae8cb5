"""What-if (issue 15): simulate changes to the org; nothing is ever persisted."""

from __future__ import annotations

from graphsvc.api.common import admin_only, graph
from graphsvc.api.resources import resource_blueprint
from graphsvc.schemas import whatif as schemas
from graphsvc.services import whatif

blp = resource_blueprint("what-if", "Simulate changes (admins): applied in one transaction, "
                                    "compared, and rolled back.")


@blp.route("", methods=["POST"], endpoint="simulate")
@blp.arguments(schemas.WhatIfIn)
@blp.response(200, schemas.WhatIfAnswer)
@admin_only
def simulate(data):
    """What these changes would change (visibility gained and lost, effective competences,
    refused moves); they are applied in one transaction that is always rolled back."""
    return whatif.simulate(graph(), data["changes"], data["limit"])


BLUEPRINTS = [blp]
