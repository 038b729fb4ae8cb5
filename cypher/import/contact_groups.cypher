// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert contact groups by uid: the one directory it belongs to, its priority and
// its member contacts; $replace makes the members exactly the list given, otherwise they
// are added. Membership grants no access (DOMAIN.md section 3).
// params: $rows [{uid, name, directory, priority, contacts: [uid]}], $replace (bool)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:ContactGroup {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, .priority,
          directory: COLLECT { MATCH (old)-[:BELONGS_TO]->(d) RETURN d.uid },
          contacts: COLLECT { MATCH (c:Contact)-[:IN_GROUP]->(old) RETURN c.uid ORDER BY c.uid }}
     AS before
MERGE (n:ContactGroup {uid: row.uid})
SET n.name = row.name, n.priority = row.priority
WITH row, created, before, n
CALL (n, row) {
  OPTIONAL MATCH (n)-[r:BELONGS_TO]->(d)
  WHERE d.uid <> row.directory
  DELETE r
}
CALL (n, row) {
  MATCH (d:Directory {uid: row.directory})
  MERGE (n)-[:BELONGS_TO]->(d)
}
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (c:Contact)-[r:IN_GROUP]->(n)
  WHERE NOT c.uid IN row.contacts
  DELETE r
}
CALL (n, row) {
  UNWIND row.contacts AS value
  MATCH (c:Contact {uid: value})
  MERGE (c)-[:IN_GROUP]->(n)
}
WITH created, before,
     n {.name, .priority,
        directory: COLLECT { MATCH (n)-[:BELONGS_TO]->(d) RETURN d.uid },
        contacts: COLLECT { MATCH (c:Contact)-[:IN_GROUP]->(n) RETURN c.uid ORDER BY c.uid }}
     AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
