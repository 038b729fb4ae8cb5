from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from graphsvc.slots import Window, ceil_to_grid, free_slots, working_intervals

OSLO = "Europe/Oslo"
H = timedelta(hours=1)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def hours(weekday, start, end, location="oslo", tz=OSLO):
    return {"weekday": weekday, "start": start, "end": end, "location": location, "timezone": tz}


def test_local_hours_follow_daylight_saving_time():
    # Monday 2026-03-23 (winter, UTC+1) and Monday 2026-03-30 (summer, UTC+2)
    ivs = working_intervals([hours(1, "09:00", "17:00")], utc(2026, 3, 22), utc(2026, 4, 1))
    assert [(i.start, i.end) for i in ivs] == [(utc(2026, 3, 23, 8), utc(2026, 3, 23, 16)),
                                               (utc(2026, 3, 30, 7), utc(2026, 3, 30, 15))]


def test_slots_on_grid_inside_hours():
    slots = free_slots([hours(2, "09:00", "10:30")], [], [], utc(2026, 12, 1), utc(2026, 12, 2),
                       timedelta(minutes=45))
    starts = [s.strftime("%H:%M") for s, _ in slots]
    # 09:00-10:30 Oslo is 08:00-09:30 UTC; 45-minute slots on the quarter hour.
    assert starts == ["08:00", "08:15", "08:30", "08:45"]


def test_slots_avoid_absences_and_bookings_given_in_other_offsets():
    tue = [hours(2, "09:00", "12:00")]  # 08:00-11:00 UTC on 2026-12-01
    # An absence entered in New York time (UTC-5): 03:30-04:30 local = 08:30-09:30 UTC.
    ny = datetime(2026, 12, 1, 3, 30, tzinfo=UTC) + timedelta(hours=5)
    absence = (ny, ny + H)
    booking = (utc(2026, 12, 1, 10, 0), utc(2026, 12, 1, 10, 30))
    slots = free_slots(tue, [absence], [booking], utc(2026, 12, 1), utc(2026, 12, 2),
                       timedelta(minutes=30))
    starts = [s.strftime("%H:%M") for s, _ in slots]
    assert starts == ["08:00", "09:30", "10:30"]


def test_window_start_is_rounded_up_to_the_grid_and_end_respected():
    slots = free_slots([hours(2, "09:00", "17:00")], [], [], utc(2026, 12, 1, 8, 7),
                       utc(2026, 12, 1, 9, 0), timedelta(minutes=30))
    assert [s for s, _ in slots] == [utc(2026, 12, 1, 8, 15), utc(2026, 12, 1, 8, 30)]


def test_location_filter_and_duplicates_across_locations():
    two = [hours(2, "09:00", "10:00", "oslo"), hours(2, "09:00", "10:00", "bergen")]
    window = (utc(2026, 12, 1), utc(2026, 12, 2))
    assert len(free_slots(two, [], [], *window, timedelta(minutes=60))) == 1
    assert free_slots(two, [], [], *window, timedelta(minutes=60), location="tromso") == []


def test_grant_windows_restrict_slots():
    day = [hours(2, "09:00", "12:00")]
    window = Window(utc(2026, 12, 1, 9, 0), utc(2026, 12, 1, 10, 0))
    slots = free_slots(day, [], [], utc(2026, 12, 1), utc(2026, 12, 2), timedelta(minutes=30),
                       windows=[window])
    assert [s for s, _ in slots] == [utc(2026, 12, 1, 9, 0), utc(2026, 12, 1, 9, 15),
                                     utc(2026, 12, 1, 9, 30)]


def test_grid_helpers():
    assert ceil_to_grid(utc(2026, 1, 1, 9, 1)) == utc(2026, 1, 1, 9, 15)
    assert ceil_to_grid(utc(2026, 1, 1, 9, 45)) == utc(2026, 1, 1, 9, 45)
    assert ceil_to_grid(utc(2026, 1, 1, 9, 1), anchor=utc(2026, 1, 1, 8, 10)) == \
        utc(2026, 1, 1, 9, 10)


def test_slots_step_from_the_local_start_of_the_working_hours():
    # Asia/Kolkata is UTC+05:30: 09:10-10:40 local is 03:40-05:10 UTC, on no UTC quarter hour.
    kolkata = [hours(2, "09:10", "10:40", "mumbai", "Asia/Kolkata")]
    window = (utc(2026, 12, 1), utc(2026, 12, 2))
    slots = free_slots(kolkata, [], [], *window, timedelta(minutes=30))
    local = [s.astimezone(ZoneInfo("Asia/Kolkata")).strftime("%H:%M") for s, _ in slots]
    assert local == ["09:10", "09:25", "09:40", "09:55", "10:10"]
    # A 20-minute booking at 09:10 cuts the interval, not the grid: the next slot is 09:40.
    booked = (utc(2026, 12, 1, 3, 40), utc(2026, 12, 1, 4, 0))
    slots = free_slots(kolkata, [], [booked], *window, timedelta(minutes=30))
    assert slots[0][0] == utc(2026, 12, 1, 4, 10)
    # A window starting inside the hours rounds up onto the same grid.
    slots = free_slots(kolkata, [], [], utc(2026, 12, 1, 3, 41), window[1],
                       timedelta(minutes=30))
    assert slots[0][0] == utc(2026, 12, 1, 3, 55)


def test_limit_returns_the_earliest_slots_across_overlapping_locations():
    two = [hours(2, "10:00", "12:00", "oslo"), hours(2, "09:00", "13:00", "bergen"),
           hours(3, "09:00", "10:00", "oslo")]
    window = (utc(2026, 12, 1), utc(2026, 12, 3))
    everything = free_slots(two, [], [], *window, timedelta(minutes=30))
    for limit in (1, 3, 10, 20):
        assert free_slots(two, [], [], *window, timedelta(minutes=30), limit=limit) == \
            everything[:limit]


def test_hours_until_midnight_end_at_the_next_local_midnight():
    ivs = working_intervals([hours(2, "22:00", "24:00")], utc(2026, 12, 1), utc(2026, 12, 3))
    assert [(i.start, i.end) for i in ivs] == [(utc(2026, 12, 1, 21), utc(2026, 12, 1, 23))]
