// Report: active users who can serve no meeting at all: they work at no location, or they
// have no weekly working hours anywhere.
// params: $after (uid or null), $limit
// :params {after: null, limit: 50}
// columns: user {uid, name, email}, reason
MATCH (u:User)
WHERE u.active AND ($after IS NULL OR u.uid > $after)
WITH u, EXISTS { (u)-[:WORKS_AT]->(:Location) } AS works,
     EXISTS { (u)-[:HAS_HOURS]->(:WorkingHours) } AS has_hours
WHERE NOT works OR NOT has_hours
RETURN u {.uid, .name, .email} AS user,
       CASE WHEN NOT works THEN 'works_at_no_location' ELSE 'no_working_hours' END AS reason
ORDER BY u.uid
LIMIT toInteger($limit)
