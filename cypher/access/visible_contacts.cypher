// THE visibility rule (DOMAIN.md section 3) from the user's side: the contacts a user
// sees, with the paths that grant each one. A user sees a contact when the user is an admin, or when
// some directory holding the contact is accessible to the user (directly or through a user
// group) and that directory's mode is 'all', or the contact is assigned to an account-
// manager group of the user (primary; secondary only while the setting is on).
// Contact-group membership and campaign advisors never grant anything. Inactive users see
// nothing.
// This is the rule from the user's side, for listing a user's contacts page by page in uid
// order (keyset: $after = the last uid served; the first page: null). Each branch first
// cuts its page, then builds the paths of that page only. The same rule from the
// contact's side (the access check, filtering given contacts) is contact_access.cypher.
// params: $user, $after (uid or null), $limit
// :params {user: "kari", after: null, limit: 50}
// columns: contact {uid, name, email, kind}, reasons, paths
MATCH (u:User {uid: $user})
WHERE u.active
// The setting travels inside the decision, not in a query of its own before it.
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
CALL (u, second) {
  // The lower bound is null unless the user is an admin: the planner seeks the uid index
  // before it filters, so a plain `WHERE u.is_admin` would walk every contact for others.
  WITH u, CASE WHEN u.is_admin THEN coalesce($after, '') END AS low
  MATCH (c:Contact)
  WHERE c.uid >= low AND ($after IS NULL OR c.uid > $after)
  WITH u, c ORDER BY c.uid LIMIT toInteger($limit)
  MATCH admin = (u)
  RETURN c, 'admin' AS reason, [admin] AS paths
  UNION
  MATCH (u)-[:CAN_ACCESS]->(:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  WHERE ($after IS NULL OR c.uid > $after)
  WITH DISTINCT u, c ORDER BY c.uid LIMIT toInteger($limit)
  RETURN c, 'directory' AS reason,
         COLLECT { MATCH granted = (u)-[:CAN_ACCESS]->(:Directory {visibility: 'all'})
                                   <-[:STORED_IN]-(c) RETURN granted } AS paths
  UNION
  MATCH (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  WHERE ($after IS NULL OR c.uid > $after)
  WITH DISTINCT u, c ORDER BY c.uid LIMIT toInteger($limit)
  RETURN c, 'directory' AS reason,
         COLLECT { MATCH granted = (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->
                                   (:Directory {visibility: 'all'})<-[:STORED_IN]-(c)
                   RETURN granted } AS paths
  UNION
  MATCH (u)-[:MEMBER_OF]->(:AccountManagerGroup)<-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-
        (c:Contact)
  WHERE ($after IS NULL OR c.uid > $after)
    AND (type(m) = 'PRIMARY_MANAGER' OR second)
    AND (EXISTS { (u)-[:CAN_ACCESS]->(:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) }
         OR EXISTS { (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->
                     (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) })
  WITH DISTINCT u, c ORDER BY c.uid LIMIT toInteger($limit)
  RETURN c, 'assigned' AS reason,
         COLLECT { MATCH access = (u)-[:CAN_ACCESS]->(:Directory {visibility: 'assigned'})
                                  <-[:STORED_IN]-(c) RETURN access
                   UNION
                   MATCH access = (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->
                                  (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c)
                   RETURN access
                   UNION
                   MATCH access = (u)-[:MEMBER_OF]->(:AccountManagerGroup)
                                  <-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-(c)
                   WHERE type(m) = 'PRIMARY_MANAGER' OR second
                   RETURN access } AS paths
}
WITH c, collect(reason) AS reasons, collect(paths) AS path_lists
ORDER BY c.uid
LIMIT toInteger($limit)
RETURN c {.uid, .name, .email, .kind} AS contact, reasons,
       reduce(all = [], ps IN path_lists | all + ps) AS paths
