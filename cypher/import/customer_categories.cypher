// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert customer categories by uid.
// params: $rows [{uid, name}], $replace (unused)
// columns: created, updated, unchanged
UNWIND $rows AS row
OPTIONAL MATCH (old:CustomerCategory {uid: row.uid})
WITH row, old IS NULL AS created, old.name AS before
MERGE (n:CustomerCategory {uid: row.uid})
SET n.name = row.name
WITH created, before, n.name AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
