"""Free slots: interval arithmetic over weekly working hours (local time of each location),
absences and bookings. Pure functions; the graph decides *who*, this decides *when*.

All instants are aware datetimes in UTC. Working hours are wall-clock times in the
location's IANA time zone, so a 09:00-17:00 day stays 09:00-17:00 across DST changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

GRID = timedelta(minutes=15)


def next_weekday(days: int, now: datetime | None = None) -> datetime:
    """Midnight UTC of the first Monday to Friday at least `days` days after `now`."""
    day = (now or datetime.now(UTC)).replace(hour=0, minute=0, second=0, microsecond=0)
    day += timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime
    location: str | None = None
    # Where the slot grid of this interval starts: the start of the working-hours interval
    # it was cut from (local time of its location), so cutting out a booking keeps the grid.
    anchor: datetime | None = None

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return self.start < end and start < self.end


def minutes_of(value: str) -> int:
    """"HH:MM" as minutes since midnight; "24:00" (the end of the day) is 1440."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def wall_clock(day: date, value: str, zone: ZoneInfo) -> datetime:
    """The local time `value` ("HH:MM", or "24:00" for the next midnight) on `day`."""
    if value == "24:00":
        return datetime.combine(day + timedelta(days=1), time(0), zone)
    hours, minutes = value.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), zone)


def working_intervals(hours: Iterable[dict], start: datetime, end: datetime) -> list[Interval]:
    """Weekly hours `{weekday (1=Mon..7), start "HH:MM", end "HH:MM", location, timezone}`
    as UTC intervals that touch [start, end)."""
    out: list[Interval] = []
    for entry in hours:
        out += _entry_intervals(entry["weekday"], entry["start"], entry["end"],
                                entry.get("location"), entry.get("timezone") or "UTC",
                                start, end)
    return out


@lru_cache(maxsize=8192)
def _entry_intervals(weekday: int, from_: str, to: str, location: str | None, timezone: str,
                     start: datetime, end: datetime) -> tuple[Interval, ...]:
    """One weekly entry's intervals touching [start, end). A pure function of its arguments:
    advisors share hours, so the search of thousands of candidates computes each once."""
    zone = ZoneInfo(timezone)
    out = []
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    while day <= last:
        if day.isoweekday() == weekday:
            local_start = wall_clock(day, from_, zone)
            local_end = wall_clock(day, to, zone)
            interval = Interval(local_start.astimezone(UTC), local_end.astimezone(UTC),
                                location, local_start.astimezone(UTC))
            if interval.overlaps(start, end):
                out.append(interval)
        day += timedelta(days=1)
    return tuple(out)


def subtract(intervals: list[Interval], busy: Iterable[tuple[datetime, datetime]]
             ) -> list[Interval]:
    """`intervals` with every busy [start, end) cut out."""
    result = list(intervals)
    for b_start, b_end in busy:
        cut = []
        for iv in result:
            if not iv.overlaps(b_start, b_end):
                cut.append(iv)
                continue
            if iv.start < b_start:
                cut.append(Interval(iv.start, b_start, iv.location, iv.anchor))
            if b_end < iv.end:
                cut.append(Interval(b_end, iv.end, iv.location, iv.anchor))
        result = cut
    return result


EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def ceil_to_grid(moment: datetime, anchor: datetime = EPOCH) -> datetime:
    """The first instant at or after `moment` on the 15-minute grid that starts at `anchor`."""
    steps = -(-(moment - anchor) // GRID)
    return anchor + steps * GRID


@dataclass(frozen=True)
class Window:
    """When a reach grant holds: [start, end), open where None."""

    start: datetime | None = None
    end: datetime | None = None

    def covers(self, start: datetime, end: datetime) -> bool:
        return (self.start is None or self.start <= start) and (self.end is None or end <= self.end)


def free_slots(hours: list[dict], absences: list[tuple[datetime, datetime]],
               bookings: list[tuple[datetime, datetime]], start: datetime, end: datetime,
               duration: timedelta, windows: list[Window] | None = None,
               location: str | None = None, limit: int | None = None) -> list[tuple[datetime,
                                                                                  datetime]]:
    """Slots of `duration` stepping every 15 minutes from the start of each working-hours
    interval in its location's time zone (hours 09:10-10:40 offer 09:10, 09:25, ...), inside
    working hours (at `location` when
    given), inside [start, end), overlapping no absence or booking, and each inside at least
    one of `windows` (None: no restriction). Sorted, without duplicates."""
    usable = [h for h in hours if location is None or h.get("location") == location]
    free = sorted(subtract(working_intervals(usable, start, end), [*absences, *bookings]),
                  key=lambda iv: iv.start)
    found: set[tuple[datetime, datetime]] = set()
    cutoff = None  # with a limit: the start of the limit-th earliest slot found so far
    for iv in free:
        if cutoff is not None and iv.start > cutoff:
            break  # intervals come in start order: no earlier slot can follow
        slot_start = ceil_to_grid(max(iv.start, start), iv.anchor or EPOCH)
        while slot_start + duration <= min(iv.end, end):
            if cutoff is not None and slot_start > cutoff:
                break  # the rest of this interval comes later still
            slot_end = slot_start + duration
            if windows is None or any(w.covers(slot_start, slot_end) for w in windows):
                found.add((slot_start, slot_end))
                if limit and len(found) >= limit:
                    cutoff = sorted(found)[limit - 1][0]
            slot_start += GRID
    slots = sorted(found)
    return slots[:limit] if limit else slots


def day_bounds(moment: datetime, timezone: str) -> tuple[datetime, datetime]:
    """The local calendar day around `moment` in `timezone`, as UTC [start, end)."""
    zone = ZoneInfo(timezone)
    day: date = moment.astimezone(zone).date()
    local_start = datetime.combine(day, time(0), zone)
    local_end = datetime.combine(day + timedelta(days=1), time(0), zone)
    return local_start.astimezone(UTC), local_end.astimezone(UTC)
