// Tasks by uid, or a page of a team's pool (by status, keyset on uid) as $user may see it:
// an inactive user sees none; a task about a contact is listed only to a user who sees the
// contact (DOMAIN.md section 3; the same predicate as teams/pull_candidates.cypher). Each way in starts from an
// index: the task uids, or the team.
// params: $uids (list or null), $team (uid or null), $user (uid, or null for no filter:
//         reading back tasks just written or claimed), $status (or null), $after, $limit
// :params {user: "kari", uids: null, team: null, status: null, after: null, limit: 50}
// columns: item {uid, title, status, created_at, due, team, contact, claimed_by}
OPTIONAL MATCH (me:User {uid: $user})
CALL () {
  UNWIND coalesce($uids, []) AS wanted
  MATCH (x:Task {uid: wanted})
  RETURN x
  UNION
  MATCH (:Team {uid: $team})<-[:IN_POOL]-(x:Task)
  RETURN x
}
WITH me, x
WHERE ($status IS NULL OR x.status = $status) AND x.uid > coalesce($after, '')
  AND ($user IS NULL OR me.active AND (me.is_admin
       OR NOT EXISTS { (x)-[:CONCERNS]->(:Contact) } OR EXISTS {
    MATCH (x)-[:CONCERNS]->(c:Contact)
    WHERE EXISTS {
            MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
            WHERE EXISTS { (me)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= datetime(), true)
                                                     AND coalesce(w1.valid_to > datetime(), true)]->
                           (d) }
               OR EXISTS { (me)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                                    AND coalesce(w2.valid_to > datetime(), true)]->
                           (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= datetime(), true)
                                                             AND coalesce(w3.valid_to > datetime(), true)]->
                           (d) } }
       OR EXISTS {
            MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
            WHERE (type(m) = 'PRIMARY_MANAGER'
                   OR EXISTS { (s:Settings {key: 'global'})
                               WHERE s.second_account_manager_group })
              AND EXISTS { (me)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= datetime(), true)
                                                    AND coalesce(w4.valid_to > datetime(), true)]->
                           (g) }
              AND EXISTS {
                MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                WHERE EXISTS { (me)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= datetime(), true)
                                                         AND coalesce(w5.valid_to > datetime(), true)]->
                               (d) }
                   OR EXISTS { (me)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= datetime(), true)
                                                        AND coalesce(w6.valid_to > datetime(), true)]->
                               (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= datetime(), true)
                                                                 AND coalesce(w7.valid_to > datetime(), true)]->
                               (d) } } } }))
WITH x
ORDER BY x.uid
LIMIT toInteger($limit)
MATCH (x)-[:IN_POOL]->(t:Team)
OPTIONAL MATCH (x)-[:CLAIMED_BY]->(u:User)
OPTIONAL MATCH (x)-[:CONCERNS]->(c:Contact)
RETURN x {.uid, .title, .status, .created_at, .due, team: t.uid, contact: c.uid,
          claimed_by: u.uid} AS item
ORDER BY x.uid
