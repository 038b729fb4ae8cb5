// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Delete an SLA contract with its levels (cases keep their due times).
// params: $uid
// columns: deleted
OPTIONAL MATCH (k:SlaContract {uid: $uid})
OPTIONAL MATCH (k)-[:HAS_LEVEL]->(l:SlaLevel)
DETACH DELETE l
WITH DISTINCT k
DETACH DELETE k
RETURN count(k) AS deleted
