"""Working time, availability and booking endpoints (DOMAIN.md section 2)."""

from __future__ import annotations

from graphsvc.api.common import PageArgs, actor, graph, page_schema, self_or_admin
from graphsvc.api.idempotency import idempotent, with_uid
from graphsvc.api.org import users
from graphsvc.api.replay import replayable
from graphsvc.api.resources import resource_blueprint
from graphsvc.schemas import scheduling as schemas
from graphsvc.schemas.replay import ExplainArgs
from graphsvc.services import availability, bookings, scheduling
from graphsvc.services.availability import Request


@users.route("/<uid>/working-hours", methods=["GET"], endpoint="working_hours")
@users.response(200, schemas.WorkingHours)
def get_working_hours(uid):
    """A user's weekly working hours, by location."""
    return scheduling.working_hours(graph(), uid)


@users.route("/<uid>/working-hours", methods=["PUT"], endpoint="put_working_hours")
@users.arguments(schemas.WorkingHoursIn)
@users.response(200, schemas.WorkingHours)
@self_or_admin
def put_working_hours(data, uid):
    """Replace the weekly hours (wall-clock in each location's time zone)."""
    return scheduling.set_working_hours(graph(), uid, data["hours"])


@users.route("/<uid>/absences", methods=["GET"], endpoint="absences")
@users.arguments(PageArgs, location="query")
@users.response(200, page_schema(schemas.Absence, "AbsencePage"))
def list_absences(args, uid):
    """A user's absences, in start order."""
    return scheduling.absences(graph(), uid, args["limit"], args["cursor"])


@users.route("/<uid>/absences", methods=["POST"], endpoint="create_absence")
@users.arguments(schemas.AbsenceIn)
@users.response(201, schemas.Absence)
@self_or_admin
def create_absence(data, uid):
    """Record an absence (end after start); no slot overlaps it."""
    return scheduling.add_absence(graph(), uid, data)


@users.route("/<uid>/absences/<absence>", methods=["DELETE"], endpoint="delete_absence")
@users.response(204)
@self_or_admin
def delete_absence(uid, absence):
    """Delete one of the user's absences."""
    scheduling.delete_absence(graph(), uid, absence)


blp = resource_blueprint("availability", "Who can serve this customer, with which slots.")


@blp.route("", methods=["GET"], endpoint="search")
@blp.arguments(schemas.AvailabilityArgs, location="query")
@blp.response(200, schemas.Availability)
@replayable
def search(args):
    """Eligible advisors (competence, reach, place, time) with free slots and the paths that
    made them eligible, ordered by earliest slot."""
    request = Request(contact=args["contact"], meeting_type=args["meeting_type"],
                      mode=args["mode"], location=args["location"], start=args["start"],
                      end=args["end"], at=args["at"])
    excluded = "excluded" if "excluded" in args["explain"] else None
    return availability.search(graph(), request, limit=args["limit"],
                               slot_limit=args["slots"], explain=excluded,
                               cursor=args["cursor"], actor=actor())


bookings_blp = resource_blueprint("bookings", "Booked meetings.")


@bookings_blp.route("", methods=["POST"], endpoint="create")
@idempotent
@bookings_blp.arguments(schemas.BookingIn)
@bookings_blp.arguments(ExplainArgs, location="query", as_kwargs=True)
@bookings_blp.response(201, schemas.BookingAnswer)
@replayable
def create_booking(data):
    """Book a slot with an advisor, or with a service group's email (the service picks the
    member). 409 when the slot is taken or the advisor cannot serve the request."""
    return bookings.book(graph(), actor().uid, with_uid(data))


@bookings_blp.route("", methods=["GET"], endpoint="list")
@bookings_blp.arguments(schemas.BookingListArgs, location="query")
@bookings_blp.response(200, page_schema(schemas.Booking, "BookingPage"))
def list_bookings(args):
    """An advisor's calendar (`advisor=me`: the acting user's) or a contact's bookings,
    optionally within [from, to) (an advisor's day) and of one status: the bookings whose
    contact the acting user sees, keyset pages in start order."""
    filters = {"advisor": args["advisor"], "contact": args["contact"],
               "from": args["from_"], "to": args["to"], "status": args["status"]}
    if filters["advisor"] == "me":
        filters["advisor"] = actor().uid
    return bookings.list_bookings(graph(), actor().uid, filters, args["limit"],
                                  args["cursor"])


@bookings_blp.route("/<uid>", methods=["GET"], endpoint="get")
@bookings_blp.response(200, schemas.Booking)
def get_booking(uid):
    """A booking whose contact the acting user sees."""
    return bookings.get_booking(graph(), actor().uid, uid)


@bookings_blp.route("/<uid>", methods=["DELETE"], endpoint="delete")
@bookings_blp.response(204)
def cancel_booking(uid):
    """Cancel the booking; its slot is free again."""
    bookings.cancel(graph(), actor().uid, uid)


BLUEPRINTS = [blp, bookings_blp]
