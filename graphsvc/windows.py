"""Validity windows on grants (issue 15): every relationship that grants something
(competence-, service-, user-, account-manager-group and team membership, linked groups,
directory and area access) may carry `valid_from` / `valid_to`, the half-open window
[valid_from, valid_to) in UTC, either end open. A grant counts at an instant when its window
holds that instant; each decision is asked at an instant (`at`, default now).

The rules as written in every `cypher/` file that reads a grant:
    coalesce(r.valid_from <= $at, true) AND coalesce(r.valid_to > $at, true)
(a missing end is open). Plumbing queries that only ever ask about now use `datetime()`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from graphsvc.errors import Forbidden

# A client that sends its own "now" is a little behind the server's by the time it arrives:
# an `at` this close to now is now, not the past (which only admins may ask about).
CLOCK_SKEW = timedelta(minutes=5)

# The relationships that grant something, as (source label, type, target label).
GRANTS = frozenset({
    ("User", "MEMBER_OF", "CompetenceGroup"), ("User", "MEMBER_OF", "ServiceGroup"),
    ("User", "MEMBER_OF", "UserGroup"), ("User", "MEMBER_OF", "AccountManagerGroup"),
    ("User", "MEMBER_OF", "Team"), ("ServiceGroup", "INCLUDES", "CompetenceGroup"),
    ("User", "CAN_ACCESS", "Directory"), ("UserGroup", "CAN_ACCESS", "Directory"),
    ("User", "CAN_ACCESS", "Area"), ("UserGroup", "CAN_ACCESS", "Area"),
})


def now() -> datetime:
    return datetime.now(UTC)


def instant(at: datetime | None) -> datetime:
    """The instant a decision is asked at: `at`, or now."""
    return at if at is not None else now()


def in_past(at: datetime | None) -> bool:
    """Whether `at` asks about the past (beyond clock skew): admins only."""
    return at is not None and at < now() - CLOCK_SKEW


def require_may_ask(actor, at: datetime | None) -> None:
    """Asking about the past is for administrators (an audit); the future (planned changes)
    is for everyone. Read `actor.is_admin` only inside the request's transaction (a
    PendingActor is verified there)."""
    if in_past(at) and not actor.is_admin:
        raise Forbidden.field("at", "only administrators may ask about the past",
                              message="Only administrators may ask about the past.")
