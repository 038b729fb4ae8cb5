// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert directories by uid with their access grants (users and user groups);
// $replace makes the grants exactly the lists given, otherwise they are added.
// params: $rows [{uid, name, visibility, users: [uid], user_groups: [uid]}], $replace (bool)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:Directory {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, .visibility,
          users: COLLECT { MATCH (u:User)-[:CAN_ACCESS]->(old) RETURN u.uid ORDER BY u.uid },
          user_groups: COLLECT { MATCH (g:UserGroup)-[:CAN_ACCESS]->(old)
                                 RETURN g.uid ORDER BY g.uid }} AS before
MERGE (n:Directory {uid: row.uid})
SET n.name = row.name, n.visibility = row.visibility
WITH row, created, before, n
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (x)-[r:CAN_ACCESS]->(n)
  WHERE (x:User AND NOT x.uid IN row.users) OR (x:UserGroup AND NOT x.uid IN row.user_groups)
  DELETE r
}
CALL (n, row) {
  UNWIND row.users AS value
  MATCH (u:User {uid: value})
  MERGE (u)-[:CAN_ACCESS]->(n)
}
CALL (n, row) {
  UNWIND row.user_groups AS value
  MATCH (g:UserGroup {uid: value})
  MERGE (g)-[:CAN_ACCESS]->(n)
}
WITH created, before,
     n {.name, .visibility,
        users: COLLECT { MATCH (u:User)-[:CAN_ACCESS]->(n) RETURN u.uid ORDER BY u.uid },
        user_groups: COLLECT { MATCH (g:UserGroup)-[:CAN_ACCESS]->(n)
                               RETURN g.uid ORDER BY g.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
