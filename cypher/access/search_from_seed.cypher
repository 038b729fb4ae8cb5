// A search of the contacts a user sees, starting from what its most selective filter
// touches ($start: the contacts of directory $directory, of category $category, at home in
// $home, or whose name or email starts with $q), keeping those that pass every filter and
// that the user sees (checked from each contact's side), sorted by $sort ('uid' or 'name':
// the lowercased name, ties by uid) after $after. It costs what the starting filter
// touches; visible_plan.cypher's numbers say when (graphsvc.services.access.search_start).
// Same rule as contact_access.cypher.
// params: $user, $start ('directory', 'category', 'home' or 'q'), $sort, $after ([uid] or
//         [name_key, uid] of the last contact served, or null), $limit, $directory,
//         $category, $home, $q
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", start: "category", sort: "name", after: null, limit: 50, directory: null, category: "private", home: null, q: null}
// columns: uid, key (the cursor)
MATCH (u:User {uid: $user})
WHERE u.active
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second,
     CASE WHEN $q IS NOT NULL THEN toLower($q) END AS prefix
CALL (prefix) {
  // one branch runs: the others' guard is false before they touch anything
  WITH prefix WHERE $start = 'directory'
  MATCH (:Directory {uid: $directory})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  WITH prefix WHERE $start = 'category'
  MATCH (:CustomerCategory {uid: $category})<-[:IN_CATEGORY]-(c:Contact)
  RETURN c
  UNION
  WITH prefix WHERE $start = 'home'
  MATCH (:Location {uid: $home})<-[:HOME_LOCATION]-(c:Contact)
  RETURN c
  UNION
  WITH prefix WHERE $start = 'q'
  MATCH (c:Contact) WHERE c.name_key STARTS WITH prefix
  RETURN c
  UNION
  WITH prefix WHERE $start = 'q'
  MATCH (c:Contact) WHERE c.email_key STARTS WITH prefix
  RETURN c
}
WITH u, second, prefix, c,
     CASE WHEN $sort = 'name' THEN [c.name_key, c.uid] ELSE [c.uid] END AS key
WHERE ($after IS NULL OR key > $after)
  AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
  AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
  AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
  AND (prefix IS NULL OR c.name_key STARTS WITH prefix OR c.email_key STARTS WITH prefix)
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
RETURN c.uid AS uid, key
ORDER BY key
LIMIT toInteger($limit)
