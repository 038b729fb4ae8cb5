// The uids of one page of the contacts a user sees, walking the contact uid index from
// $after and checking each contact from its own side (its one or two directories, its
// account-manager groups), stopping at $limit: for a user who sees much, this costs what
// the page holds (visible_plan.cypher says when). Same rule as contact_access.cypher.
// A search passes its filters (null: no filter): stored in $directory, of customer
// category $category, at home in $home, name or email starting with $q (any case).
// params: $user, $after (uid or null), $limit, $directory, $category, $home, $q
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", after: null, limit: 50, directory: null, category: null, home: null, q: null}
// columns: uid, contact {uid, name, email, kind} (the page's items: a page that shows no
//          reasons needs nothing more)
MATCH (u:User {uid: $user})
WHERE u.active
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
CALL (u, second) {
  // (inside the subquery the index seek is the leaf, so its order is the answer's:
  // no sort, and the walk stops at the page)
  MATCH (c:Contact)
  WHERE c.uid > coalesce($after, '')
  AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
  AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
  AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
  AND ($q IS NULL OR c.name_key STARTS WITH toLower($q) OR c.email_key STARTS WITH toLower($q))
  AND (u.is_admin
     OR EXISTS {
          MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
          WHERE EXISTS { (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                                  AND coalesce(w1.valid_to > $at, true)]->(d) }
             OR EXISTS { (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                                 AND coalesce(w2.valid_to > $at, true)]->
                         (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= $at, true)
                                                           AND coalesce(w3.valid_to > $at, true)]->
                         (d) } }
     OR EXISTS {
          MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
          WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
            AND EXISTS { (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                                 AND coalesce(w4.valid_to > $at, true)]->(g) }
            AND EXISTS { MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                         WHERE EXISTS { (u)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= $at, true)
                                                                 AND coalesce(w5.valid_to > $at, true)]->
                                        (d) }
                            OR EXISTS { (u)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                                                AND coalesce(w6.valid_to > $at, true)]->
                                        (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= $at, true)
                                                                          AND coalesce(w7.valid_to > $at, true)]->
                                        (d) } } })
  RETURN c.uid AS uid, c {.uid, .name, .email, .kind} AS contact
  ORDER BY uid
  LIMIT toInteger($limit)
}
RETURN uid, contact
