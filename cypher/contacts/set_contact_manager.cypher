// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Set (or, with $group null, clear) a contact's primary or secondary account-manager group,
// and its book key ('<group uid>|<contact uid>', null without a group).
// params: $uid, $group (uid or null), $secondary (bool: which of the two)
// columns: uid
MATCH (c:Contact {uid: $uid})
OPTIONAL MATCH (c)-[old:PRIMARY_MANAGER|SECONDARY_MANAGER]->(:AccountManagerGroup)
WHERE type(old) = CASE WHEN $secondary THEN 'SECONDARY_MANAGER' ELSE 'PRIMARY_MANAGER' END
DELETE old
WITH DISTINCT c
CALL (c) {
  WITH c WHERE $secondary
  SET c.secondary_book = CASE WHEN $group IS NULL THEN null ELSE $group + '|' + c.uid END
}
CALL (c) {
  WITH c WHERE NOT $secondary
  SET c.primary_book = CASE WHEN $group IS NULL THEN null ELSE $group + '|' + c.uid END
}
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
