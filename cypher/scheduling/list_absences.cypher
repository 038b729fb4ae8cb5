// A user's absences, one page at a time (keyset on uid).
// params: $user, $after (uid or null), $limit
// :params {user: "kari", after: null, limit: 50}
// columns: item {uid, start, end, reason}
MATCH (:User {uid: $user})-[:ABSENT]->(a:Absence)
WHERE $after IS NULL OR a.uid > $after
RETURN a {.uid, .start, .end, .reason} AS item
ORDER BY a.uid
LIMIT toInteger($limit)
