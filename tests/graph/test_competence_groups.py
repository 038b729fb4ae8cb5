"""Competence groups: the 5-layer limit, cycles, and inherited competences."""

import threading

import pytest

from graphsvc.errors import Conflict, CycleDetected, DepthLimitExceeded, NotFound
from graphsvc.services import crud, org
from tests import factories as f


def layer_of(graph, uid):
    return crud.get(graph, org.COMPETENCE_GROUP, uid)["layer"]


def test_layer_5_is_accepted_and_layer_6_refused_on_create(graph):
    uids = f.chain(graph, "g", 5)
    assert [layer_of(graph, u) for u in uids] == [1, 2, 3, 4, 5]
    with pytest.raises(DepthLimitExceeded) as info:
        f.group(graph, "g6", parent="g5")
    assert info.value.details == {"group": "g6", "layer": 6, "max_layers": 5}
    with pytest.raises(NotFound):
        crud.get(graph, org.COMPETENCE_GROUP, "g6")


def test_moving_a_subtree_checks_its_deepest_group(graph):
    f.chain(graph, "a", 3)           # a1 <- a2 <- a3
    f.chain(graph, "b", 3)           # b1 <- b2 <- b3 (height 2 below b1)
    # b1 under a2: b1 at layer 3, b3 at layer 5: accepted.
    org.update_competence_group(graph, "b1", {"parent": "a2"})
    assert layer_of(graph, "b3") == 5
    org.update_competence_group(graph, "b1", {"parent": None})
    assert layer_of(graph, "b1") == 1 and layer_of(graph, "b3") == 3
    # b1 under a3: b3 would land in layer 6: refused, nothing changes.
    with pytest.raises(DepthLimitExceeded) as info:
        org.update_competence_group(graph, "b1", {"parent": "a3"})
    assert info.value.details["group"] == "b3"
    assert info.value.details["layer"] == 6
    assert crud.get(graph, org.COMPETENCE_GROUP, "b1")["parent"] is None
    assert layer_of(graph, "b3") == 3


def test_move_that_would_create_a_cycle_is_refused(graph):
    f.chain(graph, "c", 3)
    with pytest.raises(CycleDetected):
        org.update_competence_group(graph, "c1", {"parent": "c3"})
    with pytest.raises(CycleDetected):
        org.update_competence_group(graph, "c2", {"parent": "c2"})
    assert crud.get(graph, org.COMPETENCE_GROUP, "c1")["parent"] is None
    assert crud.get(graph, org.COMPETENCE_GROUP, "c2")["parent"] == "c1"


def test_rename_without_move_keeps_the_parent(graph):
    f.chain(graph, "r", 2)
    group = org.update_competence_group(graph, "r2", {"name": "Renamed"})
    assert group["name"] == "Renamed" and group["parent"] == "r1"


def test_group_with_subgroups_is_not_deleted(graph):
    f.chain(graph, "d", 2)
    with pytest.raises(Conflict) as info:
        org.delete_competence_group(graph, "d1")
    assert info.value.code == "has_subgroups"
    org.delete_competence_group(graph, "d2")
    org.delete_competence_group(graph, "d1")


def test_concurrent_moves_cannot_together_break_the_limit(graph):
    """x1<-x2<-x3 and y1<-y2<-y3: moving y1 under x3 and x1 under y3 at once would make a
    cycle; with the hierarchy lock exactly one of them may succeed."""
    f.chain(graph, "x", 2)
    f.chain(graph, "y", 2)
    results = []
    barrier = threading.Barrier(2)

    def move(uid, parent):
        barrier.wait()
        try:
            org.update_competence_group(graph, uid, {"parent": parent})
            results.append("ok")
        except (CycleDetected, DepthLimitExceeded) as exc:
            results.append(exc.code)

    threads = [threading.Thread(target=move, args=("y1", "x2")),
               threading.Thread(target=move, args=("x1", "y2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["cycle", "ok"]


def _setup_catalogue(graph):
    f.theme(graph, "loans")
    f.meeting_type(graph, "mortgage", "loans")
    f.meeting_type(graph, "refinancing", "loans")
    f.category(graph, "private")
    f.category(graph, "business")


def test_competences_are_inherited_across_five_layers(graph):
    _setup_catalogue(graph)
    uids = f.chain(graph, "h", 5)
    f.grant(graph, "h1", "mortgage", "private")
    f.user(graph, "kari")
    f.member(graph, "kari", "h5")
    result = org.effective_competences(graph, "kari")
    assert result["unrestricted"] is False
    [competence] = result["competences"]
    assert (competence["meeting_type"], competence["customer_category"]) == ("mortgage",
                                                                             "private")
    [path] = competence["paths"]
    assert [step["node"]["uid"] for step in path] == ["kari", *reversed(uids), "mortgage|private"]
    assert [step["rel"] for step in path] == ["MEMBER_OF", *["CHILD_OF"] * 4, "GRANTS", None]
    assert path[-1]["node"]["label"] == "Competence"


def test_effective_competences_are_the_union_over_groups(graph):
    _setup_catalogue(graph)
    f.group(graph, "retail")
    f.group(graph, "retail-bergen", parent="retail")
    f.group(graph, "sme")
    f.grant(graph, "retail", "mortgage", "private")
    f.grant(graph, "retail-bergen", "refinancing", "private")
    f.grant(graph, "sme", "mortgage", "business")
    f.grant(graph, "sme", "mortgage", "private")   # also granted via retail: two paths
    f.user(graph, "ola")
    f.member(graph, "ola", "retail-bergen")
    f.member(graph, "ola", "sme")
    result = org.effective_competences(graph, "ola")
    got = {(c["meeting_type"], c["customer_category"]): len(c["paths"])
           for c in result["competences"]}
    assert got == {("mortgage", "business"): 1, ("mortgage", "private"): 2,
                   ("refinancing", "private"): 1}


def test_user_without_any_competence_is_unrestricted(graph):
    _setup_catalogue(graph)
    f.group(graph, "no-requirements")
    f.user(graph, "free")
    f.member(graph, "free", "no-requirements")
    assert org.effective_competences(graph, "free") == {
        "user": "free", "competences": [], "unrestricted": True}
    f.user(graph, "nobody-groups")
    assert org.effective_competences(graph, "nobody-groups")["unrestricted"] is True


def test_competences_of_groups_below_do_not_flow_up(graph):
    _setup_catalogue(graph)
    f.chain(graph, "p", 2)
    f.grant(graph, "p2", "mortgage", "private")
    f.user(graph, "top")
    f.member(graph, "top", "p1")
    assert org.effective_competences(graph, "top")["unrestricted"] is True


def test_withdrawing_a_competence(graph):
    _setup_catalogue(graph)
    f.group(graph, "w")
    f.grant(graph, "w", "mortgage", "private")
    org.set_group_competence(graph, "w", "mortgage", "private", False)
    assert crud.get(graph, org.COMPETENCE_GROUP, "w")["competences"] == []
