// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Record an absence of a user.
// params: $user, $absence {uid, start, end, reason}
// columns: uid (no row when the user does not exist)
MATCH (u:User {uid: $user})
CREATE (u)-[:ABSENT]->(a:Absence)
SET a = $absence
RETURN a.uid AS uid
