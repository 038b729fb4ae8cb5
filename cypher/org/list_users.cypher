// Users by uid with the locations they work at, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// columns: item {uid, name, email, is_admin, active, locations}
MATCH (u:User)
WHERE ($uids IS NULL OR u.uid IN $uids) AND ($after IS NULL OR u.uid > $after)
RETURN u {.uid, .name, .email, .is_admin, .active,
          locations: COLLECT { MATCH (u)-[:WORKS_AT]->(l:Location) RETURN l.uid ORDER BY l.uid }} AS item
ORDER BY u.uid
LIMIT $limit
