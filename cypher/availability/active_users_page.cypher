// Active users by uid, one page at a time (for explaining who was not eligible).
// params: $after (uid or null), $limit
// :params {after: null, limit: 50}
// columns: uid, name, email, locations
MATCH (u:User)
WHERE u.active AND ($after IS NULL OR u.uid > $after)
RETURN u.uid AS uid, u.name AS name, u.email AS email,
       COLLECT { MATCH (u)-[:WORKS_AT]->(l:Location) RETURN l.uid ORDER BY l.uid } AS locations
ORDER BY u.uid
LIMIT toInteger($limit)
