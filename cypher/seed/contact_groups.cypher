// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed contact groups with directory, priority and members (idempotent).
// params: $rows [{uid, name, priority, directory, contacts: [uid]}]
// columns: none
UNWIND $rows AS row
MERGE (g:ContactGroup {uid: row.uid})
SET g.name = row.name, g.priority = coalesce(row.priority, 0)
WITH g, row
CALL (g, row) {
  MATCH (d:Directory {uid: row.directory})
  MERGE (g)-[:BELONGS_TO]->(d)
}
CALL (g, row) {
  UNWIND coalesce(row.contacts, []) AS value
  MATCH (c:Contact {uid: value})
  MERGE (c)-[:IN_GROUP]->(g)
}
