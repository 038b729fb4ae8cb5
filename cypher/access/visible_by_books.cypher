// The uids of one page of the contacts a user sees when everything it reaches is in its
// books (no 'all' directory): walk each of the user's account-manager groups in contact-uid
// order through the indexed book keys ('<group uid>|<contact uid>'), keep the contacts
// stored in an 'assigned' directory the user reaches, stop each book at the page, then
// merge. It costs what the page holds, however large the books (visible_plan.cypher says
// when). Same rule as contact_access.cypher; the link itself is checked, the key only
// orders the walk.
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
MATCH (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                              AND coalesce(w1.valid_to > $at, true)]->(g:AccountManagerGroup)
CALL (u, g, second) {
  // ('}' follows '|' in code order: the upper bound of the group's keys)
  MATCH (c:Contact)
  WHERE c.primary_book > g.uid + '|' + coalesce($after, '') AND c.primary_book < g.uid + '}'
    AND EXISTS { (c)-[:PRIMARY_MANAGER]->(g) }
    AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
    AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
    AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
    AND ($q IS NULL OR c.name_key STARTS WITH toLower($q) OR c.email_key STARTS WITH toLower($q))
    AND EXISTS { MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                 WHERE EXISTS { (u)-[w2:CAN_ACCESS WHERE coalesce(w2.valid_from <= $at, true)
                                                         AND coalesce(w2.valid_to > $at, true)]->
                                (d) }
                    OR EXISTS { (u)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                                        AND coalesce(w3.valid_to > $at, true)]->
                                (:UserGroup)-[w4:CAN_ACCESS WHERE coalesce(w4.valid_from <= $at, true)
                                                                  AND coalesce(w4.valid_to > $at, true)]->
                                (d) } }
  RETURN c ORDER BY c.primary_book LIMIT toInteger($limit)
  UNION
  // the secondary book only while the setting is on (the guard is the seek's own value)
  MATCH (c:Contact)
  WHERE c.secondary_book > CASE WHEN second THEN g.uid + '|' + coalesce($after, '') END
    AND c.secondary_book < g.uid + '}'
    AND EXISTS { (c)-[:SECONDARY_MANAGER]->(g) }
    AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
    AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
    AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
    AND ($q IS NULL OR c.name_key STARTS WITH toLower($q) OR c.email_key STARTS WITH toLower($q))
    AND EXISTS { MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                 WHERE EXISTS { (u)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= $at, true)
                                                         AND coalesce(w5.valid_to > $at, true)]->
                                (d) }
                    OR EXISTS { (u)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                                        AND coalesce(w6.valid_to > $at, true)]->
                                (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= $at, true)
                                                                  AND coalesce(w7.valid_to > $at, true)]->
                                (d) } }
  RETURN c ORDER BY c.secondary_book LIMIT toInteger($limit)
}
WITH DISTINCT c
RETURN c.uid AS uid, c {.uid, .name, .email, .kind} AS contact
ORDER BY uid
LIMIT toInteger($limit)
