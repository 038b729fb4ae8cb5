// SLA contracts with their levels and default level, one page at a time (keyset), or by
// $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, default_level, levels}
MATCH (k:SlaContract)
WHERE ($uids IS NULL OR k.uid IN $uids) AND ($after IS NULL OR k.uid > $after)
OPTIONAL MATCH (k)-[:DEFAULT_LEVEL]->(d:SlaLevel)
RETURN k {.uid, .name, default_level: d.uid,
          levels: COLLECT { MATCH (k)-[:HAS_LEVEL]->(l:SlaLevel)
                            RETURN l {.uid, .name, .severity, .response_minutes,
                                      .resolution_minutes} ORDER BY l.uid }} AS item
ORDER BY k.uid
LIMIT toInteger($limit)
