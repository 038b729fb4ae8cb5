// The effective competences of each of $users at $at, as competence uids
// ("<meeting type>|<category>"): those granted by every competence group the user belongs
// to and by all its ancestors. None at all: the user is unrestricted. The same rule as
// org/effective_competences.cypher, for many users at once and without paths (a what-if's
// before and after, graphsvc.services.whatif).
// params: $users (user uids)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), users: ["kari", "ola"]}
// columns: user, competences
UNWIND $users AS who
MATCH (u:User {uid: who})
RETURN u.uid AS user,
       COLLECT { MATCH (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                               AND coalesce(w1.valid_to > $at, true)]->
                       (:CompetenceGroup)-[:CHILD_OF*0..4]->
                       (:CompetenceGroup)-[:GRANTS]->(c:Competence)
                 RETURN DISTINCT c.uid } AS competences
