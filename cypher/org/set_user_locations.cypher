// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Replace the locations a user works at.
// params: $uid, $locations (list of location uids, all existing)
// columns: uid
MATCH (u:User {uid: $uid})
OPTIONAL MATCH (u)-[old:WORKS_AT]->(:Location)
DELETE old
WITH DISTINCT u
UNWIND $locations AS location_uid
MATCH (l:Location {uid: location_uid})
MERGE (u)-[:WORKS_AT]->(l)
RETURN DISTINCT u.uid AS uid
