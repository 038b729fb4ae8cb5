// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert directories by uid with their access grants (users and user groups);
// $replace makes the grants exactly the lists given, otherwise they are added.
// params: $rows [{uid, name, visibility, users: [uid], user_groups: [uid]}], $replace (bool), $now (a new grant's window starts then)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:Directory {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, .visibility,
          users: COLLECT { MATCH (u:User)-[l1:CAN_ACCESS WHERE coalesce(l1.valid_to > $now, true) AND l1.substitution IS NULL]->(old) RETURN u.uid ORDER BY u.uid },
          user_groups: COLLECT { MATCH (g:UserGroup)-[l2:CAN_ACCESS WHERE coalesce(l2.valid_to > $now, true) AND l2.substitution IS NULL]->(old)
                                 RETURN g.uid ORDER BY g.uid }} AS before
MERGE (n:Directory {uid: row.uid})
SET n.name = row.name, n.visibility = row.visibility
WITH row, created, before, n
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (x)-[r:CAN_ACCESS]->(n)
  WHERE ((x:User AND NOT x.uid IN row.users) OR (x:UserGroup AND NOT x.uid IN row.user_groups))
    AND coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
  SET r.valid_to = $now  // ends the running window; a planned one is dropped below
  WITH r WHERE r.valid_from > $now
  DELETE r
}
CALL (n, row) {
  UNWIND row.users AS value
  MATCH (u:User {uid: value})
  WITH DISTINCT u, n
  WHERE NOT EXISTS { (u)-[r:CAN_ACCESS]->(n) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL }
  CREATE (u)-[:CAN_ACCESS {valid_from: $now}]->(n)
}
CALL (n, row) {
  UNWIND row.user_groups AS value
  MATCH (g:UserGroup {uid: value})
  WITH DISTINCT g, n
  WHERE NOT EXISTS { (g)-[r:CAN_ACCESS]->(n) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL }
  CREATE (g)-[:CAN_ACCESS {valid_from: $now}]->(n)
}
WITH created, before,
     n {.name, .visibility,
        users: COLLECT { MATCH (u:User)-[l3:CAN_ACCESS WHERE coalesce(l3.valid_to > $now, true) AND l3.substitution IS NULL]->(n) RETURN u.uid ORDER BY u.uid },
        user_groups: COLLECT { MATCH (g:UserGroup)-[l4:CAN_ACCESS WHERE coalesce(l4.valid_to > $now, true) AND l4.substitution IS NULL]->(n)
                               RETURN g.uid ORDER BY g.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
