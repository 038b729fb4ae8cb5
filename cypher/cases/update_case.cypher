// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Change some plain fields of a case (subject, status, closed_at, updated_at).
// params: $uid, $changes (map)
// columns: uid
MATCH (k:Case {uid: $uid})
SET k += $changes
RETURN k.uid AS uid
