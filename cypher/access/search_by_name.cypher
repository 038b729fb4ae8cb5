// A search of the contacts a user sees, in name order: walk the name_key index (names
// lowercased) from $after, within the prefix $q when there is one, keep the contacts that
// pass the filters and that the user sees (checked from each contact's side, as
// visible_by_index.cypher does in uid order), stop at $limit; with $q, merge the contacts
// whose email starts with it. It costs what the page holds when the user sees much and the
// filters keep much; visible_plan.cypher's numbers say when
// (graphsvc.services.access.search_start).
// Filters (null: none): stored in $directory, of customer category $category, at home in
// $home, name or email starting with $q (any case). Same rule as contact_access.cypher.
// params: $user, $after ([name_key, uid] of the last contact served, or null), $limit,
//         $directory, $category, $home, $q
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", after: null, limit: 50, directory: null, category: null, home: null, q: "n"}
// columns: uid, key ([name_key, uid]: the cursor)
MATCH (u:User {uid: $user})
WHERE u.active
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
WITH u, second, CASE WHEN $q IS NOT NULL THEN toLower($q) END AS prefix
CALL (u, second, prefix) {
  // Names in order, from the page's start (and within the prefix, when there is one): the
  // index seek is the leaf and its order the answer's, so the walk stops at the page; ties
  // of a name are in uid order, the cursor's second part.
  MATCH (c:Contact)
  WHERE c.name_key >= coalesce($after[0], '')
  AND c.name_key STARTS WITH coalesce(prefix, '')
  AND ($after IS NULL OR c.name_key > $after[0] OR c.uid > $after[1])
  AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
  AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
  AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
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
  RETURN c ORDER BY c.name_key, c.uid LIMIT toInteger($limit)
  UNION
  // With a prefix, the contacts whose email starts with it and whose name does not: the
  // email index's hits (the same checks as above, stated once more for this seek).
  MATCH (c:Contact)
  WHERE c.email_key STARTS WITH prefix AND NOT c.name_key STARTS WITH prefix
  AND ($after IS NULL OR c.name_key > $after[0]
       OR (c.name_key = $after[0] AND c.uid > $after[1]))
  AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
  AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
  AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
  AND (u.is_admin
     OR EXISTS {
          MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
          WHERE EXISTS { (u)-[w8:CAN_ACCESS WHERE coalesce(w8.valid_from <= $at, true)
                                                  AND coalesce(w8.valid_to > $at, true)]->(d) }
             OR EXISTS { (u)-[w9:MEMBER_OF WHERE coalesce(w9.valid_from <= $at, true)
                                                 AND coalesce(w9.valid_to > $at, true)]->
                         (:UserGroup)-[w10:CAN_ACCESS WHERE coalesce(w10.valid_from <= $at, true)
                                                            AND coalesce(w10.valid_to > $at, true)]->
                         (d) } }
     OR EXISTS {
          MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
          WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
            AND EXISTS { (u)-[w11:MEMBER_OF WHERE coalesce(w11.valid_from <= $at, true)
                                                  AND coalesce(w11.valid_to > $at, true)]->(g) }
            AND EXISTS { MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                         WHERE EXISTS { (u)-[w12:CAN_ACCESS WHERE coalesce(w12.valid_from <= $at, true)
                                                                  AND coalesce(w12.valid_to > $at, true)]->
                                        (d) }
                            OR EXISTS { (u)-[w13:MEMBER_OF WHERE coalesce(w13.valid_from <= $at, true)
                                                                 AND coalesce(w13.valid_to > $at, true)]->
                                        (:UserGroup)-[w14:CAN_ACCESS WHERE coalesce(w14.valid_from <= $at, true)
                                                                           AND coalesce(w14.valid_to > $at, true)]->
                                        (d) } } })
  RETURN c ORDER BY c.name_key, c.uid LIMIT toInteger($limit)
}
RETURN c.uid AS uid, [c.name_key, c.uid] AS key
ORDER BY c.name_key, c.uid
LIMIT toInteger($limit)
