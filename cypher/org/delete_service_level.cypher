// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Remove one service level of a service group.
// params: $group, $uid
// columns: deleted
OPTIONAL MATCH (:ServiceGroup {uid: $group})-[:OFFERS]->(lvl:ServiceLevel {uid: $uid})
DETACH DELETE lvl
RETURN count(lvl) AS deleted
