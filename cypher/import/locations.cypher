// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert locations by uid (POST /api/v1/import, `graphsvc import`). Each row is a
// validated LocationIn; the counts compare the stored state before and after the row.
// params: $rows [{uid, code, name, timezone}], $replace (unused)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:Location {uid: row.uid})
WITH row, old IS NULL AS created, old {.code, .name, .timezone} AS before
MERGE (n:Location {uid: row.uid})
SET n.code = row.code, n.name = row.name, n.timezone = row.timezone
WITH created, before, n {.code, .name, .timezone} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
