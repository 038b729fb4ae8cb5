// A user's absences that end after $after_time (null: all), earliest first, keyset on start.
// params: $user, $from (datetime or null), $after (uid or null), $limit
// columns: item {uid, start, end, reason}
MATCH (:User {uid: $user})-[:ABSENT]->(a:Absence)
WHERE ($from IS NULL OR a.end > $from) AND ($after IS NULL OR a.uid > $after)
RETURN a {.uid, .start, .end, .reason} AS item
ORDER BY a.uid
LIMIT $limit
