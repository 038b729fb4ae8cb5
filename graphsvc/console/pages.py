"""The console's pages and forms. Every rule is the services' own: who may change what is
`graphsvc.services.management` (the traversal the API's policies ask), every write is the
service function the API calls (so the same 5-layer, cycle and reference checks hold and the
change is recorded in its transaction), and every form is loaded by the API's marshmallow
schema, so its errors are the API's, shown next to their fields.

A post is refused (403, the reason next to the form, nothing written) before its fields are
read; it answers with a redirect (303) to the page on success, and with the page and the
error otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError
from marshmallow import Schema, ValidationError

from graphsvc.actor import Actor
from graphsvc.api.common import ACTING_USER_HEADER
from graphsvc.console import CONSOLE, csrf, signin_enabled
from graphsvc.db import Graph
from graphsvc.errors import ServiceError
from graphsvc.schemas import org as org_schemas
from graphsvc.schemas import scheduling as scheduling_schemas
from graphsvc.schemas.common import GrantWindow
from graphsvc.services import access, availability, changes, crud, management, org
from graphsvc.services.management import Needs

console = Blueprint("console", __name__, url_prefix="/manage",
                    template_folder=str(CONSOLE / "templates"),
                    static_folder=str(CONSOLE / "static"), static_url_path="/static")

MEMBER_PAGE = 200  # members listed on a group page (the count says how many there are)
HISTORY_PAGE = 25
CATALOGUE_LIMIT = 500


def graph() -> Graph:
    return current_app.extensions["graphsvc.graph"]


def actor() -> Actor:
    return g.console_actor


# -- who is acting -------------------------------------------------------------------------

@console.before_request
def _acting_user():
    if request.endpoint in ("console.static", "console.sign_in"):
        return None
    uid = request.headers.get(ACTING_USER_HEADER, "").strip()
    if not uid and signin_enabled(current_app):
        uid = session.get("user", "")
    if not uid:
        if signin_enabled(current_app):
            return redirect(url_for("console.sign_in", next=request.full_path))
        abort(401, f"The console needs the {ACTING_USER_HEADER} header from the gateway.")
    row = graph().read_one("org/get_acting_user", uid=uid)
    if row is None:
        session.pop("user", None)
        abort(401, f"Unknown or inactive user '{uid}'.")
    g.console_actor = Actor(uid=row["uid"], is_admin=bool(row["is_admin"]))
    g.console_change_actor = changes.set_actor(row["uid"])
    if request.method == "POST":
        csrf.protect()
    return None


@console.teardown_request
def _reset_change_actor(_exc=None):
    token = g.pop("console_change_actor", None)
    if token is not None:
        changes.reset_actor(token)


@console.errorhandler(CSRFError)
def _forged(exc: CSRFError):
    return render_template("console/error.html", status=403, title="Refused",
                           message=f"This form was not issued to you here ({exc.description})"
                                   "; nothing was changed."), 403


@console.errorhandler(401)
@console.errorhandler(403)
@console.errorhandler(404)
def _http_error(exc):
    return render_template("console/error.html", status=exc.code, title=exc.name,
                           message=exc.description), exc.code


@console.app_context_processor
def _globals():
    return {"console_actor": g.get("console_actor"),
            "signin": signin_enabled(current_app)}


@console.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """The local demo's user picker (GRAPHSVC_CONSOLE_SIGNIN=1 only)."""
    if not signin_enabled(current_app):
        abort(404)
    if request.method == "POST":
        csrf.protect()
        uid = request.form.get("user", "")
        if graph().read_one("org/get_acting_user", uid=uid) is None:
            abort(401, f"Unknown or inactive user '{uid}'.")
        session.clear()
        session["user"] = uid
        target = request.form.get("next") or ""
        return redirect(target if target.startswith("/manage") else url_for("console.tree"),
                        303)
    users = graph().read("org/list_users", uids=None, after=None, limit=CATALOGUE_LIMIT)
    return render_template("console/sign_in.html", users=[r["item"] for r in users
                                                          if r["item"]["active"]],
                           next=request.args.get("next", ""))


@console.post("/sign-out")
def sign_out():
    session.clear()
    return redirect(url_for("console.sign_in") if signin_enabled(current_app)
                    else url_for("console.tree"), 303)


# -- how a post runs ---------------------------------------------------------------------

def _decide(needs: Needs) -> management.Decision:
    return management.authorize(graph(), actor().uid, needs)


def _may(needs: Needs) -> bool:
    return _decide(needs).allowed


def _load(schema: type[Schema], data: dict) -> dict:
    try:
        return schema().load(data)
    except ValidationError as exc:
        messages = exc.normalized_messages()
        fields = {key: value if isinstance(value, list) else [str(value)]
                  for key, value in messages.items()}
        raise ServiceError("Check the fields marked below.", fields=fields,
                           code="invalid") from exc


def _post(form: str, needs: Needs, work: Callable[[], object], page: Callable[..., object],
          done: str, back: str):
    """Authorize, then run `work`; redirect to `back` with `done` flashed, or re-render
    `page(error=...)` with the refusal or the service's error next to the form `form`."""
    decision = _decide(needs)
    if not decision.allowed:
        return page(error={"form": form, "message": decision.refusal.message, "fields": {}},
                    status=403)
    try:
        work()
    except ServiceError as exc:
        status = 422 if exc.code == "invalid" else exc.status
        return page(error={"form": form, "message": exc.message, "fields": exc.fields},
                    status=status)
    flash(done)
    return redirect(back, 303)


def _form(*names: str) -> dict:
    """The named fields of the posted form; an empty field counts as not given."""
    return {name: request.form[name].strip() for name in names
            if request.form.get(name, "").strip()}


def _form_lists(*names: str) -> dict:
    return {name: [v for v in request.form.getlist(name) if v] for name in names}


def _utc(value: str | None) -> str | None:
    """A datetime-local field (wall-clock, read as UTC) as the API's ISO text."""
    if not value:
        return None
    if len(value) == 16:  # 2030-01-01T09:00
        value += ":00"
    if not (value.endswith("Z") or "+" in value[10:] or "-" in value[19:]):
        value += "+00:00"
    return value


def _catalogue(k: crud.Kind) -> list[dict]:
    return [r["item"] for r in graph().read(k.list_query, uids=None, after=None,
                                            limit=CATALOGUE_LIMIT)]


def _history(kind: str, uid: str) -> list[dict]:
    return changes.changes_page(graph(), kind, uid, HISTORY_PAGE, None)["items"]


# -- the competence-group forest ---------------------------------------------------------

def _forest(rows: list[dict]) -> list[dict]:
    """Rows with `parent` as a forest: each group with its `children`, tops first; a group
    whose parent is not shown is a top."""
    by_uid = {row["uid"]: {**row, "children": []} for row in rows}
    tops = []
    for row in rows:
        node = by_uid[row["uid"]]
        parent = by_uid.get(row["parent"])
        (parent["children"] if parent else tops).append(node)
    return tops


def _tree_page(error: dict | None = None, status: int = 200):
    rows = graph().read("manage/tree", uid=actor().uid, all=actor().is_admin)
    if actor().is_admin:
        service_groups = [{"uid": s["uid"], "name": s["name"]}
                          for s in _catalogue(org.SERVICE_GROUP)]
    else:
        overview = graph().read_one("manage/user_page", uid=actor().uid)
        service_groups = [m for m in overview["manages"] if m["kind"] == "service-group"]
    editable = actor().is_admin or bool(rows)
    return render_template("console/tree.html", forest=_forest(rows), groups=rows,
                           service_groups=service_groups, editable=editable,
                           error=error), status


@console.get("/")
def tree():
    return _tree_page()


@console.post("/groups")
def create_group():
    data = _form("name", "parent")
    needs = management.for_new_group(data.get("parent"))

    def work():
        loaded = _load(org_schemas.CompetenceGroupIn, data)
        org.create_competence_group(graph(), loaded)

    return _post("create", needs, work, _tree_page, f"Created '{data.get('name')}'.",
                 url_for("console.tree"))


@console.post("/groups/<uid>/rename")
def rename_group(uid):
    data = _form("name")
    return _post(f"edit-{uid}", management.for_move(uid, data),
                 lambda: org.update_competence_group(
                     graph(), uid, _load(org_schemas.CompetenceGroupPatch, data)),
                 _tree_page, f"Renamed to '{data.get('name')}'.", url_for("console.tree"))


@console.post("/groups/move")
def move_group():
    """One form for the whole tree (a parent picker per group would repeat every group
    under every group)."""
    uid = request.form.get("group", "").strip()
    data = {"parent": request.form.get("parent", "").strip() or None}
    if not uid:
        return _tree_page(error={"form": "move", "message": "Pick the group to move.",
                                 "fields": {"group": ["pick a group"]}}, status=422)
    return _post("move", management.for_move(uid, data),
                 lambda: org.update_competence_group(
                     graph(), uid, _load(org_schemas.CompetenceGroupPatch, data)),
                 _tree_page, f"Moved '{uid}'.", url_for("console.tree"))


@console.post("/groups/<uid>/delete")
def delete_group(uid):
    return _post(f"edit-{uid}", management.for_delete(uid),
                 lambda: org.delete_competence_group(graph(), uid), _tree_page,
                 f"Deleted '{uid}'.", url_for("console.tree"))


# -- a competence group --------------------------------------------------------------------

def _group_page(uid: str, error: dict | None = None, status: int = 200):
    row = graph().read_one("manage/group_page", uid=uid, limit=MEMBER_PAGE)
    if row is None:
        abort(404, f"There is no competence group '{uid}'.")
    decision = _decide(management.for_group(uid))
    inherited: dict[str, dict] = {}
    for item in row["inherited"]:  # nearest ancestor first: keep the first
        inherited.setdefault(item["competence"], item["from"])
    q = request.args.get("q", "").strip()
    found = [r["user"] for r in graph().read("manage/find_users", q=q, limit=20)] if q else []
    return render_template(
        "console/group.html", group=row["group"], ancestors=row["ancestors"],
        members=row["members"], member_count=row["member_count"], managers=row["managers"],
        own=set(row["own"]), inherited=inherited, subgroups=row["subgroups"],
        meeting_types=_catalogue(org.MEETING_TYPE), categories=_catalogue(org.CATEGORY),
        may=decision.allowed, why=decision.paths, q=q, found=found,
        history=_history(changes.COMPETENCE_GROUP, uid), error=error), status


@console.get("/groups/<uid>")
def group(uid):
    return _group_page(uid)


def _group_post(uid: str, form: str, work: Callable[[], object], done: str):
    return _post(form, management.for_group(uid), work,
                 lambda **kw: _group_page(uid, **kw), done, url_for("console.group", uid=uid))


PEOPLE = {  # (group kind, aspect) -> the relationship from the user to the group
    (changes.COMPETENCE_GROUP, "members"): org.GROUP_MEMBER,
    (changes.COMPETENCE_GROUP, "managers"): org.MANAGES_COMPETENCE_GROUP,
    (changes.SERVICE_GROUP, "members"): org.SERVICE_MEMBER,
    (changes.SERVICE_GROUP, "managers"): org.MANAGES_SERVICE_GROUP,
}


def _set_person(kind: str, group_uid: str, aspect: str, user: str, present: bool,
                props: dict | None = None) -> None:
    """Add or remove a member or manager, recorded in the group's history."""
    crud.set_link(graph(), PEOPLE[(kind, aspect)], user, group_uid, present, props,
                  crud.Recorded(kind, group_uid, aspect, user))


def _person_done(aspect: str, user: str, present: bool) -> str:
    if aspect == "managers":
        return f"'{user}' {'now manages' if present else 'no longer manages'} this group."
    return f"{'Added' if present else 'Removed'} '{user}'."


@console.post("/groups/<uid>/<any(members, managers):aspect>")
def add_person(uid, aspect):
    user = request.form.get("user", "")
    return _group_post(uid, aspect, lambda: _set_person(
        changes.COMPETENCE_GROUP, uid, aspect, user, True), _person_done(aspect, user, True))


@console.post("/groups/<uid>/<any(members, managers):aspect>/<user>/remove")
def remove_person(uid, aspect, user):
    return _group_post(uid, aspect, lambda: _set_person(
        changes.COMPETENCE_GROUP, uid, aspect, user, False), _person_done(aspect, user, False))


@console.post("/groups/<uid>/competences")
def set_competence(uid):
    meeting_type = request.form.get("meeting_type", "")
    category = request.form.get("customer_category", "")
    present = request.form.get("present") == "1"
    return _group_post(uid, "competences", lambda: org.set_group_competence(
        graph(), uid, meeting_type, category, present),
        f"{'Granted' if present else 'Withdrew'} {meeting_type} / {category}.")


# -- a service group -----------------------------------------------------------------------

def _service_group_page(uid: str, error: dict | None = None, status: int = 200):
    try:
        group_row = crud.get(graph(), org.SERVICE_GROUP, uid)
    except ServiceError:
        abort(404, f"There is no service group '{uid}'.")
    people = graph().read_one("manage/service_group_page", uid=uid)
    decision = _decide(management.for_service_group(uid))
    q = request.args.get("q", "").strip()
    found = [r["user"] for r in graph().read("manage/find_users", q=q, limit=20)] if q else []
    linkable = graph().read("manage/tree", uid=actor().uid, all=actor().is_admin)
    return render_template(
        "console/service_group.html", group=group_row, members=people["members"],
        managers=people["managers"], linked=people["linked"], linkable=linkable,
        locations=_catalogue(org.LOCATION), categories=_catalogue(org.CATEGORY),
        themes=_catalogue(org.THEME), meeting_types=_catalogue(org.MEETING_TYPE),
        may=decision.allowed, why=decision.paths, q=q, found=found,
        history=_history(changes.SERVICE_GROUP, uid), error=error), status


@console.get("/service-groups/<uid>")
def service_group(uid):
    return _service_group_page(uid)


def _service_post(uid: str, form: str, needs: Needs, work: Callable[[], object], done: str):
    return _post(form, needs, work, lambda **kw: _service_group_page(uid, **kw), done,
                 url_for("console.service_group", uid=uid))


@console.post("/service-groups/<uid>/activation")
def set_activation(uid):
    data = {"activation": _form_lists("locations", "customer_categories", "meeting_themes")}
    return _service_post(uid, "activation", management.for_service_fields(uid, data),
                         lambda: org.update_service_group(
                             graph(), uid, _load(org_schemas.ServiceGroupPatch, data)),
                         "Activation rules saved.")


@console.post("/service-groups/<uid>/levels")
def add_level(uid):
    data = {**_form("name", "mode"), **_form_lists("locations", "meeting_types")}
    return _service_post(uid, "levels", management.for_service_group(uid),
                         lambda: org.add_service_level(
                             graph(), uid, _load(org_schemas.ServiceLevelIn, data)),
                         f"Added the level '{data.get('name')}'.")


@console.post("/service-groups/<uid>/levels/<level>/delete")
def delete_level(uid, level):
    return _service_post(uid, "levels", management.for_service_group(uid),
                         lambda: org.delete_service_level(graph(), uid, level),
                         "Level deleted.")


@console.post("/service-groups/<uid>/<any(members, managers):aspect>")
def add_service_person(uid, aspect):
    """A direct member may carry a campaign window [valid_from, valid_to) (UTC)."""
    user = request.form.get("user", "")
    window = {key: _utc(request.form.get(key, "").strip())
              for key in ("valid_from", "valid_to")} if aspect == "members" else {}

    def work():
        loaded = _load(GrantWindow, window) if window else {}
        _set_person(changes.SERVICE_GROUP, uid, aspect, user, True,
                    {k: v for k, v in loaded.items() if v is not None})

    return _service_post(uid, aspect, management.for_service_group(uid), work,
                         _person_done(aspect, user, True))


@console.post("/service-groups/<uid>/<any(members, managers):aspect>/<user>/remove")
def remove_service_person(uid, aspect, user):
    return _service_post(uid, aspect, management.for_service_group(uid),
                         lambda: _set_person(changes.SERVICE_GROUP, uid, aspect, user, False),
                         _person_done(aspect, user, False))


def _link(uid: str, group_uid: str, present: bool) -> None:
    crud.set_link(graph(), org.LINKED_GROUP, uid, group_uid, present, None,
                  crud.Recorded(changes.SERVICE_GROUP, uid, "competence-groups", group_uid))


@console.post("/service-groups/<uid>/groups")
def link_group(uid):
    group_uid = request.form.get("group", "")
    return _service_post(uid, "linked", management.for_link(uid, group_uid),
                         lambda: _link(uid, group_uid, True), f"Linked '{group_uid}'.")


@console.post("/service-groups/<uid>/groups/<group_uid>/remove")
def unlink_group(uid, group_uid):
    return _service_post(uid, "linked", management.for_link(uid, group_uid),
                         lambda: _link(uid, group_uid, False), f"Unlinked '{group_uid}'.")


# -- who can serve, and a user ------------------------------------------------------------

@console.get("/who-can-serve")
def who_can_serve():
    """The availability decision with explain=excluded, for one day (UTC)."""
    args = {key: request.args[key] for key in ("contact", "meeting_type", "mode", "location",
                                               "day") if request.args.get(key)}
    answer, error = None, None
    if args.get("contact"):
        try:
            day = date.fromisoformat(args.get("day", ""))
        except ValueError:
            day = None
        try:
            if day is None:
                raise ServiceError("day: pick a day", fields={"day": ["pick a day"]})
            start = datetime.combine(day, time(0), UTC)
            query = {"contact": args["contact"], "meeting_type": args.get("meeting_type", ""),
                     "mode": args.get("mode", ""), "from": start.isoformat(),
                     "to": (start + timedelta(days=1)).isoformat(), "explain": "excluded",
                     "limit": "20", "slots": "6"}
            if args.get("mode") == "physical" and args.get("location"):
                query["location"] = args["location"]
            loaded = _load(scheduling_schemas.AvailabilityArgs, query)
            answer = availability.search(
                graph(), availability.Request(
                    contact=loaded["contact"], meeting_type=loaded["meeting_type"],
                    mode=loaded["mode"], location=loaded["location"], start=loaded["start"],
                    end=loaded["end"]),
                limit=loaded["limit"], slot_limit=loaded["slots"], explain="excluded",
                actor=actor())
        except ServiceError as exc:
            error = {"form": "search", "message": exc.message, "fields": exc.fields}
    contacts = access.visible_contacts(graph(), actor(), actor().uid, 100, None)["items"]
    return render_template("console/who_can_serve.html", args=args, answer=answer,
                           error=error, contacts=contacts,
                           meeting_types=_catalogue(org.MEETING_TYPE),
                           locations=_catalogue(org.LOCATION),
                           today=date.today().isoformat()), 422 if error else 200


@console.get("/users/<uid>")
def user(uid):
    overview = graph().read_one("manage/user_page", uid=uid)
    if overview is None:
        abort(404, f"There is no user '{uid}'.")
    return render_template("console/user.html", user=overview["user"],
                           competences=org.effective_competences(graph(), uid),
                           competence_groups=overview["competence_groups"],
                           service_groups=overview["service_groups"],
                           manages=overview["manages"])
