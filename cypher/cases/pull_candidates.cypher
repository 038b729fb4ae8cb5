// The most urgent new cases an agent may take: status active_new and every required
// qualification held by the agent at or above its minimum rating; earliest SLA response
// due first (pull_due; cases without an SLA carry a far-future pull_due), then the oldest,
// then by uid. Read in order from the case_pull_due_order index, so a pull stops after the
// first $limit matches instead of sorting every new case.
// params: $agent, $limit
// columns: uid
MATCH (agent:User {uid: $agent})
MATCH (k:Case)
USING INDEX k:Case(status, pull_due, created_at, uid)
WHERE k.status = 'active_new' AND k.pull_due IS NOT NULL AND k.created_at IS NOT NULL
  AND k.uid IS NOT NULL
  AND NOT EXISTS {
    MATCH (k)-[r:REQUIRES]->(q:Qualification)
    WHERE NOT EXISTS { (agent)-[h:HOLDS]->(q) WHERE h.rating >= r.min_rating } }
RETURN k.uid AS uid
ORDER BY k.status, k.pull_due, k.created_at, k.uid
LIMIT $limit
