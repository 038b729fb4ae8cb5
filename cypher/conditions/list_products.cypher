// Products, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name}
MATCH (p:Product)
WHERE ($uids IS NULL OR p.uid IN $uids) AND ($after IS NULL OR p.uid > $after)
RETURN p {.uid, .name} AS item
ORDER BY p.uid
LIMIT toInteger($limit)
