// Products, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// columns: item {uid, name}
MATCH (p:Product)
WHERE ($uids IS NULL OR p.uid IN $uids) AND ($after IS NULL OR p.uid > $after)
RETURN p {.uid, .name} AS item
ORDER BY p.uid
LIMIT $limit
