// One service group's people as its page shows them: direct members with their windows
// (campaign teams), managers, and the linked competence groups with their names.
// params: $uid
// :params {uid: "pension-campaign"}
// columns: members [{user {uid, name, email}, valid_from, valid_to}], managers, linked
MATCH (sg:ServiceGroup {uid: $uid})
RETURN COLLECT { MATCH (u:User)-[r:MEMBER_OF]->(sg)
                 WHERE coalesce(r.valid_to > datetime(), true)  // not ended: now or planned
                 RETURN {user: u {.uid, .name, .email}, valid_from: r.valid_from,
                         valid_to: r.valid_to} ORDER BY toLower(u.name), u.uid } AS members,
       COLLECT { MATCH (u:User)-[:MANAGES]->(sg)
                 RETURN u {.uid, .name, .email} ORDER BY toLower(u.name), u.uid } AS managers,
       COLLECT { MATCH (sg)-[w1:INCLUDES WHERE coalesce(w1.valid_from <= datetime(), true)
                                               AND coalesce(w1.valid_to > datetime(), true)]->
                       (g:CompetenceGroup)
                 RETURN g {.uid, .name} ORDER BY toLower(g.name), g.uid } AS linked
