// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Cancel a booking (kept for the record; a cancelled booking no longer blocks the slot).
// params: $uid, $at
// columns: uid, status (no row when the booking does not exist)
MATCH (b:Booking {uid: $uid})
SET b.cancelled_at = CASE WHEN b.status = 'cancelled' THEN b.cancelled_at ELSE $at END,
    b.status = 'cancelled'
RETURN b.uid AS uid, b.status AS status
