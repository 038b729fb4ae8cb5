// The next open tasks of a team's pool that $user may take: earliest due first (pull_due;
// tasks without a due date carry a far-future pull_due), then the oldest, then by uid, read
// in order from the task_pull_due_order index. A task about a contact goes only to a member
// who sees the contact (DOMAIN.md section 3, judged from the task's contact in the same
// walk, as cases/pull_candidates.cypher does; the property test holds both to the rule).
// params: $team, $user, $limit
// :params {user: "lars", team: "helpdesk-team", limit: 50}
// columns: uid
MATCH (me:User {uid: $user})
WHERE me.active
MATCH (x:Task)
USING INDEX x:Task(status, pull_due, created_at, uid)
WHERE x.status = 'open' AND x.pull_due IS NOT NULL AND x.created_at IS NOT NULL
  AND x.uid IS NOT NULL AND EXISTS { (x)-[:IN_POOL]->(:Team {uid: $team}) }
  AND (me.is_admin OR NOT EXISTS { (x)-[:CONCERNS]->(:Contact) } OR EXISTS {
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
                               (d) } } } })
RETURN x.uid AS uid
ORDER BY x.status, x.pull_due, x.created_at, x.uid
LIMIT toInteger($limit)
