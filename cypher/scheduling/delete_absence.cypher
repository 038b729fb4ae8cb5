// Remove one absence of a user.
// params: $user, $uid
// columns: deleted
OPTIONAL MATCH (:User {uid: $user})-[:ABSENT]->(a:Absence {uid: $uid})
DETACH DELETE a
RETURN count(a) AS deleted
