// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Replace the directories a contact is stored in.
// params: $uid, $directories (list of existing directory uids)
// columns: uid
MATCH (c:Contact {uid: $uid})
OPTIONAL MATCH (c)-[old:STORED_IN]->(:Directory)
DELETE old
WITH DISTINCT c
CALL (c) {
  UNWIND $directories AS value
  MATCH (d:Directory {uid: value})
  MERGE (c)-[:STORED_IN]->(d)
}
RETURN c.uid AS uid
