// Delete a service group with its service levels (members and linked groups are only
// relationships and go with it).
// params: $uid
// columns: deleted (0 or 1)
OPTIONAL MATCH (sg:ServiceGroup {uid: $uid})
OPTIONAL MATCH (sg)-[:OFFERS]->(lvl:ServiceLevel)
DETACH DELETE lvl
WITH DISTINCT sg
DETACH DELETE sg
RETURN count(sg) AS deleted
