// Seed the global settings (idempotent).
// params: $rows [{...settings}] (one row)
// columns: none
UNWIND $rows AS row
MERGE (s:Settings {key: 'global'})
SET s += row
