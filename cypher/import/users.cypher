// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert users by uid; `locations` is the whole set of workplaces. A new user gets
// the account-manager group named after it (uid amg-<uid>) unless the row opts out, as
// POST /users does.
// params: $rows [{uid, name, email, is_admin, active, locations, account_manager_group}],
//         $replace (unused)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:User {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, .email, .is_admin, .active,
          locations: COLLECT { MATCH (old)-[:WORKS_AT]->(l) RETURN l.uid ORDER BY l.uid }}
     AS before
MERGE (n:User {uid: row.uid})
SET n.name = row.name, n.email = row.email, n.is_admin = row.is_admin, n.active = row.active
WITH row, created, before, n
CALL (n, row) {
  OPTIONAL MATCH (n)-[r:WORKS_AT]->(l)
  WHERE NOT l.uid IN row.locations
  DELETE r
}
CALL (n, row) {
  UNWIND row.locations AS value
  MATCH (l:Location {uid: value})
  MERGE (n)-[:WORKS_AT]->(l)
}
CALL (n, row, created) {
  WITH n WHERE created AND row.account_manager_group
  MERGE (g:AccountManagerGroup {uid: 'amg-' + n.uid})
  ON CREATE SET g.name = n.name, g.eponymous_of = n.uid
  MERGE (n)-[:MEMBER_OF]->(g)
}
WITH created, before,
     n {.name, .email, .is_admin, .active,
        locations: COLLECT { MATCH (n)-[:WORKS_AT]->(l) RETURN l.uid ORDER BY l.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
