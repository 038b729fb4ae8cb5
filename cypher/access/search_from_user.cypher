// A search of the contacts a user sees, from the user's side: every contact it reaches
// (the 'all' directories it can access, directly or through a user group, and the
// contacts of its account-manager groups stored in an 'assigned' directory it can access;
// the secondary group only while the setting is on), kept when it passes the filters,
// sorted by $sort ('uid' or 'name': the lowercased name, ties by uid) after $after. It
// costs the user's reach, so it serves users who reach few contacts (visible_plan.cypher's
// numbers; graphsvc.services.access.search_start); admins are searched from the contacts'
// side. Same rule as visible_contacts.cypher, without the paths.
// params: $user, $sort, $after ([uid] or [name_key, uid] of the last contact served, or
//         null), $limit, $directory, $category, $home, $q
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", sort: "name", after: null, limit: 50, directory: null, category: null, home: null, q: "no"}
// columns: uid, key (the cursor)
MATCH (u:User {uid: $user})
WHERE u.active
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
CALL (u, second) {
  MATCH (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                 AND coalesce(w1.valid_to > $at, true)]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  MATCH (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                AND coalesce(w2.valid_to > $at, true)]->
        (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= $at, true)
                                          AND coalesce(w3.valid_to > $at, true)]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  MATCH (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                AND coalesce(w4.valid_to > $at, true)]->
        (:AccountManagerGroup)<-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-
        (c:Contact)
  WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
    AND (EXISTS { (u)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= $at, true)
                                           AND coalesce(w5.valid_to > $at, true)]->
                  (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) }
         OR EXISTS { (u)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                             AND coalesce(w6.valid_to > $at, true)]->
                     (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= $at, true)
                                                       AND coalesce(w7.valid_to > $at, true)]->
                     (:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) })
  RETURN c
}
WITH c, CASE WHEN $sort = 'name' THEN [c.name_key, c.uid] ELSE [c.uid] END AS key
WHERE ($after IS NULL OR key > $after)
  AND ($directory IS NULL OR EXISTS { (c)-[:STORED_IN]->(:Directory {uid: $directory}) })
  AND ($category IS NULL OR EXISTS { (c)-[:IN_CATEGORY]->(:CustomerCategory {uid: $category}) })
  AND ($home IS NULL OR EXISTS { (c)-[:HOME_LOCATION]->(:Location {uid: $home}) })
  AND ($q IS NULL OR c.name_key STARTS WITH toLower($q) OR c.email_key STARTS WITH toLower($q))
RETURN c.uid AS uid, key
ORDER BY key
LIMIT toInteger($limit)
