"""The management console's server side on the real database: the acting user from the
gateway's header (the sign-in picker is off by default), the API's rules for every post
(refused: 403 with the reason, nothing written), CSRF tokens on every post, nothing written
by a GET, and the schemas' errors next to their fields."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from graphsvc.config import PROJECT_ROOT
from graphsvc.seed import load

HEADER = "X-Acting-User"


@pytest.fixture
def demo(app, clean_graph):
    load(clean_graph, PROJECT_ROOT / "seeds" / "demo.json")
    return clean_graph


def counts(graph) -> dict:
    return graph.read_one("system/count_all")


class Console:
    def __init__(self, client, uid: str):
        self.client, self.uid = client, uid

    def get(self, path: str, **kw):
        return self.client.get(path, headers={HEADER: self.uid}, **kw)

    def token(self, path: str = "/manage/") -> str:
        html = self.get(path).get_data(as_text=True)
        return re.search(r'<meta name="csrf-token" content="([^"]+)"', html).group(1)

    def post(self, path: str, data: dict | None = None, token: bool = True):
        form = dict(data or {})
        if token:
            form["csrf_token"] = self.token()
        return self.client.post(path, data=form, headers={HEADER: self.uid})


def test_every_page_renders_and_a_get_writes_nothing(app, demo):
    hanne = Console(app.test_client(), "hanne")
    before = counts(demo)
    for path in ("/manage/", "/manage/groups/retail-west", "/manage/groups/retail-bergen?q=ka",
                 "/manage/service-groups/west-coast-mortgage?q=so", "/manage/users/kari",
                 "/manage/who-can-serve",
                 "/manage/who-can-serve?contact=nora&meeting_type=mortgage&mode=online"
                 "&day=2030-12-03"):
        res = hanne.get(path)
        assert res.status_code == 200, (path, res.status_code)
    assert counts(demo) == before
    tree = hanne.get("/manage/").get_data(as_text=True)
    assert 'data-group="retail-west"' in tree and 'data-group="retail-bergen"' in tree
    assert 'data-group="business"' not in tree  # not hers: not shown
    serve = hanne.get("/manage/who-can-serve?contact=nora&meeting_type=mortgage&mode=online"
                      "&day=2030-12-03").get_data(as_text=True)
    assert 'data-advisor="kari"' in serve and 'data-excluded="lars"' in serve


def test_the_acting_user_comes_from_the_gateway_header(app, demo):
    client = app.test_client()
    assert client.get("/manage/").status_code == 401
    assert client.get("/manage/", headers={HEADER: "nobody"}).status_code == 401
    assert client.get("/manage/", headers={HEADER: "magnus"}).status_code == 401  # inactive
    assert client.get("/manage/sign-in").status_code == 404  # the picker is off by default


def test_a_manager_changes_through_the_console_and_it_is_recorded(app, demo):
    hanne = Console(app.test_client(), "hanne")
    res = hanne.post("/manage/groups/retail-bergen/competences",
                     {"meeting_type": "pension-planning", "customer_category": "private",
                      "present": "1"})
    assert res.status_code == 303
    page = hanne.get("/manage/groups/retail-bergen").get_data(as_text=True)
    assert 'class="own" data-cell="pension-planning|private"' in page
    assert "add competences" in page and "hanne" in page  # the history row
    res = hanne.post("/manage/service-groups/west-coast-mortgage/members",
                     {"user": "sofie", "valid_from": "2030-01-01T00:00",
                      "valid_to": "2030-02-01T00:00"})
    assert res.status_code == 303
    members = demo.read("org/service_group_members", uid="west-coast-mortgage",
                        at=datetime.fromisoformat("2030-01-15T00:00:00+00:00"), after=None,
                        limit=50)
    assert "sofie" in {m["user"]["uid"] for m in members}


def test_refusals_are_shown_and_write_nothing(app, demo):
    hanne = Console(app.test_client(), "hanne")
    kari = Console(app.test_client(), "kari")
    before = counts(demo)
    cases = [
        (kari, "/manage/groups/retail-bergen/competences",
         {"meeting_type": "mortgage", "customer_category": "business", "present": "1"},
         "retail-bergen"),
        (hanne, "/manage/groups/business/members", {"user": "kari"}, "business"),
        (hanne, "/manage/groups/move", {"group": "retail-bergen", "parent": "business"},
         "business"),
        (hanne, "/manage/groups/move", {"group": "retail-bergen", "parent": ""}, "root"),
        (hanne, "/manage/groups", {"name": "Mine"}, "root"),
        (hanne, "/manage/service-groups/pension-campaign/members", {"user": "kari"},
         "pension-campaign"),
        (hanne, "/manage/service-groups/west-coast-mortgage/groups", {"group": "business"},
         "business"),
    ]
    for who, path, data, named in cases:
        res = who.post(path, data)
        assert res.status_code == 403, (path, res.status_code)
        assert named in res.get_data(as_text=True)
        assert 'class="refusal"' in res.get_data(as_text=True)
    assert counts(demo) == before


def test_a_post_without_its_token_is_refused(app, demo):
    hanne = Console(app.test_client(), "hanne")
    before = counts(demo)
    res = hanne.post("/manage/groups/retail-bergen/members", {"user": "sofie"}, token=False)
    assert res.status_code == 403
    res = hanne.client.post("/manage/groups/retail-bergen/members",
                            data={"user": "sofie", "csrf_token": "forged"},
                            headers={HEADER: "hanne"})
    assert res.status_code == 403
    assert counts(demo) == before


def test_schema_and_rule_errors_appear_next_to_their_fields(app, demo):
    hanne = Console(app.test_client(), "hanne")
    before = counts(demo)
    res = hanne.post("/manage/groups", {"name": "x" * 300, "parent": "retail-west"})
    assert res.status_code == 422
    assert 'data-field="name"' in res.get_data(as_text=True)
    res = hanne.post("/manage/service-groups/west-coast-mortgage/members",
                     {"user": "sofie", "valid_from": "2030-02-01T00:00",
                      "valid_to": "2030-01-01T00:00"})
    assert res.status_code == 422
    assert 'data-field="valid_to"' in res.get_data(as_text=True)
    # layer 6: retail 1 > retail-west 2 > retail-bergen 3 > a 4 > b 5, c under b is refused
    assert hanne.post("/manage/groups", {"name": "A", "parent": "retail-bergen"}).status_code \
        == 303
    after_a = counts(demo)
    uid_a = demo.read_one("manage/group_page", uid="retail-bergen", limit=5)["subgroups"][0]
    assert hanne.post("/manage/groups", {"name": "B", "parent": uid_a["uid"]}).status_code \
        == 303
    uid_b = demo.read_one("manage/group_page", uid=uid_a["uid"], limit=5)["subgroups"][0]
    res = hanne.post("/manage/groups", {"name": "C", "parent": uid_b["uid"]})
    assert res.status_code == 409 and "layer 6" in res.get_data(as_text=True)
    # B with its record and its parent's; nothing of C
    assert counts(demo)["nodes"] == after_a["nodes"] + 3
    assert before["nodes"] < after_a["nodes"]


# Every console post route (and aspect), with the form that makes it a real change.
CONSOLE_POSTS = {
    ("console.create_group", None): {"name": "New", "parent": "retail-bergen"},
    ("console.rename_group", None): {"name": "Renamed"},
    ("console.move_group", None): {"group": "retail-bergen", "parent": "retail-west"},
    ("console.delete_group", None): {},
    ("console.add_person", "members"): {"user": "sofie"},
    ("console.remove_person", "members"): {},
    ("console.add_person", "managers"): {"user": "sofie"},
    ("console.remove_person", "managers"): {},
    ("console.set_competence", None): {"meeting_type": "pension-planning",
                                       "customer_category": "private", "present": "1"},
    ("console.set_activation", None): {"locations": "bergen"},
    ("console.add_level", None): {"name": "Extra", "mode": "online"},
    ("console.delete_level", None): {},
    ("console.add_service_person", "members"): {"user": "sofie"},
    ("console.remove_service_person", "members"): {},
    ("console.add_service_person", "managers"): {"user": "sofie"},
    ("console.remove_service_person", "managers"): {},
    ("console.link_group", None): {"group": "retail-bergen"},
    ("console.unlink_group", None): {},
}
OPEN_POSTS = {"console.sign_in", "console.sign_out"}
CONSOLE_VALUES = {"user": "kari", "level": "wcm-online", "group_uid": "retail-west"}


def _console_posts(app) -> list[tuple[str, str | None, str]]:
    """(endpoint, aspect, url) of every console post route, with the demo's uids."""
    from flask import url_for

    out = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not (rule.rule.startswith("/manage/") and "POST" in rule.methods
                    and rule.endpoint not in OPEN_POSTS):
                continue
            uid = "west-coast-mortgage" if "/service-groups/" in rule.rule else "retail-bergen"
            values = {k: v for k, v in {**CONSOLE_VALUES, "uid": uid}.items()
                      if k in rule.arguments}
            for aspect in (("members", "managers") if "aspect" in rule.arguments else (None,)):
                extra = {"aspect": aspect} if aspect else {}
                out.append((rule.endpoint, aspect, url_for(rule.endpoint, **values, **extra)))
    return sorted(out, key=lambda item: (item[0], item[1] or ""))


def test_every_console_post_is_refused_to_a_user_who_manages_nothing(app, demo):
    routes = _console_posts(app)
    assert {(endpoint, aspect) for endpoint, aspect, _ in routes} == set(CONSOLE_POSTS), \
        "a console post route without an entry in CONSOLE_POSTS"
    kari = Console(app.test_client(), "kari")
    hanne = Console(app.test_client(), "hanne")
    for endpoint, aspect, url in routes:
        form = CONSOLE_POSTS[(endpoint, aspect)]
        before = counts(demo)
        res = kari.post(url, form)
        assert res.status_code == 403, (url, res.status_code)
        assert counts(demo) == before, f"a refused {url} wrote something"
        res = hanne.post(url, form)
        assert res.status_code not in (401, 403) and res.status_code < 500, \
            (url, res.status_code, res.get_data(as_text=True)[:300])
