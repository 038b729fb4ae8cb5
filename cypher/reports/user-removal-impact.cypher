// Report: what removing (or deactivating) user $user would cost: the customers in an
// 'assigned' directory whose account-manager groups (primary; secondary while $second)
// would be left without any other active member, so no non-admin would see them.
// params: $user, $second (bool: the "second account-manager group" setting), $after
//         (uid or null), $limit
// :params {user: "kari", second: false, after: null, limit: 50}
// columns: contact {uid, name, email}, groups
MATCH (u:User {uid: $user})-[:MEMBER_OF]->(g:AccountManagerGroup)
      <-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-(c:Contact)
WHERE (type(m) = 'PRIMARY_MANAGER' OR $second) AND ($after IS NULL OR c.uid > $after)
  AND EXISTS { (c)-[:STORED_IN]->(:Directory {visibility: 'assigned'}) }
WITH u, c, collect(DISTINCT g.uid) AS groups
WHERE NOT EXISTS {
  MATCH (c)-[m2:PRIMARY_MANAGER|SECONDARY_MANAGER]->(:AccountManagerGroup)
        <-[:MEMBER_OF]-(other:User)
  WHERE other <> u AND other.active AND (type(m2) = 'PRIMARY_MANAGER' OR $second) }
RETURN c {.uid, .name, .email} AS contact, groups
ORDER BY c.uid
LIMIT toInteger($limit)
