// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Give a contact group its SLA contract ($contract null removes it).
// params: $group, $contract (or null)
// columns: group_found
OPTIONAL MATCH (g:ContactGroup {uid: $group})
CALL (g) {
  WITH g WHERE g IS NOT NULL
  OPTIONAL MATCH (g)-[old:HAS_SLA]->(:SlaContract)
  DELETE old
  WITH DISTINCT g
  MATCH (k:SlaContract {uid: $contract})
  MERGE (g)-[:HAS_SLA]->(k)
}
RETURN g IS NOT NULL AS group_found
