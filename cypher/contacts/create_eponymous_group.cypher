// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// The account-manager group created with a user: named after the user, the user a member.
// params: $user, $uid (the group's uid)
// columns: uid
MATCH (u:User {uid: $user})
MERGE (g:AccountManagerGroup {uid: $uid})
ON CREATE SET g.name = u.name, g.eponymous_of = u.uid
MERGE (u)-[:MEMBER_OF]->(g)
RETURN g.uid AS uid
