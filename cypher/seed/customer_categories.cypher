// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed customer categories (idempotent).
// params: $rows [{uid, name}]
// columns: none
UNWIND $rows AS row
MERGE (c:CustomerCategory {uid: row.uid})
SET c.name = row.name
