// Meeting types with their theme, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, duration_minutes, theme}
MATCH (mt:MeetingType)
WHERE ($uids IS NULL OR mt.uid IN $uids) AND ($after IS NULL OR mt.uid > $after)
OPTIONAL MATCH (mt)-[:IN_THEME]->(t:MeetingTheme)
RETURN mt {.uid, .name, .duration_minutes, theme: t.uid} AS item
ORDER BY mt.uid
LIMIT toInteger($limit)
