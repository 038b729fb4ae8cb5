// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed weekly working hours (idempotent: one node per user, location, weekday and start).
// params: $rows [{user, location, weekday, start, end}]
// columns: none
UNWIND $rows AS row
MATCH (u:User {uid: row.user})
MATCH (l:Location {uid: row.location})
MERGE (u)-[:HAS_HOURS]->(wh:WorkingHours {weekday: row.weekday, start: row.start})-[:AT]->(l)
SET wh.end = row.end
