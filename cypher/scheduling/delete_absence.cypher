// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Remove one absence of a user.
// params: $user, $uid
// columns: deleted
OPTIONAL MATCH (:User {uid: $user})-[:ABSENT]->(a:Absence {uid: $uid})
DETACH DELETE a
RETURN count(a) AS deleted
