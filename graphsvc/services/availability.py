"""Who can serve this customer, for this meeting, where and when (DOMAIN.md section 2).

The graph decides who (competence, reach, place: `cypher/availability/*.cypher`), the slot
arithmetic decides when (`graphsvc.slots`). Every advisor is judged by `judge`, whether for
the availability search, for explaining who was excluded, or for checking a booking.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from neo4j import ManagedTransaction

from graphsvc.db import Graph, run, run_collected, run_one
from graphsvc.errors import Invalid, UnknownReference
from graphsvc.pagination import decode_cursor, encode_cursor
from graphsvc.services import access, org
from graphsvc.slots import Window, free_slots
from graphsvc.windows import instant, require_may_ask

MAX_WINDOW = timedelta(days=31)


@dataclass(frozen=True)
class Request:
    contact: str
    meeting_type: str
    mode: str
    location: str | None
    start: datetime
    end: datetime | None  # None: exactly one meeting from `start` (a booking)
    at: datetime | None = None  # the instant the grants are taken at (issue 15): None, now


@dataclass(frozen=True)
class Context:
    """The facts of the request the rules need, read from the graph."""

    request: Request
    home: str
    home_timezone: str
    customer_category: str | None
    meeting_theme: str
    duration: timedelta
    basic: bool
    groups: tuple[str, ...]  # service groups whose activation rules match
    at: datetime  # the instant the grants are valid at (a campaign window still bounds slots)

    @property
    def competence(self) -> str:
        return f"{self.request.meeting_type}|{self.customer_category}"


@dataclass
class Verdict:
    user: dict
    failed: str | None = None
    slots: list[tuple[datetime, datetime]] = field(default_factory=list)
    paths: list = field(default_factory=list)
    booked: list[tuple[datetime, datetime]] = field(default_factory=list)  # inside the window

    @property
    def bookings(self) -> int:
        """How many bookings the advisor has inside the judged window."""
        return len(self.booked)

    @property
    def eligible(self) -> bool:
        return self.failed is None


def validate(request: Request) -> None:
    if request.mode == "physical" and not request.location:
        raise Invalid.field("location", "required for a physical meeting")
    if request.mode == "online" and request.location:
        raise Invalid.field("location", "only for physical meetings")
    if request.end <= request.start:
        raise Invalid.field("to", "must be after from")
    if request.end - request.start > MAX_WINDOW:
        raise Invalid.field("to", f"the window may span at most {MAX_WINDOW.days} days")


def tx_context(tx: ManagedTransaction, request: Request, actor: str | None = None) -> Context:
    """Read and check the request's facts; 422 naming the field when one is missing. With an
    `actor`, a contact the actor does not see is reported exactly like a missing one."""
    row = run_one(tx, "availability/request_context", contact=request.contact,
                  meeting_type=request.meeting_type, location=request.location or None)
    if row["contact_found"] and actor is not None:
        row["contact_found"] = access.tx_sees(tx, actor, request.contact) is not None
    if not row["contact_found"]:
        raise UnknownReference.of("contact", request.contact, "contact")
    if not row["meeting_type_found"]:
        raise UnknownReference.of("meeting type", request.meeting_type, "meeting_type")
    duration = timedelta(minutes=row["duration_minutes"])
    if request.end is None:
        request = replace(request, end=request.start + duration)
    validate(request)
    if row["home"] is None:
        raise Invalid.field("contact", f"contact '{request.contact}' has no home location")
    if not row["location_found"]:
        raise UnknownReference.of(org.LOCATION.noun, request.location, "location")
    groups = run_collected(tx, "org/service_group_activation", uid=None,
                           location=row["home"], customer_category=row["customer_category"],
                           meeting_theme=row["meeting_theme"])
    return Context(
        request=request, home=row["home"], home_timezone=row["home_timezone"] or "UTC",
        customer_category=row["customer_category"], meeting_theme=row["meeting_theme"],
        duration=duration,
        basic=row["installation_level"] == "basic",
        groups=tuple(g["uid"] for g in groups if g["matches"]),
        at=instant(request.at),
    )


def tx_reach(tx: ManagedTransaction, ctx: Context, users: list[str] | None,
             any_place: bool = False, start: datetime | None = None,
             end: datetime | None = None, candidates: bool = False) -> list[dict]:
    """Per advisor, the reachable places they work at (all places when `any_place`), with
    their paths. With `candidates`, only the advisors who also pass condition 1, and no
    paths: conditions 1 to 3 judged as sets, for advisors not (yet) shown."""
    req = ctx.request
    return run_collected(
        tx, "availability/reach", contact=req.contact, meeting_type=req.meeting_type,
        mode=req.mode, location=None if any_place else req.location,
        groups=list(ctx.groups), basic=ctx.basic, users=users,
        competence=ctx.competence if candidates else None, paths=not candidates,
        at=ctx.at, **{"from": start or req.start, "to": end or req.end})


def tx_facts(tx: ManagedTransaction, ctx: Context, users: list[str],
             start: datetime | None = None, end: datetime | None = None) -> dict[str, dict]:
    req = ctx.request
    rows = run_collected(tx, "availability/advisor_facts", users=users,
                         competence=ctx.competence, at=ctx.at,
                         **{"from": start or req.start, "to": end or req.end})
    for row in rows:
        row["absences"] = [_instants(span) for span in row["absences"]]
        row["bookings"] = [_instants(span) for span in row["bookings"]]
    return {row["user"]: row for row in rows}


def _hours(rows: list[list]) -> list[dict]:
    """reach.cypher's `[weekday, start, end, location, timezone]` rows as `graphsvc.slots`
    takes them."""
    return [{"weekday": h[0], "start": h[1], "end": h[2], "location": h[3], "timezone": h[4]}
            for h in rows]


def _instants(span: list[int]) -> tuple[datetime, datetime]:
    """[start, end] in epoch milliseconds to UTC datetimes."""
    start, end = span
    return datetime.fromtimestamp(start / 1000, UTC), datetime.fromtimestamp(end / 1000, UTC)


def judge(ctx: Context, user: dict, grants: list[dict], facts: dict | None,
          start: datetime, end: datetime, slot_limit: int | None = None) -> Verdict:
    """Apply the four conditions in order; the first that fails is the verdict."""
    req = ctx.request
    verdict = Verdict(user=user, booked=list((facts or {}).get("bookings", [])))
    competence_paths = (facts or {}).get("competence_paths", [])
    if not facts or not (competence_paths or facts["unrestricted"]):
        verdict.failed = "competence"
        return verdict
    if not grants:
        verdict.failed = "reach"
        return verdict
    usable = [g for g in grants if req.mode == "online" or g["place"] == req.location]
    hours = [h for h in facts["hours"] if req.mode == "online" or h["location"] == req.location]
    verdict.paths = competence_paths + [p for g in (usable or grants) for p in g["paths"]]
    if not usable:
        # Physical: the meeting's location is not reachable, or the advisor does not work
        # there (condition 3).
        verdict.failed = "presence"
        return verdict
    if not hours:
        # No working hours at all (online) or none at the meeting's location (physical):
        # working hours are condition 4.
        verdict.failed = "time"
        return verdict
    windows = [Window(g["valid_from"], g["valid_to"]) for g in usable]
    verdict.slots = free_slots(
        hours, facts["absences"], facts["bookings"],
        start, end, ctx.duration, windows=windows,
        location=req.location if req.mode == "physical" else None, limit=slot_limit)
    if not verdict.slots:
        verdict.failed = "time"
    return verdict


def tx_judge_users(tx: ManagedTransaction, ctx: Context, users: list[dict],
                   start: datetime | None = None, end: datetime | None = None,
                   slot_limit: int | None = None, any_place: bool = False) -> list[Verdict]:
    """Judge exactly these advisors (two queries, however many advisors)."""
    start, end = start or ctx.request.start, end or ctx.request.end
    uids = [u["uid"] for u in users]
    reach = {r["user"]["uid"]: r
             for r in tx_reach(tx, ctx, uids, any_place=any_place, start=start, end=end)}
    facts = tx_facts(tx, ctx, uids, start=start, end=end)
    for uid, row in facts.items():  # hours matter only where the advisor is reached
        row["hours"] = _hours(reach[uid]["hours"]) if uid in reach else []
    return [judge(ctx, u, reach[u["uid"]]["grants"] if u["uid"] in reach else [],
                  facts.get(u["uid"]), start, end, slot_limit) for u in users]


def tx_eligible(tx: ManagedTransaction, ctx: Context, limit: int, slot_limit: int
                ) -> list[Verdict]:
    """The first `limit` eligible advisors with free slots, by (earliest slot, uid).

    It costs what is shown, not what the graph holds. The candidates (conditions 1 to 3)
    come from one query without paths. Each one's earliest slot ignoring absences and
    bookings is a lower bound of its real earliest slot. Candidates are judged in batches,
    in lower-bound order, with only their absences and bookings. The search stops as soon as
    `limit` real slots come before the next candidate's bound. Only the advisors shown are
    judged in full, with paths, by the same `judge` as everywhere else."""
    req = ctx.request
    place = req.location if req.mode == "physical" else None

    def earliest(hours, windows, absences=(), bookings=()) -> datetime | None:
        first = free_slots(hours, list(absences), list(bookings), req.start, req.end,
                           ctx.duration, windows=windows, location=place, limit=1)
        return first[0][0] if first else None

    bounds: dict[tuple, datetime | None] = {}
    queue = []
    for row in tx_reach(tx, ctx, None, candidates=True):
        hours = _hours(row["hours"])
        windows = [Window(g["valid_from"], g["valid_to"]) for g in row["grants"]]
        key = (tuple(map(tuple, row["hours"])), tuple(windows))
        if key not in bounds:  # advisors share hours and windows: one bound per pattern
            bounds[key] = earliest(hours, windows)
        if bounds[key] is not None:  # no slot even when free: condition 4 fails anyway
            queue.append((bounds[key], row["user"]["uid"], row["user"], hours, windows))
    queue.sort(key=lambda c: (c[0], c[1]))
    found: list[tuple[datetime, str, dict]] = []
    batch, i = limit, 0  # then twice as many each round
    while i < len(queue):
        if len(found) >= limit:
            found.sort(key=lambda f: (f[0], f[1]))
            if (found[limit - 1][0], found[limit - 1][1]) < (queue[i][0], queue[i][1]):
                break  # no later candidate can come before the page's last advisor
        chunk, i = queue[i:i + batch], i + batch
        busy = {row["user"]: row for row in run_collected(
            tx, "availability/busy", users=[c[1] for c in chunk],
            **{"from": req.start, "to": req.end})}
        for _, uid, user, hours, windows in chunk:
            spans = busy.get(uid, {"absences": [], "bookings": []})
            first = earliest(hours, windows, map(_instants, spans["absences"]),
                             map(_instants, spans["bookings"]))
            if first:
                found.append((first, uid, user))
        batch *= 2
    found.sort(key=lambda f: (f[0], f[1]))
    shown = [f[2] for f in found[:limit]]
    verdicts = [v for v in tx_judge_users(tx, ctx, shown, slot_limit=slot_limit)
                if v.eligible]
    verdicts.sort(key=lambda v: (v.slots[0][0], v.user["uid"]))
    return verdicts


def tx_excluded(tx: ManagedTransaction, ctx: Context, after: str | None, limit: int
                ) -> tuple[list[dict], str | None]:
    """One page of active users (by uid) judged in full; those not eligible, each with the
    first condition that failed and the nearest paths. Returns (excluded, last uid or None)."""
    users = run(tx, "availability/active_users_page", after=after, limit=limit + 1)
    more = len(users) > limit
    users = users[:limit]
    verdicts = tx_judge_users(tx, ctx, [{"uid": u["uid"], "name": u["name"],
                                         "email": u["email"]} for u in users],
                              slot_limit=1, any_place=True)
    excluded = tx_explain(tx, [v for v in verdicts if not v.eligible], ctx.at)
    return excluded, users[-1]["uid"] if more and users else None


def tx_explain(tx: ManagedTransaction, verdicts: list[Verdict], at: datetime) -> list[dict]:
    """Each refused verdict as {user, failed, paths}: the first failed condition and the
    nearest paths (one query for all). Competence and reach failures have no path that made
    the advisor eligible, so they show the advisor's competence groups or workplaces."""
    nearest = {row["user"]: row for row in run(
        tx, "availability/nearest_paths", users=[v.user["uid"] for v in verdicts], at=at)}
    out = []
    for v in verdicts:
        near = nearest.get(v.user["uid"], {"works_at": [], "groups": []})
        paths = {"competence": near["groups"], "reach": near["works_at"]}.get(v.failed, v.paths)
        out.append({"user": v.user, "failed": v.failed, "paths": paths})
    return out


def search(graph: Graph, request: Request, limit: int, slot_limit: int,
           explain: str | None = None, cursor: str | None = None,
           actor=None) -> dict:
    """The availability answer: eligible advisors with slots and paths, by earliest slot;
    with `explain="excluded"` also one page of the active users who are not eligible.
    The grants are those valid at `request.at` (default now; the past: admins only)."""

    def work(tx):
        if actor is not None:
            require_may_ask(actor, request.at)
        ctx = tx_context(tx, request, actor.uid if actor is not None else None)
        eligible = tx_eligible(tx, ctx, limit, slot_limit)
        answer = {"advisors": [{"user": v.user, "paths": v.paths,
                                "slots": [{"start": s, "end": e} for s, e in v.slots]}
                               for v in eligible]}
        if explain == "excluded":
            excluded, last = tx_excluded(tx, ctx, decode_cursor(cursor), limit)
            answer["excluded"] = excluded
            answer["next_cursor"] = encode_cursor(last) if last else None
        return answer

    return graph.read_tx(work)
