// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed meeting themes (idempotent).
// params: $rows [{uid, name}]
// columns: none
UNWIND $rows AS row
MERGE (t:MeetingTheme {uid: row.uid})
SET t.name = row.name
