// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed qualifications with their scale and the users holding them (idempotent).
// params: $rows [{uid, name, scale_min, scale_max, holders: [{user, rating}]}]
// columns: none
UNWIND $rows AS row
MERGE (q:Qualification {uid: row.uid})
SET q.name = row.name, q.scale_min = row.scale_min, q.scale_max = row.scale_max
WITH q, row
UNWIND coalesce(row.holders, []) AS holder
MATCH (u:User {uid: holder.user})
MERGE (u)-[h:HOLDS]->(q)
SET h.rating = holder.rating
