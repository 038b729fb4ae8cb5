"""Replay any decision in Browser (#14 item 7): with `explain=cypher` a decision also answers
the named queries it ran with their exact parameters; pasted into Browser (`:params` line,
then the query) they run and show the same paths."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from graphsvc.analysts import analyst_query
from graphsvc.cypher import queries
from tests import factories as f
from tests.helpers import run_as_pasted

TUE = datetime(2030, 12, 3, tzinfo=UTC)
WINDOW = "&from=2030-12-03T00:00:00Z&to=2030-12-04T00:00:00Z"
AVAILABILITY = "/api/v1/availability?contact=nora&meeting_type=mortgage&mode=online" + WINDOW


@pytest.fixture
def world(api, admin, clean_graph):
    """Kari advises on mortgages in Bergen (competence group retail); Ola reaches Nora only
    through his user group's directory; the desk has a default user, a price and a team."""
    g = clean_graph
    f.branch(g, "kari", "public")
    f.group(g, "retail")
    f.grant(g, "retail", "mortgage", "private")
    f.member(g, "kari", "retail")
    f.user(g, "ola")
    f.user(g, "dispatcher")
    f.user_group(g, "west", members=["ola", "dispatcher"])
    f.directory(g, "west-book", "all", user_groups=["west"])
    f.contact(g, "nora", home="bergen", category="private", directories=["public", "west-book"])
    f.contact_group(g, "all-customers", "west-book", priority=1, members=["nora"])
    assert api.patch("/api/v1/settings", json={"default_user": "dispatcher"}).status_code == 200
    assert api.post("/api/v1/products", json={"uid": "laptop", "name": "Laptop"}).status_code == 201
    assert api.post("/api/v1/price-lists", json={"uid": "base", "name": "Base",
                                                 "currency": "NOK"}).status_code == 201
    assert api.put("/api/v1/price-lists/base/prices/laptop",
                   json={"amount": 1000}).status_code == 200
    assert api.put("/api/v1/contact-groups/all-customers/price-lists/base",
                   json={"priority": 1}).status_code in (200, 204)
    assert api.post("/api/v1/teams", json={"uid": "support", "name": "Support"}).status_code == 201
    assert api.put("/api/v1/teams/support/members/ola").status_code in (200, 204)
    return g


def replay(graph, run: dict) -> list[dict]:
    """The run as an analyst pastes it: its `:params` line, then its text."""
    assert run["params"].startswith(":params ")
    return graph.read_tx(lambda tx: run_as_pasted(tx, run["params"][len(":params "):],
                                                  run["text"]))


def path_uids(paths) -> set[tuple]:
    return {tuple(step["node"]["uid"] for step in path) for path in paths}


def test_the_access_check_replays_in_browser_with_the_same_paths(api, world):
    res = api.get("/api/v1/access/contacts/nora?user=ola&explain=cypher")
    assert res.status_code == 200, res.json
    assert res.json["allowed"] is True
    [run] = [r for r in res.json["cypher"] if r["query"] == "access/contact_access"]
    at = run["parameters"].pop("at")  # the instant it was decided at (issue 15), typed
    assert run["parameters"] == {"users": ["ola"], "contacts": ["nora"]}
    assert run["params"] == f':params {{users: ["ola"], contacts: ["nora"], at: datetime("{at}")}}'
    assert run["text"] == queries["access/contact_access"].strip()
    [row] = replay(world, run)
    assert row["user"] == "ola" and row["contact"]["uid"] == "nora"
    assert path_uids(row["paths"]) == path_uids(res.json["paths"]) == {
        ("ola", "west", "west-book", "nora")}
    # Asked without it, the answer is as it always was.
    plain = api.get("/api/v1/access/contacts/nora?user=ola").json
    assert "cypher" not in plain and plain["paths"] == res.json["paths"]


def test_availability_takes_excluded_and_cypher_together(api, world):
    res = api.get(AVAILABILITY + "&explain=excluded,cypher")
    assert res.status_code == 200, res.json
    assert [a["user"]["uid"] for a in res.json["advisors"]] == ["kari"]
    assert {e["user"]["uid"] for e in res.json["excluded"]} >= {"ola", "dispatcher"}
    names = [r["query"] for r in res.json["cypher"]]
    assert "availability/reach" in names, names
    reach = next(r for r in res.json["cypher"] if r["query"] == "availability/reach")
    assert "org/get_acting_user" not in names  # the acting user's check is not the decision
    assert (reach["parameters"]["from"], reach["parameters"]["mode"]) == (
        "2030-12-03T00:00:00+00:00", "online")
    assert 'from: datetime("2030-12-03T00:00:00+00:00")' in reach["params"]
    rows = replay(world, reach)
    assert "kari" in str(rows)


@pytest.mark.parametrize("explain", ["bogus", "cypher,bogus", "excluded"])
def test_unknown_explanations_are_refused_and_write_nothing(api, world, explain):
    res = api.get(f"/api/v1/access/contacts/nora?user=ola&explain={explain}")
    assert res.status_code == 422 and "explain" in res.json["error"]["fields"], res.json
    res = api.post(f"/api/v1/cases?explain={explain}", json={"contact": "nora",
                                                             "subject": "Help"})
    assert res.status_code == 422 and "explain" in res.json["error"]["fields"], res.json
    assert world.read_one("system/count_label", label="Case")["count"] == 0


def decisions(api) -> list[tuple[str, str, dict | None, str | None]]:
    """(method, url, body, acting user) of every decision of API.md, in an order that gives
    each one something to decide (a case to pull, a task to claim)."""
    api.post("/api/v1/teams/support/tasks", json={"tasks": [{"uid": "t1", "title": "Call"}]},
             as_="ola")
    return [
        ("GET", "/api/v1/users/kari/competences?explain=cypher", None, None),
        ("GET", "/api/v1/access/contacts/nora?user=ola&explain=cypher", None, None),
        ("GET", "/api/v1/users/ola/visible-contacts?explain=cypher", None, None),
        ("GET", AVAILABILITY + "&explain=cypher", None, None),
        ("POST", "/api/v1/bookings?explain=cypher",
         {"contact": "nora", "meeting_type": "mortgage", "mode": "online",
          "start": TUE.replace(hour=9).isoformat(), "advisor": "kari"}, None),
        ("GET", "/api/v1/contacts/nora/price?product=laptop&explain=cypher", None, None),
        ("POST", "/api/v1/cases?explain=cypher", {"contact": "nora", "subject": "Help"}, None),
        ("POST", "/api/v1/cases/pull?explain=cypher", None, "ola"),
        ("GET", "/api/v1/users/dispatcher/assignment-suggestions?explain=cypher", None,
         "dispatcher"),
        ("POST", "/api/v1/teams/support/tasks/pull?explain=cypher", None, "ola"),
        ("GET", "/api/v1/reports/coverage-gaps?explain=cypher", None, None),
    ]


# The query that decides, for each decision: it must be among those answered.
DECIDING = {
    "/api/v1/users/kari/competences": "org/effective_competences",
    "/api/v1/access/contacts/nora": "access/contact_access",
    "/api/v1/users/ola/visible-contacts": "access/visible_plan",
    "/api/v1/availability": "availability/reach",
    "/api/v1/bookings": "availability/reach",
    "/api/v1/contacts/nora/price": "conditions/price_candidates",
    "/api/v1/cases": "conditions/responsibility_for_contact",
    "/api/v1/cases/pull": "cases/pull_candidates",
    "/api/v1/users/dispatcher/assignment-suggestions": "cases/assignment_suggestions",
    "/api/v1/teams/support/tasks/pull": "teams/pull_candidates",
    "/api/v1/reports/coverage-gaps": "reports/coverage-gaps",
}


def test_every_decision_answers_the_queries_it_ran_and_each_replays(api, world):
    for method, url, body, as_ in decisions(api):
        res = api.request(method, url, json=body, as_=as_)
        assert res.status_code in (200, 201), (url, res.json)
        runs = res.json["cypher"]
        names = [r["query"] for r in runs]
        assert DECIDING[url.split("?")[0]] in names, (url, names)
        for run in runs:
            # Only analyst files: writes, locks and the acting user's check are plumbing.
            assert analyst_query(run["query"]) is not None, run["query"]
            assert run["text"] == queries[run["query"]].strip()
            replay(world, run)  # a read transaction: it runs, and writes nothing


def test_a_pull_with_nothing_to_give_still_answers_204(api, world):
    res = api.post("/api/v1/cases/pull?explain=cypher", as_="ola")
    assert res.status_code == 204 and not res.data
