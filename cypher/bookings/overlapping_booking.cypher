// A booking of the advisor that overlaps [start, start + the meeting type's duration):
// the cheap early answer for the losers of a race, read before waiting on the lock.
// params: $advisor, $meeting_type, $start
// :params {meeting_type: "mortgage", start: datetime("2026-12-07T09:00:00Z"), advisor: "kari"}
// columns: uid (no row when the time is free of bookings)
MATCH (mt:MeetingType {uid: $meeting_type})
WITH $start + duration({minutes: mt.duration_minutes}) AS end
MATCH (:User {uid: $advisor})<-[:WITH_ADVISOR]-(b:Booking)
WHERE b.status = 'booked' AND b.start < end AND b.end > $start
RETURN b.uid AS uid
LIMIT 1
