// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert account-manager groups by uid with their members; $replace makes the members exactly
// the list given, otherwise the list is added.
// params: $rows [{uid, name, members: [user uid]}], $replace (bool), $now (a new grant's window starts then)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:AccountManagerGroup {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, members: COLLECT { MATCH (u:User)-[l1:MEMBER_OF WHERE coalesce(l1.valid_to > $now, true) AND l1.substitution IS NULL]->(old)
                                    RETURN u.uid ORDER BY u.uid }} AS before
MERGE (n:AccountManagerGroup {uid: row.uid})
SET n.name = row.name
WITH row, created, before, n
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (u:User)-[r:MEMBER_OF]->(n)
  WHERE (NOT u.uid IN row.members)
    AND coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
  SET r.valid_to = $now  // ends the running window; a planned one is dropped below
  WITH r WHERE r.valid_from > $now
  DELETE r
}
CALL (n, row) {
  UNWIND row.members AS value
  MATCH (u:User {uid: value})
  WITH DISTINCT u, n
  WHERE NOT EXISTS { (u)-[r:MEMBER_OF]->(n) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL }
  CREATE (u)-[:MEMBER_OF {valid_from: $now}]->(n)
}
WITH created, before,
     n {.name, members: COLLECT { MATCH (u:User)-[l2:MEMBER_OF WHERE coalesce(l2.valid_to > $now, true) AND l2.substitution IS NULL]->(n)
                                  RETURN u.uid ORDER BY u.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
