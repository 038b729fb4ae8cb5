// Report: advisors who can serve no meeting at all. An advisor is an active user meant to
// serve: a member of a competence group, or a direct member of a service group (members
// through a linked competence group are members of that group). Such a user serves nothing
// when they work at no location, or have no weekly working hours anywhere. Users in no such
// group (admins, help-desk agents, managers) are not findings, whatever their locations.
// params: $after (uid or null), $limit
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), after: null, limit: 50}
// columns: user {uid, name, email}, reason (works_at_no_location or no_working_hours),
//          groups (the groups that make the user an advisor)
MATCH (u:User)
WHERE u.active AND ($after IS NULL OR u.uid > $after)
  AND EXISTS { (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                       AND coalesce(w1.valid_to > $at, true)]->
               (:CompetenceGroup|ServiceGroup) }
WITH u, EXISTS { (u)-[:WORKS_AT]->(:Location) } AS works,
     EXISTS { (u)-[:HAS_HOURS]->(:WorkingHours) } AS has_hours
WHERE NOT works OR NOT has_hours
RETURN u {.uid, .name, .email} AS user,
       CASE WHEN NOT works THEN 'works_at_no_location' ELSE 'no_working_hours' END AS reason,
       COLLECT { MATCH (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                               AND coalesce(w2.valid_to > $at, true)]->
                       (g:CompetenceGroup|ServiceGroup)
                 RETURN g.uid ORDER BY g.uid } AS groups
ORDER BY u.uid
LIMIT toInteger($limit)
