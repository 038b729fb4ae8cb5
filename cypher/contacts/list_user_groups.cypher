// User groups with their members, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, members}
MATCH (g:UserGroup)
WHERE ($uids IS NULL OR g.uid IN $uids) AND ($after IS NULL OR g.uid > $after)
RETURN g {.uid, .name,
          members: COLLECT { MATCH (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= datetime(), true)
                                                                AND coalesce(w1.valid_to > datetime(), true)]->
                                   (g) RETURN u.uid ORDER BY u.uid }}
       AS item
ORDER BY g.uid
LIMIT toInteger($limit)
