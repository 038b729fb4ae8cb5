// The members of a service group at time $at, each with the path(s) that make them one:
// direct members whose window holds $at (valid_from inclusive, valid_to exclusive), and the
// members of every linked competence group and of all its subgroups. Keyset on user uid.
// params: $uid, $at (datetime), $after (user uid or null), $limit
// :params {uid: "west-coast-mortgage", at: datetime("2026-12-15T12:00:00Z"), after: null, limit: 50}
// columns: user {uid, name, email, active}, paths
MATCH (sg:ServiceGroup {uid: $uid})
CALL (sg) {
  MATCH path = (u:User)-[m:MEMBER_OF]->(sg)
  WHERE (m.valid_from IS NULL OR m.valid_from <= $at) AND (m.valid_to IS NULL OR $at < m.valid_to)
  RETURN u, path
  UNION
  MATCH path = (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                            AND coalesce(w1.valid_to > $at, true)]->
               (:CompetenceGroup)-[:CHILD_OF*0..4]->(:CompetenceGroup)
               <-[w2:INCLUDES WHERE coalesce(w2.valid_from <= $at, true)
                                    AND coalesce(w2.valid_to > $at, true)]-(sg)
  RETURN u, path
}
WITH u, collect(path) AS paths
WHERE $after IS NULL OR u.uid > $after
RETURN u {.uid, .name, .email, .active} AS user, paths
ORDER BY u.uid
LIMIT toInteger($limit)
