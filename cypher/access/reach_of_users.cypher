// Every contact each of $users sees at $at, from the users' side, without paging: the
// contacts of the 'all' directories they reach (directly or through a user group), and the
// contacts of their account-manager groups stored in an 'assigned' directory they reach
// (the secondary group only while the setting is on). Same rule as
// visible_contacts.cypher, for a what-if's before and after (graphsvc.services.whatif); it
// costs the users' reach. Admins (who see every contact) and inactive users (who see none)
// have no row: the service reads their flags.
// params: $users (user uids)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), users: ["kari", "ola"]}
// columns: user, contacts (uids)
UNWIND $users AS who
MATCH (u:User {uid: who})
WHERE u.active AND NOT u.is_admin
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
CALL (u, second) {
  MATCH (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                  AND coalesce(w1.valid_to > $at, true)]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  MATCH (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                 AND coalesce(w2.valid_to > $at, true)]->(:UserGroup)
        -[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= $at, true)
                              AND coalesce(w3.valid_to > $at, true)]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  MATCH (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                 AND coalesce(w4.valid_to > $at, true)]->
        (:AccountManagerGroup)<-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-(c:Contact)
  WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
    AND EXISTS {
      MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
      WHERE EXISTS { (u)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= $at, true)
                                              AND coalesce(w5.valid_to > $at, true)]->(d) }
         OR EXISTS { (u)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                             AND coalesce(w6.valid_to > $at, true)]->
                     (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= $at, true)
                                                       AND coalesce(w7.valid_to > $at, true)]->
                     (d) } }
  RETURN c
}
RETURN u.uid AS user, collect(c.uid) AS contacts
