"""Availability: each of the four conditions, and the combinations that decide the answer."""

from datetime import UTC, datetime, timedelta

import pytest

from graphsvc.services import availability
from graphsvc.services.availability import Request
from tests import factories as f

TUE = datetime(2030, 12, 3, tzinfo=UTC)   # a Tuesday; Oslo is UTC+1 in December
WED = TUE + timedelta(days=1)


@pytest.fixture
def world(graph):
    for uid in ("bergen", "oslo", "stavanger"):
        f.location(graph, uid)
    f.location(graph, "newyork", timezone="America/New_York")
    for uid in ("private", "business"):
        f.category(graph, uid)
    f.theme(graph, "loans")
    f.theme(graph, "savings")
    f.meeting_type(graph, "mortgage", "loans", duration=60)
    f.meeting_type(graph, "savings-advice", "savings", duration=30)
    f.contact(graph, "cust", home="bergen", category="private")
    return graph


def advisor(graph, uid, works_at, hours_at=None, start="09:00", end="12:00"):
    f.user(graph, uid, locations=tuple(works_at))
    f.hours(graph, uid, *[(loc, 2, start, end) for loc in (hours_at or works_at)])


def search(graph, mode="online", location=None, meeting_type="mortgage", start=TUE, end=WED,
           contact="cust"):
    req = Request(contact=contact, meeting_type=meeting_type, mode=mode, location=location,
                  start=start, end=end)
    return availability.search(graph, req, limit=50, slot_limit=100, explain="excluded")


def eligible(answer):
    return [a["user"]["uid"] for a in answer["advisors"]]


def failed(answer):
    return {e["user"]["uid"]: e["failed"] for e in answer["excluded"]}


def test_regular_service_at_the_home_location(world):
    advisor(world, "home-advisor", ["bergen"])
    advisor(world, "elsewhere", ["oslo"])
    answer = search(world)
    assert eligible(answer) == ["home-advisor"]
    assert failed(answer) == {"elsewhere": "reach"}
    [path] = answer["advisors"][0]["paths"]
    assert [s["node"]["uid"] for s in path] == ["home-advisor", "bergen", "cust"]
    assert [s["rel"] for s in path] == ["WORKS_AT", "HOME_LOCATION", None]
    slots = answer["advisors"][0]["slots"]
    # 09:00-12:00 Oslo = 08:00-11:00 UTC, 60 minutes on the quarter hour
    assert slots[0]["start"] == TUE.replace(hour=8) and slots[-1]["start"] == TUE.replace(hour=10)
    assert len(slots) == 9


def test_competence_restricts_and_unrestricted_serves_all(world):
    f.group(world, "savers")
    f.grant(world, "savers", "savings-advice", "private")
    f.group(world, "lenders")
    f.grant(world, "lenders", "mortgage", "private")
    f.group(world, "no-requirements")
    for uid, group in [("saver", "savers"), ("lender", "lenders"), ("free", "no-requirements")]:
        advisor(world, uid, ["bergen"])
        f.member(world, uid, group)
    answer = search(world)
    assert eligible(answer) == ["free", "lender"]
    assert failed(answer) == {"saver": "competence"}
    lender = next(a for a in answer["advisors"] if a["user"]["uid"] == "lender")
    assert lender["paths"][0][-1]["node"]["uid"] == "mortgage|private"
    # A business customer: the lender's competence is for private customers only.
    f.contact(world, "firm", home="bergen", category="business")
    assert eligible(search(world, contact="firm")) == ["free"]


def test_inactive_users_are_never_eligible(world):
    advisor(world, "gone", ["bergen"])
    from graphsvc.services import org

    org.update_user(world, "gone", {"active": False})
    answer = search(world)
    assert eligible(answer) == [] and failed(answer) == {}


def test_service_group_reach_needs_every_restricted_dimension(world):
    advisor(world, "remote", ["oslo"])
    f.service_group(world, "sg", locations=["bergen"], categories=["private"], themes=["loans"])
    f.level(world, "sg", "online")
    f.service_member(world, "sg", "remote")
    answer = search(world)
    assert eligible(answer) == ["remote"]
    paths = answer["advisors"][0]["paths"]
    assert [s["node"]["uid"] for s in paths[0]] == ["remote", "sg"]
    assert paths[1][0]["node"]["uid"] == "sg" and paths[1][1]["rel"] is None
    # The theme dimension no longer matches: no reach.
    from graphsvc.services import org

    org.update_service_group(world, "sg", {"activation": {
        "locations": ["bergen"], "customer_categories": ["private"],
        "meeting_themes": ["savings"]}})
    assert failed(search(world)) == {"remote": "reach"}
    assert eligible(search(world, meeting_type="savings-advice")) == ["remote"]


def test_extra_locations_only_for_the_modes_and_types_the_level_names(world):
    advisor(world, "oslo-advisor", ["oslo"])
    f.service_group(world, "sg")
    f.level(world, "sg", "physical", locations=["oslo"], meeting_types=["savings-advice"])
    f.service_member(world, "sg", "oslo-advisor")
    assert eligible(search(world, "physical", "oslo", "savings-advice")) == ["oslo-advisor"]
    assert failed(search(world, "physical", "oslo", "mortgage")) == {"oslo-advisor": "reach"}
    assert failed(search(world, "online", None, "savings-advice")) == {"oslo-advisor": "reach"}
    # A level whose extra locations exclude where the advisor works reaches nothing.
    f.level(world, "sg", "both", locations=["stavanger"])
    assert failed(search(world, "online", None, "mortgage")) == {"oslo-advisor": "reach"}
    # A level naming no location extends to every location.
    f.level(world, "sg", "both")
    assert eligible(search(world, "online", None, "mortgage")) == ["oslo-advisor"]
    assert eligible(search(world, "physical", "oslo", "mortgage")) == ["oslo-advisor"]


def test_basic_installation_level_extends_online_only(world):
    advisor(world, "oslo-advisor", ["oslo"])
    f.service_group(world, "sg")
    f.level(world, "sg", "both")
    f.service_member(world, "sg", "oslo-advisor")
    f.settings(world, installation_level="basic")
    assert eligible(search(world, "online")) == ["oslo-advisor"]
    assert failed(search(world, "physical", "oslo")) == {"oslo-advisor": "reach"}
    f.settings(world, installation_level="full")
    assert eligible(search(world, "physical", "oslo")) == ["oslo-advisor"]


def test_linked_competence_group_members_get_service_group_reach(world):
    f.group(world, "west")
    f.group(world, "west-oslo", parent="west")
    advisor(world, "linked", ["oslo"])
    f.member(world, "linked", "west-oslo")
    f.service_group(world, "sg")
    f.level(world, "sg", "online")
    f.link_group(world, "sg", "west")
    answer = search(world)
    assert eligible(answer) == ["linked"]
    reach_path = answer["advisors"][0]["paths"][0]
    assert [s["rel"] for s in reach_path] == ["MEMBER_OF", "CHILD_OF", "INCLUDES", None]


def test_campaign_member_outside_the_window_is_excluded(world):
    advisor(world, "temp", ["oslo"])
    f.service_group(world, "campaign")
    f.level(world, "campaign", "online")
    f.service_member(world, "campaign", "temp", valid_from=WED, valid_to=WED + timedelta(days=7))
    assert failed(search(world)) == {"temp": "reach"}
    # Window covering only 08:00-09:30 UTC on Tuesday: only slots inside it.
    from graphsvc.services import crud, org

    crud.set_link(world, org.SERVICE_MEMBER, "temp", "campaign", True,
                  {"valid_from": TUE.replace(hour=8), "valid_to": TUE.replace(hour=9, minute=30)})
    answer = search(world)
    starts = [s["start"] for s in answer["advisors"][0]["slots"]]
    assert starts == [TUE.replace(hour=8), TUE.replace(hour=8, minute=15),
                      TUE.replace(hour=8, minute=30)]


def test_a_seeded_window_ending_at_the_request_start_is_not_counted(world):
    for uid in ("ended", "running"):
        advisor(world, uid, ["oslo"])
    from graphsvc.seed import load_data

    # Seeded windows are stored as the API stores them (tests/graph/test_utc_spelling.py).
    load_data(world, {"service_groups": [{
        "uid": "campaign", "name": "Campaign", "email": "campaign@bank.example",
        "levels": [{"uid": "campaign-online", "name": "Online", "mode": "online"}],
        "members": [{"user": "ended", "valid_to": TUE.isoformat()},
                    {"user": "running", "valid_to": WED.isoformat()}]}]})
    answer = search(world, start=TUE, end=WED)
    assert eligible(answer) == ["running"]
    assert failed(answer) == {"ended": "reach"}


def test_physical_needs_presence_online_does_not(world):
    # Works at Bergen and Oslo, but has working hours only in Oslo: at Bergen (reachable, and
    # where the advisor works) the missing hours fail condition 4, time.
    advisor(world, "traveller", ["bergen", "oslo"], hours_at=["oslo"])
    assert failed(search(world, "physical", "bergen")) == {"traveller": "time"}
    assert eligible(search(world, "online")) == ["traveller"]
    # Physical in Oslo: Oslo is not reachable for a Bergen customer without a service group.
    assert failed(search(world, "physical", "oslo")) == {"traveller": "presence"}


def test_physical_at_a_location_the_advisor_does_not_work_at(world):
    advisor(world, "bergen-only", ["bergen"])
    f.service_group(world, "sg")
    f.level(world, "sg", "physical")
    f.service_member(world, "sg", "bergen-only")
    # Stavanger is reachable through the level, but the advisor is not there.
    assert failed(search(world, "physical", "stavanger")) == {"bergen-only": "presence"}
    assert eligible(search(world, "physical", "bergen")) == ["bergen-only"]


def test_slots_avoid_absences_and_bookings_across_time_zones(world):
    advisor(world, "busy", ["bergen"])  # 09:00-12:00 Oslo = 08:00-11:00 UTC
    # An absence entered in New York time: 03:00-04:00 EST = 08:00-09:00 UTC.
    from zoneinfo import ZoneInfo

    ny = ZoneInfo("America/New_York")
    f.absence(world, "busy", datetime(2030, 12, 3, 3, 0, tzinfo=ny).astimezone(UTC),
              datetime(2030, 12, 3, 4, 0, tzinfo=ny).astimezone(UTC))
    from graphsvc.services import bookings

    f.admin(world)
    bookings.book(world, "admin", {"contact": "cust", "meeting_type": "savings-advice",
                                   "mode": "online", "advisor": "busy",
                                   "start": TUE.replace(hour=10)})
    starts = [s["start"].strftime("%H:%M")
              for s in search(world, meeting_type="savings-advice")["advisors"][0]["slots"]]
    assert starts == ["09:00", "09:15", "09:30", "10:30"]


def test_bad_requests_are_field_errors(world):
    from graphsvc.errors import Invalid

    with pytest.raises(Invalid) as info:
        search(world, "physical", None)
    assert "location" in info.value.fields
    with pytest.raises(Invalid) as info:
        search(world, contact="nobody")
    assert "contact" in info.value.fields
    with pytest.raises(Invalid) as info:
        search(world, start=WED, end=TUE)
    assert "to" in info.value.fields
    with pytest.raises(Invalid) as info:
        search(world, end=TUE + timedelta(days=40))
    assert "to" in info.value.fields
