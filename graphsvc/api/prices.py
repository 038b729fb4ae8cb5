"""Products, price lists and the price of a product for a contact (DOMAIN.md 5)."""

from __future__ import annotations

from graphsvc.api.common import actor, admin_only, graph
from graphsvc.api.contacts import blp as contacts_blp
from graphsvc.api.contacts import contact_groups
from graphsvc.api.replay import replayable
from graphsvc.api.resources import register_crud, register_link, resource_blueprint
from graphsvc.schemas import common as common_schemas
from graphsvc.schemas import prices as schemas
from graphsvc.services import conditions

products = resource_blueprint("products", "Products that price lists price.")
register_crud(products, conditions.PRODUCT, schema_in=common_schemas.NamedIn,
              schema_patch=common_schemas.NamedPatch, schema_out=schemas.Product)

price_lists = resource_blueprint("price-lists", "Price lists and their prices.")
register_crud(price_lists, conditions.PRICE_LIST, schema_in=schemas.PriceListIn,
              schema_patch=schemas.PriceListPatch, schema_out=schemas.PriceList)


@price_lists.route("/<uid>/prices/<product>", methods=["PUT"], endpoint="put_price")
@price_lists.arguments(schemas.PriceIn)
@price_lists.response(200, schemas.PriceList)
@admin_only
def put_price(data, uid, product):
    """Set a product's price in a price list."""
    return conditions.set_price(graph(), uid, product, data["amount"])


@price_lists.route("/<uid>/prices/<product>", methods=["DELETE"], endpoint="delete_price")
@price_lists.response(200, schemas.PriceList)
@admin_only
def delete_price(uid, product):
    """Remove a product's price from a price list."""
    return conditions.set_price(graph(), uid, product, None)


register_link(contact_groups, conditions.GROUP_PRICE_LIST, "price-lists",
              props_schema=schemas.PriorityIn,
              put_doc="The group uses the price list with this priority (higher wins).")


@contacts_blp.route("/<uid>/personal-price-list/<price_list>", methods=["PUT"],
                    endpoint="put_personal_price_list")
@contacts_blp.response(204)
@admin_only
def put_personal_price_list(uid, price_list):
    """The contact's personal price list (highest priority; at most one)."""
    conditions.set_personal_price_list(graph(), actor(), uid, price_list, True)


@contacts_blp.route("/<uid>/personal-price-list/<price_list>", methods=["DELETE"],
                    endpoint="delete_personal_price_list")
@contacts_blp.response(204)
@admin_only
def delete_personal_price_list(uid, price_list):
    """Remove a contact's personal price list."""
    conditions.set_personal_price_list(graph(), actor(), uid, price_list, False)


@contacts_blp.route("/<uid>/price", methods=["GET"], endpoint="price")
@contacts_blp.arguments(schemas.PriceArgs, location="query")
@contacts_blp.response(200, schemas.PriceAnswer)
@replayable
def contact_price(args, uid):
    """The winning price with its list and group, and the losing candidates with why."""
    return conditions.price(graph(), actor(), uid, args["product"])


BLUEPRINTS = [products, price_lists]
