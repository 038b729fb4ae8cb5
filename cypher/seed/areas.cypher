// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed areas with their access grants (idempotent).
// params: $rows [{uid, name, kind, users: [uid], user_groups: [uid]}]
// columns: none
UNWIND $rows AS row
MERGE (d:Area {uid: row.uid})
SET d.name = row.name, d.kind = coalesce(row.kind, 'processing')
WITH d, row
CALL (d, row) {
  UNWIND coalesce(row.users, []) AS value
  MATCH (u:User {uid: value})
  MERGE (u)-[:CAN_ACCESS]->(d)
}
CALL (d, row) {
  UNWIND coalesce(row.user_groups, []) AS value
  MATCH (g:UserGroup {uid: value})
  MERGE (g)-[:CAN_ACCESS]->(d)
}
