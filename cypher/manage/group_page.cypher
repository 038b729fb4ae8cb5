// One competence group as its page shows it: ancestors (nearest first), the first $limit
// members and their number, managers, own competences, the competences it inherits with the
// ancestor granting each (nearest first), and subgroups.
// params: $uid, $limit
// :params {uid: "retail-bergen", limit: 200}
// columns: group {uid, name, parent, layer}, ancestors, members, member_count, managers,
//          own [competence uid], inherited [{competence, from {uid, name}}], subgroups
MATCH (g:CompetenceGroup {uid: $uid})
OPTIONAL MATCH (g)-[:CHILD_OF]->(p:CompetenceGroup)
WITH g, p, COLLECT { MATCH up = (g)-[:CHILD_OF*1..]->(a:CompetenceGroup)
                     RETURN a {.uid, .name} ORDER BY length(up) } AS ancestors
RETURN g {.uid, .name, parent: p.uid, layer: 1 + size(ancestors)} AS group,
       ancestors,
       COLLECT { MATCH (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= datetime(), true)
                                                    AND coalesce(w1.valid_to > datetime(), true)]->
                       (g)
                 RETURN u {.uid, .name, .email} ORDER BY toLower(u.name), u.uid
                 LIMIT toInteger($limit) } AS members,
       COUNT { (:User)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                           AND coalesce(w2.valid_to > datetime(), true)]->
               (g) } AS member_count,
       COLLECT { MATCH (u:User)-[:MANAGES]->(g)
                 RETURN u {.uid, .name, .email} ORDER BY toLower(u.name), u.uid } AS managers,
       COLLECT { MATCH (g)-[:GRANTS]->(c:Competence) RETURN c.uid ORDER BY c.uid } AS own,
       COLLECT { MATCH up = (g)-[:CHILD_OF*1..]->(a:CompetenceGroup)-[:GRANTS]->(c:Competence)
                 RETURN {competence: c.uid, from: a {.uid, .name}}
                 ORDER BY length(up) } AS inherited,
       COLLECT { MATCH (s:CompetenceGroup)-[:CHILD_OF]->(g)
                 RETURN s {.uid, .name} ORDER BY toLower(s.name), s.uid } AS subgroups
