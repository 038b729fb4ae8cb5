// Every group user $uid may change as a manager, with the paths that allow it: the
// competence groups they manage and every group below them, and the service groups they
// manage. (Admins may change every group; this lists what the MANAGES relationships give.)
// One page at a time by key "<kind>/<uid>" (keyset).
// params: $uid, $after (key or null), $limit
// :params {uid: "hanne", after: null, limit: 50}
// columns: key, kind, group {uid, name}, paths
MATCH (u:User {uid: $uid})
CALL (u) {
  MATCH p = (u)-[:MANAGES]->(:CompetenceGroup)<-[:CHILD_OF*0..4]-(g:CompetenceGroup)
  RETURN 'competence-group' AS kind, g, p
  UNION ALL
  MATCH p = (u)-[:MANAGES]->(g:ServiceGroup)
  RETURN 'service-group' AS kind, g, p
}
WITH kind + '/' + g.uid AS key, kind, g, p
WHERE $after IS NULL OR key > $after
WITH key, kind, g, p
ORDER BY length(p)
WITH key, kind, g, collect(p) AS paths
RETURN key, kind, g {.uid, .name} AS group, paths
ORDER BY key
LIMIT toInteger($limit)
