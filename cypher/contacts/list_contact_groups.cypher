// Contact groups with their directory and priority, one page at a time (keyset), or by
// $uids. (Members are listed separately, filtered by what the reader sees.)
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, priority, directory}
MATCH (g:ContactGroup)
WHERE ($uids IS NULL OR g.uid IN $uids) AND ($after IS NULL OR g.uid > $after)
OPTIONAL MATCH (g)-[:BELONGS_TO]->(d:Directory)
RETURN g {.uid, .name, .priority, directory: d.uid} AS item
ORDER BY g.uid
LIMIT toInteger($limit)
