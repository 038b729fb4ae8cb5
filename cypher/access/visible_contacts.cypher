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
// params: $user, $after (uid or null), $limit, $paths (false: reasons only, for a page that
//         shows none of the paths)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", after: null, limit: 50, paths: true}
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
  RETURN c, 'admin' AS reason, CASE WHEN $paths THEN [admin] ELSE [] END AS paths
  UNION
  MATCH (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                 AND coalesce(w1.valid_to > $at, true)]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  WHERE ($after IS NULL OR c.uid > $after)
  WITH DISTINCT u, c ORDER BY c.uid LIMIT toInteger($limit)
  RETURN c, 'directory' AS reason,
         CASE WHEN $paths THEN
         COLLECT { MATCH granted = (u)-[w2:CAN_ACCESS WHERE coalesce(w2.valid_from <= $at, true)
                                                            AND coalesce(w2.valid_to > $at, true)]->
                                   (:Directory {visibility: 'all'})
                                   <-[:STORED_IN]-(c) RETURN granted } ELSE [] END AS paths
  UNION
  MATCH (u)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                AND coalesce(w3.valid_to > $at, true)]->
        (:UserGroup)-[w4:CAN_ACCESS WHERE coalesce(w4.valid_from <= $at, true)
                                          AND coalesce(w4.valid_to > $at, true)]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  WHERE ($after IS NULL OR c.uid > $after)
  WITH DISTINCT u, c ORDER BY c.uid LIMIT toInteger($limit)
  RETURN c, 'directory' AS reason,
         CASE WHEN $paths THEN
         COLLECT { MATCH granted = (u)-[w5:MEMBER_OF WHERE coalesce(w5.valid_from <= $at, true)
                                                           AND coalesce(w5.valid_to > $at, true)]->
                                   (:UserGroup)-[w6:CAN_ACCESS WHERE coalesce(w6.valid_from <= $at, true)
                                                                     AND coalesce(w6.valid_to > $at, true)]->
                                   (:Directory {visibility: 'all'})<-[:STORED_IN]-(c)
                   RETURN granted } ELSE [] END AS paths
  UNION
  MATCH (u)-[w7:MEMBER_OF WHERE coalesce(w7.valid_from <= $at, true)
                                AND coalesce(w7.valid_to > $at, true)]->
        (:AccountManagerGroup)<-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-
        (c:Contact)
  WHERE ($after IS NULL OR c.uid > $after)
    AND (type(m) = 'PRIMARY_MANAGER' OR second)
    AND (EXISTS { (u)-[w8:CAN_ACCESS WHERE coalesce(w8.valid_from <= $at, true)
                                           AND coalesce(w8.valid_to > $at, true)]->
                  (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) }
         OR EXISTS { (u)-[w9:MEMBER_OF WHERE coalesce(w9.valid_from <= $at, true)
                                             AND coalesce(w9.valid_to > $at, true)]->
                     (:UserGroup)-[w10:CAN_ACCESS WHERE coalesce(w10.valid_from <= $at, true)
                                                        AND coalesce(w10.valid_to > $at, true)]->
                     (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) })
  WITH DISTINCT u, c ORDER BY c.uid LIMIT toInteger($limit)
  RETURN c, 'assigned' AS reason,
         CASE WHEN $paths THEN
         COLLECT { MATCH access = (u)-[w11:CAN_ACCESS WHERE coalesce(w11.valid_from <= $at, true)
                                                            AND coalesce(w11.valid_to > $at, true)]->
                                  (:Directory {visibility: 'assigned'})
                                  <-[:STORED_IN]-(c) RETURN access
                   UNION
                   MATCH access = (u)-[w12:MEMBER_OF WHERE coalesce(w12.valid_from <= $at, true)
                                                           AND coalesce(w12.valid_to > $at, true)]->
                                  (:UserGroup)-[w13:CAN_ACCESS WHERE coalesce(w13.valid_from <= $at, true)
                                                                     AND coalesce(w13.valid_to > $at, true)]->
                                  (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c)
                   RETURN access
                   UNION
                   MATCH access = (u)-[w14:MEMBER_OF WHERE coalesce(w14.valid_from <= $at, true)
                                                           AND coalesce(w14.valid_to > $at, true)]->
                                  (:AccountManagerGroup)
                                  <-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-(c)
                   WHERE type(m) = 'PRIMARY_MANAGER' OR second
                   RETURN access } ELSE [] END AS paths
}
WITH c, collect(reason) AS reasons, collect(paths) AS path_lists
ORDER BY c.uid
LIMIT toInteger($limit)
RETURN c {.uid, .name, .email, .kind} AS contact, reasons,
       reduce(all = [], ps IN path_lists | all + ps) AS paths
