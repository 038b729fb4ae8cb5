// Why a user does not see a contact: the first failed condition of the visibility rule
// (DOMAIN.md section 3) and the closest paths, for the access check's denied answer. Run
// only once contact_access.cypher found no grant; it touches what the contact touches.
//   inactive  - the user is inactive (inactive users see nothing); path: the user.
//   directory - no directory holding the contact is accessible to the user, directly or
//               through a user group; paths: the contact's directories (what a grant
//               would have to reach).
//   assigned  - the user reaches only `assigned` directories holding the contact, and the
//               contact is assigned to none of the user's account-manager groups; paths:
//               the user's access to those directories, and the contact's counting
//               account-manager groups (none: the contact is invisible to every non-admin).
//   secondary - as assigned, but the contact's secondary account-manager group is one of
//               the user's, and secondary groups count only while the setting
//               "second account-manager group" is on; paths: the user's access to those
//               directories, and the user's membership of that secondary group.
// params: $user, $contact
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", contact: "nora"}
// columns: failed, paths
MATCH (u:User {uid: $user}), (c:Contact {uid: $contact})
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, c, coalesce(s.second_account_manager_group, false) AS second
WITH u, c, second,
     COLLECT { MATCH access = (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                                       AND coalesce(w1.valid_to > $at, true)]->
                              (:Directory)<-[:STORED_IN]-(c)
               RETURN access
               UNION
               MATCH access = (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                                      AND coalesce(w2.valid_to > $at, true)]->
                              (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= $at, true)
                                                                AND coalesce(w3.valid_to > $at, true)]->
                              (:Directory)
                              <-[:STORED_IN]-(c)
               RETURN access } AS reached
WITH u, c, second, reached,
     NOT second AND EXISTS { (c)-[:SECONDARY_MANAGER]->(:AccountManagerGroup)<-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                                                                                   AND coalesce(w4.valid_to > $at, true)]-
                                                       (u) }
       AS only_secondary
RETURN CASE WHEN NOT u.active THEN 'inactive'
            WHEN reached = [] THEN 'directory'
            WHEN only_secondary THEN 'secondary'
            ELSE 'assigned' END AS failed,
       CASE WHEN NOT u.active THEN COLLECT { MATCH me = (u) RETURN me }
            WHEN reached = [] THEN COLLECT { MATCH stored = (c)-[:STORED_IN]->(:Directory)
                                             RETURN stored }
            WHEN only_secondary THEN reached + COLLECT {
              MATCH via = (u)-[w5:MEMBER_OF WHERE coalesce(w5.valid_from <= $at, true)
                                                  AND coalesce(w5.valid_to > $at, true)]->
                          (:AccountManagerGroup)<-[:SECONDARY_MANAGER]-(c)
              RETURN via }
            ELSE reached + COLLECT { MATCH managed = (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->
                                                     (:AccountManagerGroup)
                                     WHERE type(m) = 'PRIMARY_MANAGER' OR second
                                     RETURN managed } END AS paths
