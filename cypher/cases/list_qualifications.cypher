// Qualifications with their rating scale, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, scale_min, scale_max}
MATCH (q:Qualification)
WHERE ($uids IS NULL OR q.uid IN $uids) AND ($after IS NULL OR q.uid > $after)
RETURN q {.uid, .name, .scale_min, .scale_max} AS item
ORDER BY q.uid
LIMIT toInteger($limit)
