// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// What a contact group sets for one processing domain: area, handler, user group (each may
// be null). Replaces what the group set for that domain before.
// params: $group, $domain, $area, $handler, $user_group (uids or null)
// columns: uid
MATCH (g:ContactGroup {uid: $group})
MERGE (g)-[:SETS]->(r:Responsibility {uid: $group + '|' + $domain})
SET r.domain = $domain
WITH r
OPTIONAL MATCH (r)-[old:IN_AREA|HANDLER|RESTRICTED_TO]->()
DELETE old
WITH DISTINCT r
CALL (r) { MATCH (a:Area {uid: $area}) MERGE (r)-[:IN_AREA]->(a) }
CALL (r) { MATCH (u:User {uid: $handler}) MERGE (r)-[:HANDLER]->(u) }
CALL (r) { MATCH (ug:UserGroup {uid: $user_group}) MERGE (r)-[:RESTRICTED_TO]->(ug) }
RETURN r.uid AS uid
