// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: after competence groups are written, the forest must still have at most 5 layers
// and no cycle (DOMAIN.md section 1). A group with a CHILD_OF chain of 5 hops sits in layer
// 6 or deeper; a cycle of any length has one, or is found by the second pattern.
// params: $uids (the groups the document wrote)
// columns: uid, problem ('cycle' or 'depth')
MATCH (g:CompetenceGroup)
WHERE g.uid IN $uids OR EXISTS { (g)-[:CHILD_OF*1..5]->(w:CompetenceGroup) WHERE w.uid IN $uids }
WITH g
WHERE EXISTS { (g)-[:CHILD_OF*1..5]->(g) } OR EXISTS { (g)-[:CHILD_OF*5]->() }
RETURN g.uid AS uid,
       CASE WHEN EXISTS { (g)-[:CHILD_OF*1..5]->(g) } THEN 'cycle' ELSE 'depth' END AS problem
ORDER BY uid
LIMIT 1
