// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Move a competence group under $parent, or to the roots when $parent is null.
// params: $uid, $parent (or null)
// columns: uid
MATCH (g:CompetenceGroup {uid: $uid})
OPTIONAL MATCH (g)-[old:CHILD_OF]->(:CompetenceGroup)
DELETE old
WITH DISTINCT g
CALL (g) {
  MATCH (p:CompetenceGroup {uid: $parent})
  MERGE (g)-[:CHILD_OF]->(p)
}
RETURN g.uid AS uid
