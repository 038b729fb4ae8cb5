// Users with the locations they work at: the ones named in $uids (index seeks), or one
// page at a time in uid order (keyset, index order).
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, email, is_admin, active, locations}
CALL () {
  WITH $uids AS uids WHERE uids IS NOT NULL
  UNWIND uids AS wanted
  MATCH (u:User {uid: wanted})
  RETURN u
  UNION
  WITH $uids AS uids WHERE uids IS NULL
  MATCH (u:User) WHERE u.uid > coalesce($after, '')
  RETURN u ORDER BY u.uid LIMIT toInteger($limit)
}
WITH u ORDER BY u.uid LIMIT toInteger($limit)
RETURN u {.uid, .name, .email, .is_admin, .active,
          locations: COLLECT { MATCH (u)-[:WORKS_AT]->(l:Location)
                               RETURN l.uid ORDER BY l.uid }} AS item
ORDER BY u.uid
