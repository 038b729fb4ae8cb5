// Report: competence groups in the last allowed layer (5), which can take no subgroup.
// params: $after (uid or null), $limit
// :params {after: null, limit: 50}
// columns: group {uid, name}, layer, parent
MATCH (g:CompetenceGroup)
WHERE $after IS NULL OR g.uid > $after
WITH g, 1 + COUNT { (g)-[:CHILD_OF*1..]->(:CompetenceGroup) } AS layer
WHERE layer >= 5
OPTIONAL MATCH (g)-[:CHILD_OF]->(p:CompetenceGroup)
RETURN g {.uid, .name} AS group, layer, p.uid AS parent
ORDER BY g.uid
LIMIT toInteger($limit)
