// A user's groups as the console's user page shows them: the competence groups they are a
// member of, the service groups they belong to directly (with the window) or through a
// linked competence group, and the groups they manage.
// params: $uid
// :params {uid: "kari"}
// columns: user, competence_groups, service_groups [{group, via, valid_from, valid_to}],
//          manages [{uid, name, kind}]
MATCH (u:User {uid: $uid})
RETURN u {.uid, .name, .email, .active, .is_admin} AS user,
       COLLECT { MATCH (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= datetime(), true)
                                               AND coalesce(w1.valid_to > datetime(), true)]->
                       (g:CompetenceGroup)
                 RETURN g {.uid, .name} ORDER BY toLower(g.name) } AS competence_groups,
       COLLECT { MATCH (u)-[r:MEMBER_OF]->(sg:ServiceGroup)
                 WHERE coalesce(r.valid_to > datetime(), true)  // not ended: now or planned
                 RETURN {group: sg {.uid, .name}, via: null, valid_from: r.valid_from,
                         valid_to: r.valid_to} AS row
                 UNION
                 MATCH (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                               AND coalesce(w2.valid_to > datetime(), true)]->
                       (:CompetenceGroup)-[:CHILD_OF*0..4]->
                       (via:CompetenceGroup)<-[w3:INCLUDES WHERE coalesce(w3.valid_from <= datetime(), true)
                                                                 AND coalesce(w3.valid_to > datetime(), true)]-
                       (sg:ServiceGroup)
                 RETURN {group: sg {.uid, .name}, via: via {.uid, .name}, valid_from: null,
                         valid_to: null} AS row } AS service_groups,
       COLLECT { MATCH (u)-[:MANAGES]->(g)
                 RETURN {uid: g.uid, name: g.name,
                         kind: CASE WHEN g:ServiceGroup THEN 'service-group'
                                    ELSE 'competence-group' END}
                 ORDER BY toLower(g.name) } AS manages
