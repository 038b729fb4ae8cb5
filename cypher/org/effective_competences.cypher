// A user's effective competences: those granted by every competence group the user belongs
// to and by all ancestors of those groups (at most 5 layers), each with the granting paths.
// A user with none at all is unrestricted.
// params: $uid
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), uid: "kari"}
// columns: user, competences [{meeting_type, customer_category, paths}], unrestricted
MATCH (u:User {uid: $uid})
OPTIONAL MATCH path = (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                              AND coalesce(w1.valid_to > $at, true)]->
                      (:CompetenceGroup)-[:CHILD_OF*0..4]->(:CompetenceGroup)
                      -[:GRANTS]->(c:Competence)
WITH u, c, collect(path) AS paths
ORDER BY c.meeting_type, c.customer_category
WITH u, collect(CASE WHEN c IS NOT NULL THEN
       {meeting_type: c.meeting_type, customer_category: c.customer_category, paths: paths}
     END) AS competences
RETURN u.uid AS user, competences, size(competences) = 0 AS unrestricted
