// The acting user of a request, if it exists and is active.
// params: $uid
// :params {uid: "kari"}
// columns: uid, is_admin
MATCH (u:User {uid: $uid})
WHERE u.active
RETURN u.uid AS uid, coalesce(u.is_admin, false) AS is_admin
