// Set (or, with $group null, clear) a contact's primary or secondary account-manager group.
// params: $uid, $group (uid or null), $secondary (bool: which of the two)
// columns: uid
MATCH (c:Contact {uid: $uid})
OPTIONAL MATCH (c)-[old:PRIMARY_MANAGER|SECONDARY_MANAGER]->(:AccountManagerGroup)
WHERE type(old) = CASE WHEN $secondary THEN 'SECONDARY_MANAGER' ELSE 'PRIMARY_MANAGER' END
DELETE old
WITH DISTINCT c
CALL (c) {
  MATCH (g:AccountManagerGroup {uid: $group})
  WITH c, g WHERE NOT $secondary
  MERGE (c)-[:PRIMARY_MANAGER]->(g)
}
CALL (c) {
  MATCH (g:AccountManagerGroup {uid: $group})
  WITH c, g WHERE $secondary
  MERGE (c)-[:SECONDARY_MANAGER]->(g)
}
RETURN c.uid AS uid
