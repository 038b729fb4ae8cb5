// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Give a new SLA contract its levels and its default level.
// params: $contract, $levels [{uid, name, severity, response_minutes, resolution_minutes}],
//         $default_level (uid, one of the levels)
// columns: uid
MATCH (k:SlaContract {uid: $contract})
CALL (k) {
  UNWIND $levels AS level
  CREATE (k)-[:HAS_LEVEL]->(l:SlaLevel)
  SET l = level
}
WITH k
MATCH (k)-[:HAS_LEVEL]->(d:SlaLevel {uid: $default_level})
MERGE (k)-[:DEFAULT_LEVEL]->(d)
RETURN k.uid AS uid
