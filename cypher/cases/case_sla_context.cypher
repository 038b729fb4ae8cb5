// A case's current SLA contract, creation time and contact (for moving it between levels).
// params: $uid
// :params {uid: "k-demo"}
// columns: contract, level, created_at, contact, status
MATCH (k:Case {uid: $uid})-[:FOR_CONTACT]->(c:Contact)
OPTIONAL MATCH (k)-[:UNDER_SLA]->(l:SlaLevel)<-[:HAS_LEVEL]-(contract:SlaContract)
RETURN contract.uid AS contract, l.uid AS level, k.created_at AS created_at,
       c.uid AS contact, k.status AS status
