"""The five standard routes of a resource (API.md conventions), built once for every kind."""

from __future__ import annotations

from collections.abc import Callable

from marshmallow import Schema, fields

from graphsvc.api.common import PageArgs, actor, admin_only, graph, page_schema
from graphsvc.api.inputs import ApiBlueprint
from graphsvc.errors import Forbidden
from graphsvc.schemas.common import GrantWindow
from graphsvc.services import crud


class EraseArgs(Schema):
    erase = fields.Boolean(load_default=False, metadata={
        "description": "delete every window of this grant, its past included (admins "
                       "only, for erasure requests); by default removing a grant ends its "
                       "window now and keeps the past answerable"})


def resource_blueprint(plural: str, description: str) -> ApiBlueprint:
    return ApiBlueprint(plural, __name__ + "." + plural, url_prefix=f"/api/v1/{plural}",
                     description=description)


def register_crud(blp: ApiBlueprint, k: crud.Kind, *, schema_in: type[Schema],
                  schema_patch: type[Schema], schema_out: type[Schema],
                  create: Callable | None = None, update: Callable | None = None,
                  delete: Callable | None = None, admin_writes: bool = True,
                  guards: dict[str, Callable] | None = None) -> None:
    """POST/GET list on the collection; GET/PATCH/DELETE on `/<uid>`.

    `create(graph, data)`, `update(graph, uid, changes)` and `delete(graph, uid)` default to
    plain node writes. The writes are admin-only unless `admin_writes` is off; `guards`
    gives a write ("create", "patch", "delete") a policy of its own (e.g. `managed`).
    """
    create = create or (lambda g, data: crud.create(g, k, data))
    update = update or (lambda g, uid, changes: crud.update(g, k, uid, changes))
    delete = delete or (lambda g, uid: crud.delete(g, k, uid))
    guard = admin_only if admin_writes else (lambda view: view)
    guards = {"create": guard, "patch": guard, "delete": guard, **(guards or {})}
    page_out = page_schema(schema_out, f"{schema_out.__name__}Page")

    noun = k.noun

    @blp.route("", methods=["POST"], endpoint="create")
    @blp.doc(summary=f"Create a {noun}",
             description=f"409 duplicate when a {noun} with this uid (or another unique "
                         "field) exists.")
    @blp.arguments(schema_in)
    @blp.response(201, schema_out)
    @guards["create"]
    def create_view(data):
        return create(graph(), data)

    @blp.route("", methods=["GET"], endpoint="list")
    @blp.doc(summary=f"List {noun}s", description="By uid; keyset pages: pass next_cursor "
                                                   "as cursor for the next page.")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_out)
    def list_view(args):
        return crud.list_page(graph(), k, args["limit"], args["cursor"])

    @blp.route("/<uid>", methods=["GET"], endpoint="get")
    @blp.doc(summary=f"Get a {noun}")
    @blp.response(200, schema_out)
    def get_view(uid):
        return crud.get(graph(), k, uid)

    @blp.route("/<uid>", methods=["PATCH"], endpoint="patch")
    @blp.doc(summary=f"Change a {noun}", description="Only the fields given change.")
    @blp.arguments(schema_patch)
    @blp.response(200, schema_out)
    @guards["patch"]
    def patch_view(changes, uid):
        return update(graph(), uid, changes)

    @blp.route("/<uid>", methods=["DELETE"], endpoint="delete")
    @blp.doc(summary=f"Delete a {noun}")
    @blp.response(204)
    @guards["delete"]
    def delete_view(uid):
        delete(graph(), uid)


def register_link(blp: ApiBlueprint, link: crud.Link, sub_path: str, *, reverse: bool = False,
                  admin_writes: bool = True, props_schema: type[Schema] | None = None,
                  put_doc: str | None = None, guard: Callable | None = None,
                  recorded_as: str | None = None) -> None:
    """PUT/DELETE `/<uid>/<sub_path>/<target>`: add or remove one relationship.

    The relationship runs from `uid` to `target`, or from `target` to `uid` when `reverse`
    (e.g. `competence-groups/<uid>/members/<user>` stores `(user)-[:MEMBER_OF]->(group)`).
    `props_schema` loads the relationship's properties from the PUT body. `guard` replaces
    the admin-only policy; `recorded_as` (a group kind) records each change in the group
    `uid`'s history, in the change's own transaction.

    A grant (graphsvc.windows.GRANTS) takes a validity window in its PUT body and keeps its
    past: DELETE ends the running window (`?erase=true`, admins only, deletes them all).
    """
    grant = crud.is_grant(link)
    if grant and props_schema is None:
        props_schema = GrantWindow
    guard = guard or (admin_only if admin_writes else (lambda view: view))
    endpoint = sub_path.replace("-", "_")
    route = f"/<uid>/{sub_path}/<target>"
    put_doc = put_doc or f"Link {link.source} -[:{link.rel}]-> {link.target} (idempotent)."
    what = sub_path.replace("-", " ")
    put_summary = f"Add one of the {what}"
    delete_summary = f"Remove one of the {what}"

    def ends(uid: str, target: str) -> tuple[str, str]:
        return (target, uid) if reverse else (uid, target)

    def record(uid: str, target: str) -> crud.Recorded | None:
        return crud.Recorded(recorded_as, uid, sub_path, target) if recorded_as else None

    def put(uid: str, target: str, props: dict | None = None) -> None:
        crud.set_link(graph(), link, *ends(uid, target), True, props, record(uid, target))

    if props_schema is None:
        @blp.route(route, methods=["PUT"], endpoint=f"put_{endpoint}")
        @blp.doc(summary=put_summary, description=put_doc)
        @blp.response(204)
        @guard
        def put_view(uid, target):
            put(uid, target)
    else:
        @blp.route(route, methods=["PUT"], endpoint=f"put_{endpoint}")
        @blp.doc(summary=put_summary, description=put_doc)
        @blp.arguments(props_schema)
        @blp.response(204)
        @guard
        def put_view_props(props, uid, target):
            put(uid, target, {k: v for k, v in props.items() if v is not None})

    if not grant:
        @blp.route(route, methods=["DELETE"], endpoint=f"delete_{endpoint}")
        @blp.doc(summary=delete_summary,
                 description=f"Unlink {link.source} -[:{link.rel}]-> {link.target} "
                             "(idempotent).")
        @blp.response(204)
        @guard
        def delete_view(uid, target):
            crud.set_link(graph(), link, *ends(uid, target), False, None, record(uid, target))
        return

    @blp.route(route, methods=["DELETE"], endpoint=f"delete_{endpoint}")
    @blp.doc(summary=delete_summary,
             description=f"End the grant {link.source} -[:{link.rel}]-> {link.target} now "
                         "(idempotent): its running window ends, a planned one is dropped, "
                         "and decisions asked about the past still see it. `erase=true` "
                         "(admins only) deletes every window instead.")
    @blp.arguments(EraseArgs, location="query")
    @blp.response(204)
    @guard
    def end_grant_view(args, uid, target):
        if args["erase"] and not actor().is_admin:
            raise Forbidden.field("erase", "only administrators may erase a grant's past",
                                  message="Only administrators may erase a grant's past.")
        crud.set_link(graph(), link, *ends(uid, target), False, None, record(uid, target),
                      erase=args["erase"])
