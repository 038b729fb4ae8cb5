// Whom $user usually assigns cases to: active users ranked by the user's own assignments,
// most recent first, then most frequent.
// params: $user, $limit
// :params {user: "lars", limit: 10}
// columns: user {uid, name, email}, last_assigned_at, assignments
MATCH (:User {uid: $user})-[:MADE]->(a:Assignment)-[:TO]->(t:User)
WHERE t.active
WITH t, max(a.at) AS last_assigned_at, count(a) AS assignments
RETURN t {.uid, .name, .email} AS user, last_assigned_at, assignments
ORDER BY last_assigned_at DESC, assignments DESC, t.uid
LIMIT toInteger($limit)
