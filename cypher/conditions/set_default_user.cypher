// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// The default user new cases go to when no handler is responsible ($user null removes it).
// params: $user (or null)
// columns: none
MERGE (s:Settings {key: 'global'})
WITH s
OPTIONAL MATCH (s)-[old:DEFAULT_USER]->(:User)
DELETE old
WITH DISTINCT s
CALL (s) {
  MATCH (u:User {uid: $user})
  CREATE (s)-[:DEFAULT_USER]->(u)
}
