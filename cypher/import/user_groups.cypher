// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert user groups by uid with their members; $replace makes the members exactly
// the list given, otherwise the list is added.
// params: $rows [{uid, name, members: [user uid]}], $replace (bool)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:UserGroup {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, members: COLLECT { MATCH (u:User)-[:MEMBER_OF]->(old)
                                    RETURN u.uid ORDER BY u.uid }} AS before
MERGE (n:UserGroup {uid: row.uid})
SET n.name = row.name
WITH row, created, before, n
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (u:User)-[r:MEMBER_OF]->(n)
  WHERE NOT u.uid IN row.members
  DELETE r
}
CALL (n, row) {
  UNWIND row.members AS value
  MATCH (u:User {uid: value})
  MERGE (u)-[:MEMBER_OF]->(n)
}
WITH created, before,
     n {.name, members: COLLECT { MATCH (u:User)-[:MEMBER_OF]->(n)
                                  RETURN u.uid ORDER BY u.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
