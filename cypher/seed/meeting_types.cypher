// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed meeting types in their themes (idempotent).
// params: $rows [{uid, name, duration_minutes, theme}]
// columns: none
UNWIND $rows AS row
MATCH (t:MeetingTheme {uid: row.theme})
MERGE (mt:MeetingType {uid: row.uid})
SET mt.name = row.name, mt.duration_minutes = row.duration_minutes
MERGE (mt)-[:IN_THEME]->(t)
