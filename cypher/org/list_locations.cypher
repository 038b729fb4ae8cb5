// Locations by uid, one page at a time (keyset), or the ones named in $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, code, name, timezone}
MATCH (l:Location)
WHERE ($uids IS NULL OR l.uid IN $uids) AND ($after IS NULL OR l.uid > $after)
RETURN l {.uid, .code, .name, .timezone} AS item
ORDER BY l.uid
LIMIT toInteger($limit)
