"""Booking a slot, atomically (DOMAIN.md section 2).

A booking with a named advisor takes the advisor's lock first, then judges the advisor for
exactly [start, end) inside the same transaction, then writes. A booking by a service
group's email takes the group's lock, picks the member with the fewest bookings that day
(then the earliest free slot that day), takes that advisor's lock and judges again. Locks
are always taken group before advisor and at most one advisor per transaction, so two
bookings can never wait on each other in a cycle.
"""

from __future__ import annotations

from datetime import UTC, datetime

from neo4j import ManagedTransaction

from graphsvc.db import Graph, run, run_one
from graphsvc.errors import Conflict, Invalid, NotFound, SlotTaken, UnknownReference
from graphsvc.pagination import decode_cursor, page
from graphsvc.services import access, availability, crud
from graphsvc.services.availability import Context, Request, Verdict
from graphsvc.slots import day_bounds

MAX_ATTEMPTS = 5
# DOMAIN.md section 2, in order: a refusal names the first that failed.
CONDITIONS = ("competence", "reach", "presence", "time")


class _ChosenAdvisorTaken(Exception):
    """The advisor picked for a group booking was taken between the pick and the lock."""


def _request(data: dict) -> Request:
    start = data["start"]
    if start.second or start.microsecond:
        raise Invalid.field("start", "must be a whole minute")
    if start < datetime.now(UTC):
        raise Invalid.field("start", "must not be in the past")
    # No end: the meeting lasts its type's duration. Whether `start` is one of the advisor's
    # slots (every 15 minutes from the start of their local working hours) is the time
    # condition, judged with the advisor.
    return Request(contact=data["contact"], meeting_type=data["meeting_type"],
                   mode=data["mode"], location=data.get("location"), start=data["start"],
                   end=None)


def _slot_taken(advisor: str) -> SlotTaken:
    return SlotTaken.field("start", "the advisor has no free slot at this time",
                           message=f"Advisor '{advisor}' is not free at this time.")


REASONS = {
    "competence": "is not an active user whose competences cover this meeting type and "
                  "customer category",
    "reach": "works at none of the locations that can serve this customer",
    "presence": "cannot meet at this location (not reachable for this customer, or the "
                "advisor does not work there)",
    "time": "has no free slot starting at this time (inside working hours, at the meeting's "
            "location for a physical meeting, off every absence; slots start every 15 "
            "minutes from the start of the working hours)",
}


def _not_available(explained: dict, field: str, who: str, **details) -> Conflict:
    """409 not_available naming the first failed condition with its nearest paths; distinct
    from slot_taken, which means another booking holds the time."""
    failed = explained["failed"]
    return Conflict.field(
        field, f"fails the {failed} condition: {REASONS[failed]}",
        message=f"{who} cannot serve this request: the {failed} condition fails.",
        code="not_available",
        details={"failed": failed, "paths": explained["paths"], **details})


def _tx_lock_advisor(tx: ManagedTransaction, uid: str) -> dict:
    row = run_one(tx, "bookings/lock_advisor", uid=uid)
    if row is None:
        raise UnknownReference.of("user", uid, "advisor")
    return row


def _tx_write(tx: ManagedTransaction, ctx: Context, verdict: Verdict, actor: str,
              uid: str, service_group: str | None) -> dict:
    req = ctx.request
    now = datetime.now(UTC)
    run(tx, "bookings/create_booking", advisor=verdict.user["uid"], contact=req.contact,
        meeting_type=req.meeting_type, location=req.location, service_group=service_group,
        booking={"uid": uid, "start": req.start, "end": req.end, "mode": req.mode,
                 "status": "booked", "created_by": actor, "created_at": now})
    booking = run_one(tx, "bookings/get_booking", uid=uid)["booking"]
    return {**booking, "paths": verdict.paths}


def _tx_refuse_overlap(tx: ManagedTransaction, request: Request, advisor: str) -> None:
    if run_one(tx, "bookings/overlapping_booking", advisor=advisor,
               meeting_type=request.meeting_type, start=request.start) is not None:
        raise _slot_taken(advisor)


def _tx_book_advisor(tx: ManagedTransaction, request: Request, advisor: str, actor: str,
                     uid: str) -> dict:
    # A booking in the way is a refusal without queueing on the lock, and, once the lock
    # is ours, without judging everything again: the losers of a race answer fast. A time
    # still free is judged in full under the lock.
    _tx_refuse_overlap(tx, request, advisor)
    _tx_lock_advisor(tx, advisor)
    _tx_refuse_overlap(tx, request, advisor)
    ctx = availability.tx_context(tx, request, actor)
    [verdict] = availability.tx_judge_users(tx, ctx, [{"uid": advisor}])
    if not verdict.eligible:
        [explained] = _tx_explain_everywhere(tx, ctx, [{"uid": advisor}])
        raise _not_available(explained, "advisor", f"Advisor '{advisor}'")
    verdict.user = {"uid": advisor}
    return _tx_write(tx, ctx, verdict, actor, uid, None)


def _tx_book_group(tx: ManagedTransaction, request: Request, email: str, actor: str,
                   uid: str) -> dict:
    group = run_one(tx, "bookings/lock_service_group", email=email)
    if group is None:
        raise UnknownReference.field("service_group_email", f"no service group has '{email}'")
    ctx = availability.tx_context(tx, request, actor)
    req = ctx.request
    members = run(tx, "org/service_group_members", uid=group["uid"], at=req.start, after=None,
                  limit=100_000)
    users = [m["user"] for m in members if m["user"]["active"]]
    if not users:
        raise _not_available({"failed": "competence", "paths": []}, "service_group_email",
                             f"Service group '{group['uid']}' (no active member now)",
                             members=[])
    # Judge every member over the whole local day: that gives the slot at `start`, the
    # bookings of the day and the earliest free slot of the day in one pass.
    day_start, day_end = day_bounds(req.start, ctx.home_timezone)
    verdicts = availability.tx_judge_users(tx, ctx, users, start=day_start, end=day_end)
    slot = (req.start, req.end)
    candidates = [v for v in verdicts if v.eligible and slot in v.slots]
    if not candidates:
        raise _tx_group_refusal(tx, group["uid"], ctx, users, verdicts, (day_start, day_end))

    def rank(v: Verdict):
        return (v.bookings, v.slots[0][0], v.user["uid"])

    chosen = min(candidates, key=rank)
    _tx_lock_advisor(tx, chosen.user["uid"])
    [recheck] = availability.tx_judge_users(tx, ctx, [chosen.user])
    if not recheck.eligible:
        raise _ChosenAdvisorTaken(chosen.user["uid"])
    bookings_that_day, earliest, _ = rank(chosen)
    booking = _tx_write(tx, ctx, recheck, actor, uid, group["uid"])
    booking["selection"] = {
        "service_group": group["uid"], "candidates": len(candidates),
        "bookings_that_day": bookings_that_day, "earliest_free_slot": earliest,
        "reason": (f"picked '{chosen.user['uid']}' of {len(candidates)} free member(s): "
                   f"fewest bookings that day ({bookings_that_day}), then earliest free "
                   f"slot ({earliest.isoformat()})")}
    return booking


def _tx_explain_everywhere(tx: ManagedTransaction, ctx: Context, users: list[dict],
                           start: datetime | None = None, end: datetime | None = None
                           ) -> list[dict]:
    """Refused advisors judged again at every place, so the first failed condition is the
    one DOMAIN names (a location the advisor does not work at fails presence, not reach);
    one judged eligible there is free, but no slot of theirs starts at this time."""
    verdicts = availability.tx_judge_users(tx, ctx, users, start, end, any_place=True)
    for v in verdicts:
        v.failed = v.failed or "time"
    return availability.tx_explain(tx, verdicts, ctx.at)


def _tx_group_refusal(tx: ManagedTransaction, group: str, ctx: Context, users: list[dict],
                      verdicts: list[Verdict], day: tuple[datetime, datetime]) -> Conflict:
    """slot_taken when a member who can serve that day has a booking in the way; otherwise
    not_available with the condition the closest member failed (and every member's)."""
    req = ctx.request
    if any(v.eligible and any(s < req.end and req.start < e for s, e in v.booked)
           for v in verdicts):
        return SlotTaken.field("start", "every member who could serve it is booked then",
                               message=f"No member of '{group}' is free at this time.")
    explained = _tx_explain_everywhere(tx, ctx, users, *day)
    closest = max(explained, key=lambda e: CONDITIONS.index(e["failed"]))
    return _not_available(
        closest, "service_group_email", f"No member of '{group}'",
        members=[{"user": e["user"]["uid"], "failed": e["failed"]} for e in explained])


def book(graph: Graph, actor: str, data: dict) -> dict:
    request = _request(data)
    uid = data.get("uid") or crud.new_uid()
    if data.get("advisor"):
        return graph.write_tx(_tx_book_advisor, request, data["advisor"], actor, uid)
    for _ in range(MAX_ATTEMPTS):
        try:
            return graph.write_tx(_tx_book_group, request, data["service_group_email"], actor,
                                  uid)
        except _ChosenAdvisorTaken:
            continue  # the transaction rolled back; pick again with fresh data
    raise SlotTaken("The service group's free members were all taken meanwhile; try again.")


def _tx_visible_booking(tx: ManagedTransaction, actor: str, uid: str) -> dict:
    """The booking, or 404 when it does not exist or the actor does not see its contact
    (a booking concerns its contact and is visible only with it)."""
    row = run_one(tx, "bookings/get_booking", uid=uid)
    if row is None or access.tx_sees(tx, actor, row["booking"]["contact"]) is None:
        raise NotFound.of("booking", uid)
    return row["booking"]


def get_booking(graph: Graph, actor: str, uid: str) -> dict:
    return graph.read_tx(_tx_visible_booking, actor, uid)


def list_bookings(graph: Graph, actor: str, filters: dict, limit: int,
                  cursor: str | None) -> dict:
    """A page of an advisor's and/or a contact's bookings the actor sees (their contact is
    visible to the actor), meeting within [from, to) if given, in start order then uid."""
    after = decode_cursor(cursor, parts=2)
    if after is not None:
        try:
            datetime.fromisoformat(after[0])
        except ValueError as exc:
            raise Invalid.field("cursor", "not a cursor this API issued") from exc
    rows = graph.read("bookings/list_bookings", user=actor, advisor=filters.get("advisor"),
                      contact=filters.get("contact"), status=filters.get("status"),
                      **{"from": filters.get("from"), "to": filters.get("to")},
                      after=after, limit=limit + 1)
    return page([r["booking"] for r in rows], limit,
                key=lambda b: [b["start"].isoformat(), b["uid"]])


def cancel(graph: Graph, actor: str, uid: str) -> None:
    """Cancel (idempotent on a cancelled booking); the slot is free again at once."""

    def work(tx):
        _tx_visible_booking(tx, actor, uid)
        run(tx, "bookings/cancel_booking", uid=uid, at=datetime.now(UTC))

    graph.write_tx(work)
