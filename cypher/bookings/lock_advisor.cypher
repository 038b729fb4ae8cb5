// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Take the advisor's booking lock for the rest of the transaction: every booking for this
// advisor passes here first, so overlapping requests are checked one after the other.
// params: $uid
// columns: uid, active (no row when the user does not exist)
MATCH (u:User {uid: $uid})
SET u.booking_lock = timestamp()
RETURN u.uid AS uid, u.active AS active
