// THE visibility rule (DOMAIN.md section 3) for given contacts, from each contact's side:
// its one or two directories, its account-manager groups, then whether the user reaches
// one of them. It costs what the contact touches, whatever a directory holds; it serves
// the access check and filtering a page of contacts shown to a user. The same rule from
// the user's side, for listing everything a user sees, is visible_contacts.cypher; the
// property test (tests/graph/test_access_property.py) holds both to one reference.
// A user sees a contact when the user is an admin, or when some directory holding the
// contact is accessible to the user (directly or through a user group) and that
// directory's mode is 'all', or the contact is assigned to an account-manager group of the
// user (primary; secondary only while the setting is on). Inactive users see nothing.
// params: $users (list of user uids: usually one), $contacts (list of contact uids)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), users: ["kari", "ola", "ingrid"], contacts: ["nora", "astrid"]}
// columns: user, contact {uid, name, email, kind}, reasons, paths
UNWIND $users AS who
MATCH (u:User {uid: who})
WHERE u.active
// The setting travels inside the decision, not in a query of its own before it.
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
UNWIND $contacts AS wanted
MATCH (c:Contact {uid: wanted})
CALL (u, c, second) {
  WITH u, c
  WHERE u.is_admin
  MATCH admin = (u)
  RETURN 'admin' AS reason, [admin] AS paths
  UNION
  WITH u, c
  MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
  WHERE EXISTS { (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                          AND coalesce(w1.valid_to > $at, true)]->(d) }
  WITH DISTINCT u, c
  RETURN 'directory' AS reason,
         COLLECT { MATCH granted = (u)-[w2:CAN_ACCESS WHERE coalesce(w2.valid_from <= $at, true)
                                                            AND coalesce(w2.valid_to > $at, true)]->
                                   (:Directory {visibility: 'all'})
                                   <-[:STORED_IN]-(c) RETURN granted } AS paths
  UNION
  WITH u, c
  MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
  WHERE EXISTS { (u)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                         AND coalesce(w3.valid_to > $at, true)]->
                 (:UserGroup)-[w4:CAN_ACCESS WHERE coalesce(w4.valid_from <= $at, true)
                                                   AND coalesce(w4.valid_to > $at, true)]->(d) }
  WITH DISTINCT u, c
  RETURN 'directory' AS reason,
         COLLECT { MATCH granted = (u)-[w5:MEMBER_OF WHERE coalesce(w5.valid_from <= $at, true)
                                                           AND coalesce(w5.valid_to > $at, true)]->
                                   (:UserGroup)-[w6:CAN_ACCESS WHERE coalesce(w6.valid_from <= $at, true)
                                                                     AND coalesce(w6.valid_to > $at, true)]->
                                   (:Directory {visibility: 'all'})<-[:STORED_IN]-(c)
                   RETURN granted } AS paths
  UNION
  WITH u, c
  MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
  WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
    AND EXISTS { (u)-[w7:MEMBER_OF WHERE coalesce(w7.valid_from <= $at, true)
                                         AND coalesce(w7.valid_to > $at, true)]->(g) }
    AND EXISTS { (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                 WHERE EXISTS { (u)-[w8:CAN_ACCESS WHERE coalesce(w8.valid_from <= $at, true)
                                                         AND coalesce(w8.valid_to > $at, true)]->
                                (d) }
                    OR EXISTS { (u)-[w9:MEMBER_OF WHERE coalesce(w9.valid_from <= $at, true)
                                                        AND coalesce(w9.valid_to > $at, true)]->
                                (:UserGroup)-[w10:CAN_ACCESS WHERE coalesce(w10.valid_from <= $at, true)
                                                                   AND coalesce(w10.valid_to > $at, true)]->
                                (d) } }
  WITH DISTINCT u, c
  RETURN 'assigned' AS reason,
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
                   RETURN access } AS paths
}
WITH u, c, collect(reason) AS reasons, collect(paths) AS path_lists
ORDER BY u.uid, c.uid
RETURN u.uid AS user, c {.uid, .name, .email, .kind} AS contact, reasons,
       reduce(all = [], ps IN path_lists | all + ps) AS paths
