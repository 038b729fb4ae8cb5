"""Every route of the app, walked from its URL map, as a user who sees nothing, as one who
sees some contacts, as a group manager and as an admin: 403 exactly on admin-only routes
and, for others than their managers, on writes under a group (decided before the body is
validated), 404 exactly where the object concerns a contact the user does not see, and
nothing written by a refused request. A route missing from POLICY fails the test, so
a new route cannot be forgotten."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from graphsvc.actor import Actor
from graphsvc.services import (
    bookings,
    cases,
    conditions,
    crud,
    messages,
    org,
    scheduling,
    substitutions,
)
from tests import factories as f

TUE_10 = datetime(2030, 12, 3, 10, 0, tzinfo=UTC)
TUE_12 = datetime(2030, 12, 3, 12, 0, tzinfo=UTC)

ADMIN = "admin"      # non-admins: 403 whatever the body; admins: never 403
SELF = "self"        # /users/<uid>/...: another user's answer 403 for non-admins
CONTACT = "contact"  # the path names an object concerning a contact: 404 unless it is seen
MEMBER = "member"    # a team's pool: members and admins only
MANAGER = "manager"  # a group's managers (of it or, for competence groups, a group above)
OPEN = "open"        # any active user; the answer itself is filtered
OWN = "own"          # a user may do it for themself (403 for someone else), admins for all
PARTY = "party"      # an object of two users (a substitution): 404 for others, not admins

# endpoint -> policy; every /api/v1 route of the app must be here.
POLICY: dict[str, str] = {}


def _policy(policy: str, *endpoints: str) -> None:
    for endpoint in endpoints:
        POLICY[endpoint] = policy


CRUD_ADMIN = ["locations", "users", "customer-categories", "meeting-themes", "meeting-types",
              "competence-groups", "service-groups", "directories", "user-groups",
              "account-manager-groups", "areas", "contact-groups", "products", "price-lists",
              "sla-contracts", "qualifications", "teams"]
for _kind in CRUD_ADMIN:
    _policy(ADMIN, f"{_kind}.create", f"{_kind}.patch", f"{_kind}.delete")
    _policy(OPEN, f"{_kind}.list", f"{_kind}.get")
_policy(ADMIN,
        "import.run",
        "users.put_locations", "users.delete_locations",
        "users.put_qualification", "users.delete_qualification",
        "service-groups.create", "service-groups.delete",
        "settings.patch", "settings.put_default_area", "settings.delete_default_area",
        "contacts.put_personal_price_list", "contacts.delete_personal_price_list",
        "directories.put_users", "directories.delete_users",
        "directories.put_user_groups", "directories.delete_user_groups",
        "directories.put_contacts", "directories.delete_contacts",
        "user-groups.put_members", "user-groups.delete_members",
        "account-manager-groups.put_members", "account-manager-groups.delete_members",
        "areas.put_users", "areas.delete_users", "areas.put_user_groups",
        "areas.delete_user_groups",
        "contact-groups.put_member", "contact-groups.delete_member",
        "contact-groups.put_price_lists", "contact-groups.delete_price_lists",
        "contact-groups.put_sla", "contact-groups.delete_sla",
        "contact-groups.put_responsibility", "contact-groups.delete_responsibility",
        "price-lists.put_price", "price-lists.delete_price",
        "teams.put_members", "teams.delete_members",
        "reports.run", "what-if.simulate")
_policy(OWN, "substitutions.create")
_policy(PARTY, "substitutions.get", "substitutions.end")
_policy(MANAGER, "competence-groups.create", "competence-groups.patch",
        "competence-groups.delete",
        "competence-groups.put_members", "competence-groups.delete_members",
        "competence-groups.put_competence", "competence-groups.delete_competence",
        "competence-groups.put_managers", "competence-groups.delete_managers",
        "competence-groups.changes", "service-groups.patch",
        "service-groups.put_competence_groups", "service-groups.delete_competence_groups",
        "service-groups.create_level", "service-groups.delete_level",
        "service-groups.put_members", "service-groups.delete_members",
        "service-groups.put_managers", "service-groups.delete_managers",
        "service-groups.changes")
_policy(SELF, "users.managed_groups", "users.visible_contacts", "users.suggestions",
        "users.put_working_hours", "users.create_absence", "users.delete_absence")
_policy(CONTACT, "contacts.get", "contacts.patch", "contacts.delete",
        "contacts.campaign_status", "contacts.messages", "contacts.price",
        "messages.get", "bookings.get", "bookings.delete", "cases.get", "cases.patch",
        "cases.messages", "cases.put_sla", "cases.assign", "access.contact")
_policy(MEMBER, "teams.pull", "teams.tasks")
_policy(OPEN, "competence-groups.may_change", "service-groups.may_change",
        "users.competences", "users.qualifications", "users.working_hours",
        "users.absences", "service-groups.activation_all", "service-groups.activation",
        "service-groups.members", "settings.get", "contacts.create", "contacts.list",
        "contact-groups.members", "contact-groups.responsibilities", "messages.create",
        "availability.search", "bookings.create", "bookings.list", "cases.create",
        "cases.list", "cases.pull", "teams.create_tasks", "substitutions.list")

# A uid of the right kind for each blueprint's <uid>; the contact-concerning ones get the
# hidden or the seen object.
SAMPLE = {"locations": "bergen", "users": "kari", "customer-categories": "private",
          "meeting-themes": "loans", "meeting-types": "mortgage", "competence-groups": "cg1",
          "service-groups": "sg1", "settings": None, "directories": "public",
          "user-groups": "ug1", "account-manager-groups": "amg-kari", "areas": "area1",
          "contact-groups": "cgroup", "products": "p1", "price-lists": "pl1",
          "sla-contracts": "sla1", "qualifications": "q1", "teams": "team1",
          "reports": None, "availability": None, "substitutions": "sub1", "what-if": None}
PARAMS = {"target": "kari", "meeting_type": "mortgage", "customer_category": "private",
          "level": "lvl1", "domain": "helpdesk", "contract": "sla1", "contact": "seen",
          "price_list": "pl1", "product": "p1", "qualification": "q1", "absence": "abs1",
          "name": "invisible-customers", "area": "area1"}
# Well-formed bodies and queries, so that a 404 or 403 is about the object, not the input.
BODIES = {"cases.assign": {"user": "kari"},
          "competence-groups.create": {"name": "New", "parent": "cg1"},
          "cases.put_sla": {"contract": "sla1", "level": "sla1-std"},
          "contacts.campaign_status": {"status": "contacted"},
          "contacts.patch": {"name": "Renamed"}, "cases.patch": {"subject": "Renamed"},
          # (kari names a substitute for herself; the outsider for kari: refused)
          "substitutions.create": {"substitute": "boss", "for_user": "kari",
                                   "to": (datetime.now(UTC) + timedelta(days=30)).isoformat()},
          "what-if.simulate": {"changes": [{"op": "deactivate_user", "user": "outsider"}]}}
QUERIES = {"contacts.price": "product=p1", "bookings.list": "contact=seen"}
# Path parameters of one route that differ from PARAMS.
ROUTE_PARAMS = {endpoint: {"target": "cg1"} for endpoint in (
    "service-groups.put_competence_groups", "service-groups.delete_competence_groups")}
OBJECTS = {"contacts": "{}", "messages": "m-{}", "bookings": "b-{}", "cases": "k-{}",
           "access": "{}"}


def _routes(app) -> list[tuple[str, str, str]]:
    out = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            out.append((rule.endpoint, method, rule.rule))
    return sorted(out)


def _url(rule: str, endpoint: str, which: str = "hidden", owner: str = "kari") -> str:
    kind = endpoint.split(".")[0]
    values = {**PARAMS, **ROUTE_PARAMS.get(endpoint, {})}
    if kind in OBJECTS:
        values["uid"] = OBJECTS[kind].format(which)
    elif kind == "users":
        values["uid"] = owner
    else:
        values["uid"] = SAMPLE.get(kind)
    url = rule
    for name, value in values.items():
        url = url.replace(f"<{name}>", str(value))
    assert "<" not in url, f"no sample value for a parameter of {rule}"
    if endpoint == "access.contact":
        url += "?user=" + owner
    if endpoint in QUERIES:
        url += "?" + QUERIES[endpoint]
    return url


@pytest.fixture
def world(api, admin, clean_graph):
    g = clean_graph
    f.branch(g)
    f.user(g, "outsider")
    scheduling.add_absence(g, "kari", {"uid": "abs1", "start": TUE_12.replace(hour=15),
                                       "end": TUE_12.replace(hour=16)})
    f.directory(g, "secret", "all")
    for uid, directory in (("seen", "public"), ("hidden", "secret")):
        f.contact(g, uid, home="bergen", category="private", directories=[directory])
    f.user_group(g, "ug1", members=["kari"])
    f.area(g, "area1", users=["kari"])
    f.contact_group(g, "cgroup", "public", members=["seen", "hidden"])
    f.group(g, "cg0")
    f.group(g, "cg1", parent="cg0")
    f.service_group(g, "sg1")
    f.user(g, "boss")  # manages cg0 (so cg1 below it too) and sg1
    crud.set_link(g, org.MANAGES_COMPETENCE_GROUP, "boss", "cg0", True)
    crud.set_link(g, org.MANAGES_SERVICE_GROUP, "boss", "sg1", True)
    f.level(g, "sg1", "online", uid="lvl1")
    conditions.set_default_user(g, "kari")
    crud.create(g, conditions.PRODUCT, {"uid": "p1", "name": "Account"})
    crud.create(g, conditions.PRICE_LIST, {"uid": "pl1", "name": "Retail", "currency": "NOK"})
    conditions.set_price(g, "pl1", "p1", 10.0)
    crud.set_link(g, conditions.GROUP_PRICE_LIST, "cgroup", "pl1", True, {"priority": 1})
    conditions.create_sla_contract(g, {"uid": "sla1", "name": "Standard", "default_level": "std",
                                       "levels": [{"uid": "sla1-std", "name": "std",
                                                   "severity": "normal", "response_minutes": 60,
                                                   "resolution_minutes": 480}]})
    cases.create_qualification(g, {"uid": "q1", "name": "Java", "scale_min": 1,
                                   "scale_max": 10})
    crud.create(g, cases.TEAM, {"uid": "team1", "name": "Team"})
    crud.set_link(g, cases.TEAM_MEMBER, "kari", "team1", True)
    root = Actor("admin", True)
    substitutions.create(g, root, {"uid": "sub1", "substitute": "boss", "for_user": "kari",
                                   "valid_to": datetime.now(UTC) + timedelta(days=30),
                                   "scope": "account_manager_groups"})
    cases.add_tasks(g, root, "team1", [{"uid": "task1", "title": "Call back"}])
    for which, start in (("seen", TUE_10), ("hidden", TUE_12)):
        bookings.book(g, "admin", {"uid": f"b-{which}", "contact": which,
                                   "meeting_type": "mortgage", "mode": "online",
                                   "start": start, "advisor": "kari"})
        messages.create_message(g, root, {"uid": f"m-{which}", "contact": which,
                                          "subject": "Hello"})
        cases.open_case(g, root, {"uid": f"k-{which}", "contact": which, "subject": "Help",
                                  "domain": "helpdesk"})
    return g


def _counts(graph) -> dict:
    return graph.read_one("system/count_all")


def _call(api, method: str, url: str, as_: str, endpoint: str = ""):
    body = BODIES.get(endpoint, {}) if method in ("POST", "PUT", "PATCH") else None
    return api.request(method, url, as_=as_, json=body)


def test_every_route_has_a_policy(app):
    missing = [f"{m} {r} ({e})" for e, m, r in _routes(app) if e not in POLICY]
    assert not missing, "routes without an authorization policy in this test: " + \
        ", ".join(missing)


def _route_ids(app_routes):
    return [f"{m} {r}" for _, m, r in app_routes]


def pytest_generate_tests(metafunc):
    if "route" in metafunc.fixturenames:
        from graphsvc.app import create_app

        app = create_app()
        routes = _routes(app)
        app.extensions["graphsvc.graph"].close()
        metafunc.parametrize("route", routes, ids=_route_ids(routes))


def test_route_authorization(api, world, route):
    endpoint, method, rule = route
    policy = POLICY.get(endpoint)
    if policy is None:
        pytest.fail(f"{endpoint} has no policy")
    before = _counts(world)

    def call(who: str, which: str = "seen", owner: str = "kari"):
        return _call(api, method, _url(rule, endpoint, which, owner), who, endpoint)

    def refused(who: str, status: int, **kw):
        res = call(who, **kw)
        assert res.status_code == status, (who, method, rule, res.status_code, res.json)
        assert res.json["error"]["code"] in ("forbidden", "not_found")
        assert _counts(world) == before, f"{who}: a refused {method} {rule} wrote something"

    def allowed(who: str, **kw):
        res = call(who, **kw)
        assert res.status_code not in (401, 403, 404) and res.status_code < 500, \
            (who, method, rule, res.status_code, res.json)

    if policy == ADMIN:
        refused("outsider", 403)
        refused("kari", 403)
        res = call("admin")
        assert res.status_code not in (401, 403) and res.status_code < 500, res.json
    elif policy == SELF:
        refused("outsider", 403, owner="admin")
        refused("kari", 403, owner="admin")
        allowed("kari")
    elif policy == CONTACT:
        # asking about oneself is the access check's own rule: owner = the asker
        refused("outsider", 404, which="hidden", owner="outsider")
        refused("kari", 404, which="hidden", owner="kari")
        refused("outsider", 404, which="seen", owner="outsider")
        allowed("kari")
        allowed("admin", which="hidden", owner="admin")
    elif policy == MANAGER:
        refused("outsider", 403)
        refused("kari", 403)
        allowed("boss")
        res = call("admin")  # the boss's write may have removed the object already
        assert res.status_code not in (401, 403) and res.status_code < 500, res.json
    elif policy == MEMBER:
        refused("outsider", 403)
        allowed("kari")
    elif policy in (OWN, PARTY):
        refused("outsider", 403 if policy == OWN else 404)
        allowed("kari")
        allowed("admin")
    else:
        for who in ("outsider", "kari", "admin"):
            res = call(who)
            assert res.status_code not in (401, 403) and res.status_code < 500, \
                (who, res.status_code, res.json)


@pytest.mark.parametrize("path, body", [
    ("/api/v1/bookings", {"contact": "hidden", "meeting_type": "mortgage", "mode": "online",
                          "start": "2030-12-03T14:00:00+00:00", "advisor": "kari"}),
    ("/api/v1/messages", {"contact": "hidden", "subject": "Hi"}),
    ("/api/v1/cases", {"contact": "hidden", "subject": "Help"}),
])
def test_a_hidden_contact_in_a_body_is_an_unknown_reference(api, world, path, body):
    before = _counts(world)
    for who in ("outsider", "kari"):
        res = api.post(path, as_=who, json=body)
        assert res.status_code == 422, res.json
        assert res.json["error"]["code"] == "unknown_reference"
        assert res.json["error"]["fields"] == {"contact": ["unknown contact 'hidden'"]}
    assert _counts(world) == before
    assert api.post(path, as_="admin", json=body).status_code == 201


def test_admin_only_is_decided_before_validation(api, world):
    res = api.post("/api/v1/locations", as_="kari", json={"code": 7, "bogus": True})
    assert res.status_code == 403 and res.json["error"]["code"] == "forbidden"
    res = api.post("/api/v1/locations", as_="admin", json={"code": 7, "bogus": True})
    assert res.status_code == 422
