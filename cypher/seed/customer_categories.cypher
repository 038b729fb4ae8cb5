// Seed customer categories (idempotent).
// params: $rows [{uid, name}]
// columns: none
UNWIND $rows AS row
MERGE (c:CustomerCategory {uid: row.uid})
SET c.name = row.name
