// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Claim one case for an agent: take the case's lock first, then check it is still new.
// No row when another agent claimed it first.
// params: $uid, $agent, $at
// columns: uid
MATCH (k:Case {uid: $uid})
SET k.claim_lock = $agent
WITH k
WHERE k.status = 'active_new'
MATCH (agent:User {uid: $agent})
OPTIONAL MATCH (k)-[old:ASSIGNED_TO]->(:User)
DELETE old
WITH DISTINCT k, agent
CREATE (k)-[:ASSIGNED_TO]->(agent)
SET k.status = 'active_assigned', k.updated_at = $at, k.assignee_uid = agent.uid
RETURN k.uid AS uid
