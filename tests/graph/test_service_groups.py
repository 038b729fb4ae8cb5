"""Service groups: membership at a time (windows, linked competence groups with subgroups)
and activation-rule semantics."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from graphsvc.services import org
from tests import factories as f

T0 = datetime(2030, 12, 3, 9, 0, tzinfo=UTC)  # a Tuesday after the grants the tests make


def member_uids(graph, group, at):
    return [m["user"]["uid"] for m in org.service_group_members(graph, group, at, 100, None)
            ["items"]]


def test_campaign_window_is_start_inclusive_end_exclusive(graph):
    f.service_group(graph, "campaign")
    f.user(graph, "temp")
    f.service_member(graph, "campaign", "temp", valid_from=T0, valid_to=T0 + timedelta(days=7))
    assert member_uids(graph, "campaign", T0 - timedelta(seconds=1)) == []
    assert member_uids(graph, "campaign", T0) == ["temp"]
    assert member_uids(graph, "campaign", T0 + timedelta(days=7) - timedelta(seconds=1)) == [
        "temp"]
    assert member_uids(graph, "campaign", T0 + timedelta(days=7)) == []


def test_open_ended_windows(graph):
    f.service_group(graph, "sg")
    for uid in ("always", "from", "until"):
        f.user(graph, uid)
    f.service_member(graph, "sg", "always")
    f.service_member(graph, "sg", "from", valid_from=T0)
    f.service_member(graph, "sg", "until", valid_to=T0)
    assert member_uids(graph, "sg", T0 - timedelta(days=1)) == ["always", "until"]
    assert member_uids(graph, "sg", T0) == ["always", "from"]


def test_linked_competence_group_brings_its_subgroups_members(graph):
    f.chain(graph, "k", 3)       # k1 <- k2 <- k3
    f.group(graph, "other")
    f.service_group(graph, "sg")
    f.link_group(graph, "sg", "k2")
    for uid, group in [("in-k1", "k1"), ("in-k2", "k2"), ("in-k3", "k3"), ("in-other", "other")]:
        f.user(graph, uid)
        f.member(graph, uid, group)
    page = org.service_group_members(graph, "sg", T0, 100, None)
    assert [m["user"]["uid"] for m in page["items"]] == ["in-k2", "in-k3"]
    k3 = page["items"][1]
    [path] = k3["paths"]
    assert [s["node"]["uid"] for s in path] == ["in-k3", "k3", "k2", "sg"]
    assert [s["rel"] for s in path] == ["MEMBER_OF", "CHILD_OF", "INCLUDES", None]


def test_direct_and_linked_membership_gives_both_paths_and_pages(graph):
    f.group(graph, "team")
    f.service_group(graph, "sg")
    f.link_group(graph, "sg", "team")
    for i in range(5):
        f.user(graph, f"u{i}")
        f.member(graph, f"u{i}", "team")
    f.service_member(graph, "sg", "u0")
    first = org.service_group_members(graph, "sg", T0, 2, None)
    assert [m["user"]["uid"] for m in first["items"]] == ["u0", "u1"]
    assert len(first["items"][0]["paths"]) == 2
    from graphsvc.pagination import decode_cursor

    second = org.service_group_members(graph, "sg", T0, 10, decode_cursor(first["next_cursor"]))
    assert [m["user"]["uid"] for m in second["items"]] == ["u2", "u3", "u4"]
    assert second["next_cursor"] is None


@pytest.fixture
def rule_world(graph):
    for uid in ("bergen", "oslo"):
        f.location(graph, uid)
    for uid in ("private", "business"):
        f.category(graph, uid)
    for uid in ("loans", "savings"):
        f.theme(graph, uid)
    return graph


# Each dimension: unrestricted (no values), restricted and matching, restricted and not.
DIMENSION_STATES = ["open", "match", "miss"]


@pytest.mark.parametrize("loc,cat,theme", list(itertools.product(DIMENSION_STATES, repeat=3)))
def test_activation_rules_for_every_combination(rule_world, loc, cat, theme):
    graph = rule_world
    request = {"location": "bergen", "customer_category": "private", "meeting_theme": "loans"}
    other = {"location": "oslo", "customer_category": "business", "meeting_theme": "savings"}

    def values(state, key):
        return {"open": [], "match": [request[key], other[key]], "miss": [other[key]]}[state]

    f.service_group(graph, "sg", locations=values(loc, "location"),
                    categories=values(cat, "customer_category"),
                    themes=values(theme, "meeting_theme"))
    [result] = org.service_group_activation(graph, "sg", **request)
    assert result["matches"] is ("miss" not in (loc, cat, theme))
    dims = result["dimensions"]
    for key, state in (("location", loc), ("customer_category", cat),
                       ("meeting_theme", theme)):
        assert dims[key] == {"restricted": state != "open", "matched": state != "miss"}
    assert len(result["paths"]) == [loc, cat, theme].count("match")
    for path in result["paths"]:
        assert path[0]["node"]["uid"] == "sg" and len(path) == 2


def test_group_without_rules_applies_everywhere(rule_world):
    f.service_group(rule_world, "anywhere")
    f.service_group(rule_world, "oslo-only", locations=["oslo"])
    results = org.service_group_activation(rule_world, None, "bergen", "private", "loans")
    assert {r["uid"]: r["matches"] for r in results} == {"anywhere": True, "oslo-only": False}
