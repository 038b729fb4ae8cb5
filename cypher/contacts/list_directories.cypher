// Directories with their access grants, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, visibility, users, user_groups}
MATCH (d:Directory)
WHERE ($uids IS NULL OR d.uid IN $uids) AND ($after IS NULL OR d.uid > $after)
RETURN d {.uid, .name, .visibility,
          users: COLLECT { MATCH (u:User)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= datetime(), true)
                                                               AND coalesce(w1.valid_to > datetime(), true)]->
                                 (d) RETURN u.uid ORDER BY u.uid },
          user_groups: COLLECT { MATCH (g:UserGroup)-[w2:CAN_ACCESS WHERE coalesce(w2.valid_from <= datetime(), true)
                                                                          AND coalesce(w2.valid_to > datetime(), true)]->
                                       (d)
                                 RETURN g.uid ORDER BY g.uid }} AS item
ORDER BY d.uid
LIMIT toInteger($limit)
