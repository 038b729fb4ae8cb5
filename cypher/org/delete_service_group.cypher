// plumbing: not an analyst query (a write the services run); left out of the Browser guide
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
