// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed users and the locations they work at (idempotent).
// params: $rows [{uid, name, email, is_admin, active, locations: [uid]}]
// columns: none
UNWIND $rows AS row
MERGE (u:User {uid: row.uid})
SET u.name = row.name, u.email = row.email,
    u.is_admin = coalesce(row.is_admin, false), u.active = coalesce(row.active, true)
WITH u, row
UNWIND coalesce(row.locations, []) AS location_uid
MATCH (l:Location {uid: location_uid})
MERGE (u)-[:WORKS_AT]->(l)
