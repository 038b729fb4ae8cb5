// Teams with their members, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, members}
MATCH (t:Team)
WHERE ($uids IS NULL OR t.uid IN $uids) AND ($after IS NULL OR t.uid > $after)
RETURN t {.uid, .name,
          members: COLLECT { MATCH (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= datetime(), true)
                                                                AND coalesce(w1.valid_to > datetime(), true)]->
                                   (t) RETURN u.uid ORDER BY u.uid }}
       AS item
ORDER BY t.uid
LIMIT toInteger($limit)
