// A page of the cases $user may see (their contact is visible to the user, DOMAIN.md
// section 3; admins see all), filtered by status, assignee, area, domain and contact, in
// uid order after $after. Each way in starts from an index and stops at the page:
//   1. $contact or $assignee given: from that node (one contact's or one person's cases,
//      a bounded set, sorted); an assignee with a status from the case_assignee_order
//      index (assignee_uid, status, uid): only that person's cases of that status;
//   2. else $status given, for an admin or a user who reaches an `all` directory: the
//      case_status_order index (status, uid), read in order;
//   3. else, for the same users: every case, read in order from the uid index;
//   4. else (a user who reaches only `assigned` directories, such as a private banker): from
//      the user's account manager groups to their contacts' cases, so a banker's queue costs
//      the banker's book, not the bank's queue.
// Only one branch runs: the guards on the parameters cut the others before they touch the
// graph (an index branch's guard is inside the value it seeks: a null seeks nothing, where a
// filter beside the seek would run after it, over the whole index). Filters and the visibility rule stand in each walk before its LIMIT, so a walk
// stops after a page of cases the user may see. The visibility predicate is the rule of
// access/contact_access.cypher, from the case's contact; the property test
// (tests/graph/test_access_property.py) holds every branch to the reference.
// params: $user, $status, $assignee, $area, $domain, $contact (each a value or null),
//         $after (uid or null), $limit
// :params {user: "kari", contact: "nora", assignee: null, after: null, status: null, domain: "helpdesk", area: null, limit: 50}
// columns: item {uid, subject, domain, severity, status, created_at, updated_at, closed_at,
//          created_by, contact, area, assignee, user_group, sla, requirements}
MATCH (me:User {uid: $user})
// A user who reaches no directory sees no case: answered before any walk.
WHERE me.active AND (me.is_admin OR EXISTS { (me)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= datetime(), true)
                                                                       AND coalesce(w1.valid_to > datetime(), true)]->
                                             (:Directory) }
                     OR EXISTS { (me)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                                          AND coalesce(w2.valid_to > datetime(), true)]->
                                 (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= datetime(), true)
                                                                   AND coalesce(w3.valid_to > datetime(), true)]->
                                 (:Directory) })
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH me, coalesce(s.second_account_manager_group, false) AS second,
     me.is_admin OR EXISTS { (me)-[w4:CAN_ACCESS WHERE coalesce(w4.valid_from <= datetime(), true)
                                                       AND coalesce(w4.valid_to > datetime(), true)]->
                             (:Directory {visibility: 'all'}) }
     OR EXISTS { (me)-[w5:MEMBER_OF WHERE coalesce(w5.valid_from <= datetime(), true)
                                          AND coalesce(w5.valid_to > datetime(), true)]->
                 (:UserGroup)-[w6:CAN_ACCESS WHERE coalesce(w6.valid_from <= datetime(), true)
                                                   AND coalesce(w6.valid_to > datetime(), true)]->
                 (:Directory {visibility: 'all'}) }
     AS wide
CALL (me, second, wide) {
  // 1. from the contact, or from the assignee
  WITH me, second
  WHERE $contact IS NOT NULL OR $assignee IS NOT NULL
  CALL (me) {
    MATCH (:Contact {uid: $contact})<-[:FOR_CONTACT]-(k:Case)
    RETURN k
    UNION
    MATCH (:User {uid: CASE WHEN $contact IS NULL AND $status IS NULL THEN $assignee END})
          <-[:ASSIGNED_TO]-(k:Case)
    RETURN k
    UNION
    // an assignee's cases of one status ("my cases"): from the case_assignee_order index,
    // the cases of that status only, not the assignee's whole history (the link itself is
    // re-checked below)
    MATCH (k:Case)
    USING INDEX k:Case(assignee_uid, status, uid)
    WHERE k.assignee_uid = CASE WHEN $contact IS NULL THEN $assignee END
      AND k.status = $status AND k.uid > coalesce($after, '')
    RETURN k
  }
  WITH me, second, k
  WHERE k.uid > coalesce($after, '')
  AND ($status IS NULL OR k.status = $status)
  AND ($assignee IS NULL OR EXISTS { (k)-[:ASSIGNED_TO]->(:User {uid: $assignee}) })
  AND ($domain IS NULL OR k.domain = $domain)
  AND ($area IS NULL OR EXISTS { (k)-[:IN_AREA]->(:Area {uid: $area}) })
  AND (me.is_admin OR EXISTS {
    MATCH (k)-[:FOR_CONTACT]->(c:Contact)
    WHERE EXISTS {
            MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
            WHERE EXISTS { (me)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= datetime(), true)
                                                     AND coalesce(w7.valid_to > datetime(), true)]->
                           (d) }
               OR EXISTS { (me)-[w8:MEMBER_OF WHERE coalesce(w8.valid_from <= datetime(), true)
                                                    AND coalesce(w8.valid_to > datetime(), true)]->
                           (:UserGroup)-[w9:CAN_ACCESS WHERE coalesce(w9.valid_from <= datetime(), true)
                                                             AND coalesce(w9.valid_to > datetime(), true)]->
                           (d) } }
       OR EXISTS {
            MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
            WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
              AND EXISTS { (me)-[w10:MEMBER_OF WHERE coalesce(w10.valid_from <= datetime(), true)
                                                     AND coalesce(w10.valid_to > datetime(), true)]->
                           (g) }
              AND EXISTS {
                MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                WHERE EXISTS { (me)-[w11:CAN_ACCESS WHERE coalesce(w11.valid_from <= datetime(), true)
                                                          AND coalesce(w11.valid_to > datetime(), true)]->
                               (d) }
                   OR EXISTS { (me)-[w12:MEMBER_OF WHERE coalesce(w12.valid_from <= datetime(), true)
                                                         AND coalesce(w12.valid_to > datetime(), true)]->
                               (:UserGroup)-[w13:CAN_ACCESS WHERE coalesce(w13.valid_from <= datetime(), true)
                                                                  AND coalesce(w13.valid_to > datetime(), true)]->
                               (d) } } } })
  RETURN k
  ORDER BY k.uid
  LIMIT toInteger($limit)
  UNION
  // 2. the queue of one status
  // (the guard is in the seek's own value: a filter beside it would run after the seek)
  WITH me, second
  MATCH (k:Case)
  USING INDEX k:Case(status, uid)
  WHERE k.status = CASE WHEN $contact IS NULL AND $assignee IS NULL AND wide THEN $status END
  AND k.uid > coalesce($after, '')
  AND ($domain IS NULL OR k.domain = $domain)
  AND ($area IS NULL OR EXISTS { (k)-[:IN_AREA]->(:Area {uid: $area}) })
  AND (me.is_admin OR EXISTS {
    MATCH (k)-[:FOR_CONTACT]->(c:Contact)
    WHERE EXISTS {
            MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
            WHERE EXISTS { (me)-[w14:CAN_ACCESS WHERE coalesce(w14.valid_from <= datetime(), true)
                                                      AND coalesce(w14.valid_to > datetime(), true)]->
                           (d) }
               OR EXISTS { (me)-[w15:MEMBER_OF WHERE coalesce(w15.valid_from <= datetime(), true)
                                                     AND coalesce(w15.valid_to > datetime(), true)]->
                           (:UserGroup)-[w16:CAN_ACCESS WHERE coalesce(w16.valid_from <= datetime(), true)
                                                              AND coalesce(w16.valid_to > datetime(), true)]->
                           (d) } }
       OR EXISTS {
            MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
            WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
              AND EXISTS { (me)-[w17:MEMBER_OF WHERE coalesce(w17.valid_from <= datetime(), true)
                                                     AND coalesce(w17.valid_to > datetime(), true)]->
                           (g) }
              AND EXISTS {
                MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                WHERE EXISTS { (me)-[w18:CAN_ACCESS WHERE coalesce(w18.valid_from <= datetime(), true)
                                                          AND coalesce(w18.valid_to > datetime(), true)]->
                               (d) }
                   OR EXISTS { (me)-[w19:MEMBER_OF WHERE coalesce(w19.valid_from <= datetime(), true)
                                                         AND coalesce(w19.valid_to > datetime(), true)]->
                               (:UserGroup)-[w20:CAN_ACCESS WHERE coalesce(w20.valid_from <= datetime(), true)
                                                                  AND coalesce(w20.valid_to > datetime(), true)]->
                               (d) } } } })
  RETURN k
  ORDER BY k.status, k.uid
  LIMIT toInteger($limit)
  UNION
  // 3. every case
  WITH me, second
  MATCH (k:Case)
  WHERE k.uid > CASE WHEN $contact IS NULL AND $assignee IS NULL AND $status IS NULL AND wide
                     THEN coalesce($after, '') END
  AND ($domain IS NULL OR k.domain = $domain)
  AND ($area IS NULL OR EXISTS { (k)-[:IN_AREA]->(:Area {uid: $area}) })
  AND (me.is_admin OR EXISTS {
    MATCH (k)-[:FOR_CONTACT]->(c:Contact)
    WHERE EXISTS {
            MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
            WHERE EXISTS { (me)-[w21:CAN_ACCESS WHERE coalesce(w21.valid_from <= datetime(), true)
                                                      AND coalesce(w21.valid_to > datetime(), true)]->
                           (d) }
               OR EXISTS { (me)-[w22:MEMBER_OF WHERE coalesce(w22.valid_from <= datetime(), true)
                                                     AND coalesce(w22.valid_to > datetime(), true)]->
                           (:UserGroup)-[w23:CAN_ACCESS WHERE coalesce(w23.valid_from <= datetime(), true)
                                                              AND coalesce(w23.valid_to > datetime(), true)]->
                           (d) } }
       OR EXISTS {
            MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
            WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
              AND EXISTS { (me)-[w24:MEMBER_OF WHERE coalesce(w24.valid_from <= datetime(), true)
                                                     AND coalesce(w24.valid_to > datetime(), true)]->
                           (g) }
              AND EXISTS {
                MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                WHERE EXISTS { (me)-[w25:CAN_ACCESS WHERE coalesce(w25.valid_from <= datetime(), true)
                                                          AND coalesce(w25.valid_to > datetime(), true)]->
                               (d) }
                   OR EXISTS { (me)-[w26:MEMBER_OF WHERE coalesce(w26.valid_from <= datetime(), true)
                                                         AND coalesce(w26.valid_to > datetime(), true)]->
                               (:UserGroup)-[w27:CAN_ACCESS WHERE coalesce(w27.valid_from <= datetime(), true)
                                                                  AND coalesce(w27.valid_to > datetime(), true)]->
                               (d) } } } })
  RETURN k
  ORDER BY k.uid
  LIMIT toInteger($limit)
  UNION
  // 4. from the user's book: only contacts of its account manager groups can be visible
  WITH me, second
  WHERE $contact IS NULL AND $assignee IS NULL AND NOT wide
  MATCH (me)-[w28:MEMBER_OF WHERE coalesce(w28.valid_from <= datetime(), true)
                                  AND coalesce(w28.valid_to > datetime(), true)]->
        (:AccountManagerGroup)
        <-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-(c:Contact)
  WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
    AND EXISTS {
      MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
      WHERE EXISTS { (me)-[w29:CAN_ACCESS WHERE coalesce(w29.valid_from <= datetime(), true)
                                                AND coalesce(w29.valid_to > datetime(), true)]->
                     (d) }
         OR EXISTS { (me)-[w30:MEMBER_OF WHERE coalesce(w30.valid_from <= datetime(), true)
                                               AND coalesce(w30.valid_to > datetime(), true)]->
                     (:UserGroup)-[w31:CAN_ACCESS WHERE coalesce(w31.valid_from <= datetime(), true)
                                                        AND coalesce(w31.valid_to > datetime(), true)]->
                     (d) } }
  WITH DISTINCT c
  MATCH (c)<-[:FOR_CONTACT]-(k:Case)
  WHERE k.uid > coalesce($after, '')
  AND ($status IS NULL OR k.status = $status)
  AND ($domain IS NULL OR k.domain = $domain)
  AND ($area IS NULL OR EXISTS { (k)-[:IN_AREA]->(:Area {uid: $area}) })
  RETURN k
  ORDER BY k.uid
  LIMIT toInteger($limit)
}
WITH k
ORDER BY k.uid
LIMIT toInteger($limit)
MATCH (k)-[:FOR_CONTACT]->(c:Contact)
OPTIONAL MATCH (k)-[:IN_AREA]->(a:Area)
OPTIONAL MATCH (k)-[:ASSIGNED_TO]->(u:User)
OPTIONAL MATCH (k)-[:ROUTED_TO]->(g:UserGroup)
OPTIONAL MATCH (k)-[:UNDER_SLA]->(l:SlaLevel)<-[:HAS_LEVEL]-(contract:SlaContract)
RETURN k {.uid, .subject, .domain, .severity, .status, .created_at, .updated_at, .closed_at,
          .created_by, contact: c.uid, area: a.uid, assignee: u.uid, user_group: g.uid,
          sla: CASE WHEN l IS NULL THEN null ELSE
               {contract: contract.uid, level: l.uid, level_name: l.name,
                severity: l.severity, manual: coalesce(k.sla_manual, false),
                response_due: k.response_due, resolution_due: k.resolution_due} END,
          requirements: COLLECT { MATCH (k)-[r:REQUIRES]->(q:Qualification)
                                  RETURN {qualification: q.uid, min_rating: r.min_rating}
                                  ORDER BY q.uid }} AS item
ORDER BY k.uid
