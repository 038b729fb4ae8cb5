// The most urgent new cases an agent may take: status active_new, a contact the agent sees
// (DOMAIN.md section 3, judged here from the case's contact, in the same walk that picks
// the case, so a case the agent could not open is never handed out), and every required
// qualification held by the agent at or above its minimum rating; earliest SLA response
// due first (pull_due; cases without an SLA carry a far-future pull_due), then the oldest,
// then by uid. Read in order from the case_pull_due_order index, so a pull stops after the
// first $limit matches instead of sorting every new case (keep the query free of
// projections before the index seek: a WITH there made the planner sort all new cases). The visibility predicate is the
// rule of access/contact_access.cypher; the property test holds both to one reference.
// params: $agent, $limit
// :params {agent: "lars", limit: 50}
// columns: uid
MATCH (agent:User {uid: $agent})
WHERE agent.active
MATCH (k:Case)
USING INDEX k:Case(status, pull_due, created_at, uid)
WHERE k.status = 'active_new' AND k.pull_due IS NOT NULL AND k.created_at IS NOT NULL
  AND k.uid IS NOT NULL
  AND NOT EXISTS {
    MATCH (k)-[r:REQUIRES]->(q:Qualification)
    WHERE NOT EXISTS { (agent)-[h:HOLDS]->(q) WHERE h.rating >= r.min_rating } }
  AND (agent.is_admin OR EXISTS {
    MATCH (k)-[:FOR_CONTACT]->(c:Contact)
    WHERE EXISTS {
            MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
            WHERE EXISTS { (agent)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= datetime(), true)
                                                        AND coalesce(w1.valid_to > datetime(), true)]->
                           (d) }
               OR EXISTS { (agent)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                                       AND coalesce(w2.valid_to > datetime(), true)]->
                           (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= datetime(), true)
                                                             AND coalesce(w3.valid_to > datetime(), true)]->
                           (d) } }
       OR EXISTS {
            MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
            WHERE (type(m) = 'PRIMARY_MANAGER'
                   OR EXISTS { (s:Settings {key: 'global'})
                               WHERE s.second_account_manager_group })
              AND EXISTS { (agent)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= datetime(), true)
                                                       AND coalesce(w4.valid_to > datetime(), true)]->
                           (g) }
              AND EXISTS {
                MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                WHERE EXISTS { (agent)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= datetime(), true)
                                                            AND coalesce(w5.valid_to > datetime(), true)]->
                               (d) }
                   OR EXISTS { (agent)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= datetime(), true)
                                                           AND coalesce(w6.valid_to > datetime(), true)]->
                               (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= datetime(), true)
                                                                 AND coalesce(w7.valid_to > datetime(), true)]->
                               (d) } } } })
RETURN k.uid AS uid
ORDER BY k.status, k.pull_due, k.created_at, k.uid
LIMIT toInteger($limit)
