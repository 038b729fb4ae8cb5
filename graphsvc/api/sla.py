"""SLA contracts with their levels, and a contact group's contract (DOMAIN.md 5)."""

from __future__ import annotations

from graphsvc.api.common import admin_only, graph
from graphsvc.api.contacts import contact_groups
from graphsvc.api.resources import register_crud, resource_blueprint
from graphsvc.schemas import sla as schemas
from graphsvc.services import conditions

sla_contracts = resource_blueprint("sla-contracts", "SLA contracts with levels and a default.")
register_crud(sla_contracts, conditions.SLA_CONTRACT, schema_in=schemas.SlaContractIn,
              schema_patch=schemas.SlaContractPatch, schema_out=schemas.SlaContract,
              create=conditions.create_sla_contract, delete=conditions.delete_sla_contract)


@contact_groups.route("/<uid>/sla-contract/<contract>", methods=["PUT"], endpoint="put_sla")
@contact_groups.response(204)
@admin_only
def put_group_sla(uid, contract):
    """The group's SLA contract (one per group)."""
    conditions.set_group_sla(graph(), uid, contract)


@contact_groups.route("/<uid>/sla-contract", methods=["DELETE"], endpoint="delete_sla")
@contact_groups.response(204)
@admin_only
def delete_group_sla(uid):
    """Remove a contact group's SLA contract."""
    conditions.set_group_sla(graph(), uid, None)


BLUEPRINTS = [sla_contracts]
