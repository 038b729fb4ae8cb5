// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Find a service group by its email and take its booking lock (taken before any advisor's,
// so locks are always taken in the order group -> advisor).
// params: $email
// columns: uid, name (no row when no group has this email)
MATCH (sg:ServiceGroup {email: $email})
SET sg.booking_lock = timestamp()
RETURN sg.uid AS uid, sg.name AS name
