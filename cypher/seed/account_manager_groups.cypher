// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed account-manager groups with their members (idempotent).
// params: $rows [{uid, name, eponymous_of, members: [user uid]}]
// columns: none
UNWIND $rows AS row
MERGE (g:AccountManagerGroup {uid: row.uid})
SET g.name = row.name, g.eponymous_of = row.eponymous_of
WITH g, row
UNWIND coalesce(row.members, []) AS user_uid
MATCH (u:User {uid: user_uid})
MERGE (u)-[:MEMBER_OF]->(g)
