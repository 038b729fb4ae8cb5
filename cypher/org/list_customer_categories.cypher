// Customer categories by uid, one page at a time (keyset), or the ones named in $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name}
MATCH (c:CustomerCategory)
WHERE ($uids IS NULL OR c.uid IN $uids) AND ($after IS NULL OR c.uid > $after)
RETURN c {.uid, .name} AS item
ORDER BY c.uid
LIMIT toInteger($limit)
