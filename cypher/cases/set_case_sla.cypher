// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Put a case under an SLA level and set its due times.
// params: $uid, $level, $response_due, $resolution_due, $manual (bool), $severity, $at
// columns: uid
MATCH (k:Case {uid: $uid})
MATCH (l:SlaLevel {uid: $level})
OPTIONAL MATCH (k)-[old:UNDER_SLA]->(:SlaLevel)
DELETE old
WITH DISTINCT k, l
CREATE (k)-[:UNDER_SLA]->(l)
SET k.response_due = $response_due, k.resolution_due = $resolution_due,
    k.pull_due = $response_due,
    k.sla_manual = $manual, k.severity = $severity, k.updated_at = $at
RETURN k.uid AS uid
