// The most urgent new cases an agent may take: status active_new and every required
// qualification held by the agent at or above its minimum rating; earliest SLA response
// due first (cases without an SLA last), then the oldest, then by uid.
// params: $agent, $limit
// columns: uid
MATCH (agent:User {uid: $agent})
MATCH (k:Case {status: 'active_new'})
WHERE NOT EXISTS {
  MATCH (k)-[r:REQUIRES]->(q:Qualification)
  WHERE NOT EXISTS { (agent)-[h:HOLDS]->(q) WHERE h.rating >= r.min_rating }
}
RETURN k.uid AS uid
ORDER BY k.response_due ASC, k.created_at ASC, k.uid ASC
LIMIT $limit
