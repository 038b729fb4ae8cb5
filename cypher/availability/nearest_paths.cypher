// The nearest paths explaining why advisors were excluded: where each works and which
// competence groups each belongs to (up to the group's root).
// params: $users (uids)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), users: ["kari", "ola", "ingrid"]}
// columns: user, works_at, groups
UNWIND $users AS user_uid
MATCH (u:User {uid: user_uid})
RETURN u.uid AS user,
       COLLECT { MATCH p = (u)-[:WORKS_AT]->(:Location) RETURN p } AS works_at,
       COLLECT { MATCH p = (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                                   AND coalesce(w1.valid_to > $at, true)]->
                           (:CompetenceGroup)-[:CHILD_OF*0..4]->(r)
                 WHERE NOT (r)-[:CHILD_OF]->() RETURN p } AS groups
