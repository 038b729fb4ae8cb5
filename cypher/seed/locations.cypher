// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed locations (idempotent).
// params: $rows [{uid, code, name, timezone}]
// columns: none
UNWIND $rows AS row
MERGE (l:Location {uid: row.uid})
SET l.code = row.code, l.name = row.name, l.timezone = coalesce(row.timezone, 'UTC')
