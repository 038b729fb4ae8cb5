// Competence groups with parent, layer (a root is layer 1) and own competences, by uid
// one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, parent, layer, competences, subgroups}
MATCH (g:CompetenceGroup)
WHERE ($uids IS NULL OR g.uid IN $uids) AND ($after IS NULL OR g.uid > $after)
OPTIONAL MATCH (g)-[:CHILD_OF]->(parent:CompetenceGroup)
RETURN g {.uid, .name, parent: parent.uid,
          layer: 1 + COUNT { (g)-[:CHILD_OF*1..]->(:CompetenceGroup) },
          competences: COLLECT { MATCH (g)-[:GRANTS]->(c:Competence)
                                 RETURN {meeting_type: c.meeting_type,
                                         customer_category: c.customer_category}
                                 ORDER BY c.uid },
          subgroups: COLLECT { MATCH (child:CompetenceGroup)-[:CHILD_OF]->(g)
                               RETURN child.uid ORDER BY child.uid }} AS item
ORDER BY g.uid
LIMIT toInteger($limit)
