"""Service conditions per contact group (DOMAIN.md section 5): price lists, SLA contracts and
responsibility per processing domain."""

from __future__ import annotations

from graphsvc.actor import Actor
from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Invalid, NotFound
from graphsvc.services import access, contacts, crud, org
from graphsvc.vocabulary import PROCESSING_DOMAINS

PRODUCT = crud.kind("Product", "product", "conditions/list_products")
PRICE_LIST = crud.kind("PriceList", "price list", "conditions/list_price_lists")
SLA_CONTRACT = crud.kind("SlaContract", "SLA contract", "conditions/list_sla_contracts")
GROUP_PRICE_LIST = crud.link_type("ContactGroup", "USES_PRICE_LIST", "PriceList")
PERSONAL_PRICE_LIST = crud.link_type("Contact", "PERSONAL_PRICE_LIST", "PriceList")

DOMAINS = PROCESSING_DOMAINS


# -- prices ------------------------------------------------------------------------------

def set_price(graph: Graph, price_list: str, product: str, amount: float | None) -> dict:
    def work(tx):
        row = run_one(tx, "conditions/set_price", list=price_list, product=product,
                      amount=amount)
        if not row["list_found"]:
            raise NotFound.of("price list", price_list)
        if not row["product_found"]:
            raise NotFound.of("product", product)
        return crud.tx_get(tx, PRICE_LIST, price_list)

    return graph.write_tx(work)


def set_personal_price_list(graph: Graph, actor: Actor, contact: str, price_list: str,
                            present: bool) -> None:
    """A contact has at most one personal price list."""

    def work(tx):
        access.tx_require_visible(tx, actor.uid, contact)
        if present:
            for old in run(tx, "conditions/personal_price_list", contact=contact):
                crud.tx_set_link(tx, PERSONAL_PRICE_LIST, contact, old["uid"], False)
        crud.tx_set_link(tx, PERSONAL_PRICE_LIST, contact, price_list, present)

    graph.write_tx(work)


def _why(winner: dict, loser: dict) -> str:
    if winner["personal"]:
        return "the contact's personal price list has the highest priority"
    if loser["priority"] < winner["priority"]:
        return f"lower priority ({loser['priority']} < {winner['priority']})"
    if loser["amount"] > winner["amount"]:
        return f"same priority ({loser['priority']}), higher price"
    return f"same priority and price; '{winner['price_list']}' comes first by uid"


def price(graph: Graph, actor: Actor, contact: str, product: str) -> dict:
    """The price of a product for a contact, the list and group it came from, and the
    losing candidates with the reason each lost."""

    def work(tx):
        access.tx_require_visible(tx, actor.uid, contact)
        crud.tx_require(tx, PRODUCT, [product], "product")
        return run(tx, "conditions/price_candidates", contact=contact, product=product)

    rows = graph.read_tx(work)
    if not rows:
        raise NotFound(f"No price list of contact '{contact}' prices product '{product}'.",
                       code="no_price")
    winner, losers = rows[0], rows[1:]
    return {"amount": winner["amount"], "currency": winner["currency"],
            "price_list": winner["price_list"], "contact_group": winner["contact_group"],
            "personal": winner["personal"], "priority": winner["priority"],
            "paths": [winner["path"]],
            "candidates": [{"price_list": r["price_list"], "contact_group": r["contact_group"],
                            "amount": r["amount"], "currency": r["currency"],
                            "priority": r["priority"], "personal": r["personal"],
                            "lost_because": _why(winner, r), "paths": [r["path"]]}
                           for r in losers]}


# -- SLA ----------------------------------------------------------------------------------

def create_sla_contract(graph: Graph, data: dict) -> dict:
    levels = [{**level, "uid": level.get("uid") or crud.new_uid()} for level in data["levels"]]
    severities = [level["severity"] for level in levels]
    if len(set(severities)) != len(severities):
        raise Invalid.field("levels", "each severity may have one level only")
    names = {level["name"]: level["uid"] for level in levels}
    default = data["default_level"]
    default_uid = names.get(default) or (default if default in names.values() else None)
    if default_uid is None:
        raise Invalid.field("default_level", "must name one of the levels (by name or uid)")
    props = {"uid": data.get("uid") or crud.new_uid(), "name": data["name"]}

    def work(tx):
        uid = crud.tx_create(tx, SLA_CONTRACT, props)
        run(tx, "conditions/create_sla_levels", contract=uid, levels=levels,
            default_level=default_uid)
        return crud.tx_get(tx, SLA_CONTRACT, uid)

    return graph.write_tx(work)


def delete_sla_contract(graph: Graph, uid: str) -> None:
    def work(tx):
        if run_one(tx, "conditions/delete_sla_contract", uid=uid)["deleted"] == 0:
            raise NotFound.of("SLA contract", uid)

    graph.write_tx(work)


def set_group_sla(graph: Graph, group: str, contract: str | None) -> None:
    def work(tx):
        if contract is not None:
            crud.tx_get(tx, SLA_CONTRACT, contract)
        if not run_one(tx, "conditions/set_group_sla", group=group,
                       contract=contract)["group_found"]:
            raise NotFound.of("contact group", group)

    graph.write_tx(work)


# -- responsibility -------------------------------------------------------------------------

def _check_domain(domain: str) -> None:
    if domain not in DOMAINS:
        raise Invalid.field("domain", f"one of {', '.join(DOMAINS)}")


def set_responsibility(graph: Graph, group: str, domain: str, data: dict) -> list[dict]:
    _check_domain(domain)

    def work(tx):
        crud.tx_get(tx, contacts.CONTACT_GROUP, group)
        for key, kind in (("area", contacts.AREA), ("handler", org.USER),
                          ("user_group", contacts.USER_GROUP)):
            if data.get(key):
                crud.tx_require(tx, kind, [data[key]], key)
        if not any(data.get(k) for k in ("area", "handler", "user_group")):
            raise Invalid.field("area", "set at least one of area, handler and user_group")
        run(tx, "conditions/set_responsibility", group=group, domain=domain,
            area=data.get("area"), handler=data.get("handler"),
            user_group=data.get("user_group"))
        return [r["item"] for r in run(tx, "conditions/list_responsibilities", group=group)]

    return graph.write_tx(work)


def responsibilities(graph: Graph, group: str) -> list[dict]:
    def work(tx):
        crud.tx_get(tx, contacts.CONTACT_GROUP, group)
        return [r["item"] for r in run(tx, "conditions/list_responsibilities", group=group)]

    return graph.read_tx(work)


def delete_responsibility(graph: Graph, group: str, domain: str) -> None:
    def work(tx):
        if run_one(tx, "conditions/delete_responsibility", group=group,
                   domain=domain)["deleted"] == 0:
            raise NotFound.of("responsibility", f"{group}|{domain}")

    graph.write_tx(work)


# -- settings for the service desk -----------------------------------------------------------

def set_default_user(graph: Graph, user: str | None) -> dict:
    def work(tx):
        if user is not None:
            crud.tx_require(tx, org.USER, [user], "default_user")
        run(tx, "conditions/set_default_user", user=user)
        return run_one(tx, "org/get_settings")["settings"]

    return graph.write_tx(work)


def set_default_area(graph: Graph, domain: str, area: str | None) -> dict:
    _check_domain(domain)

    def work(tx):
        if area is not None:
            crud.tx_require(tx, contacts.AREA, [area], "area")
        run(tx, "conditions/set_default_area", domain=domain, area=area)
        return run_one(tx, "org/get_settings")["settings"]

    return graph.write_tx(work)

