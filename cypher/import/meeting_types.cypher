// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert meeting types by uid, each in its one theme.
// params: $rows [{uid, name, duration_minutes, theme}], $replace (unused)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:MeetingType {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, .duration_minutes,
          theme: COLLECT { MATCH (old)-[:IN_THEME]->(t) RETURN t.uid }} AS before
MERGE (n:MeetingType {uid: row.uid})
SET n.name = row.name, n.duration_minutes = row.duration_minutes
WITH row, created, before, n
CALL (n, row) {
  OPTIONAL MATCH (n)-[r:IN_THEME]->(t)
  WHERE t.uid <> row.theme
  DELETE r
}
CALL (n, row) {
  MATCH (t:MeetingTheme {uid: row.theme})
  MERGE (n)-[:IN_THEME]->(t)
}
WITH created, before,
     n {.name, .duration_minutes,
        theme: COLLECT { MATCH (n)-[:IN_THEME]->(t) RETURN t.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
