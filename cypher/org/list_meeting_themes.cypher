// Meeting themes with their meeting types, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, meeting_types}
MATCH (t:MeetingTheme)
WHERE ($uids IS NULL OR t.uid IN $uids) AND ($after IS NULL OR t.uid > $after)
RETURN t {.uid, .name,
          meeting_types: COLLECT { MATCH (mt:MeetingType)-[:IN_THEME]->(t)
                                   RETURN mt.uid ORDER BY mt.uid }} AS item
ORDER BY t.uid
LIMIT toInteger($limit)
