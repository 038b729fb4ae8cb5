// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed the global settings (idempotent).
// params: $rows [{...settings}] (one row)
// columns: none
UNWIND $rows AS row
MERGE (s:Settings {key: 'global'})
SET s += row
