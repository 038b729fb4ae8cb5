// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Assign a case by hand to an active user (status active_assigned) and remember the
// assignment for the assigning user's suggestions.
// params: $uid, $assignee, $by, $assignment {uid, at}
// columns: uid
MATCH (k:Case {uid: $uid})
MATCH (u:User {uid: $assignee})
MATCH (by:User {uid: $by})
OPTIONAL MATCH (k)-[old:ASSIGNED_TO]->(:User)
DELETE old
WITH DISTINCT k, u, by
CREATE (k)-[:ASSIGNED_TO]->(u)
SET k.status = 'active_assigned', k.updated_at = $assignment.at, k.assignee_uid = u.uid
CREATE (by)-[:MADE]->(a:Assignment)-[:TO]->(u)
SET a = $assignment
CREATE (a)-[:OF_CASE]->(k)
RETURN k.uid AS uid
