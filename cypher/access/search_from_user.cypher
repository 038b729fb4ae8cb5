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
// :params {user: "kari", sort: "name", after: null, limit: 50, directory: null, category: null, home: null, q: "no"}
// columns: uid, key (the cursor)
MATCH (u:User {uid: $user})
WHERE u.active
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH u, coalesce(s.second_account_manager_group, false) AS second
CALL (u, second) {
  MATCH (u)-[:CAN_ACCESS]->(:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  MATCH (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->
        (:Directory {visibility: 'all'})<-[:STORED_IN]-(c:Contact)
  RETURN c
  UNION
  MATCH (u)-[:MEMBER_OF]->(:AccountManagerGroup)<-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-
        (c:Contact)
  WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
    AND (EXISTS { (u)-[:CAN_ACCESS]->(:Directory {visibility: 'assigned'})<-[:STORED_IN]-(c) }
         OR EXISTS { (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->
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
