// Report: what removing (or deactivating) user $user would cost, one row per loss, `lost`
// saying which:
// - visibility: a customer in an 'assigned' directory whose account-manager groups (primary;
//   secondary while $second) would be left without any other active member, so no non-admin
//   would see them; details: those groups.
// - service: a customer the user is today the only active advisor to serve (conditions 1 to 3
//   of DOMAIN.md section 2, at $at) for some meeting type and mode: the user may serve the
//   (type, customer's category) and reaches the customer's home location for the mode, by
//   working there or through a service group; nobody else does. details: "type/mode".
// - case: an open case (not closed) assigned to the user; details: its status.
// - task: a team task the user has claimed and not finished; details: its team.
// Rows come in (lost, subject uid) order; each part stops at the page.
// params: $user, $second (bool: the "second account-manager group" setting), $at (datetime),
//         $basic (bool: the basic installation level counts online levels only), $after
//         ([lost, subject uid] or null), $limit
// :params {user: "kari", second: false, at: datetime("2026-12-15T12:00:00Z"), basic: false, after: null, limit: 50}
// columns: lost (visibility, service, case or task), subject {label, uid, name}, details
CALL () {
  MATCH (u:User {uid: $user})-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                                  AND coalesce(w1.valid_to > $at, true)]->
        (g:AccountManagerGroup)
        <-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]-(c:Contact)
  WHERE (type(m) = 'PRIMARY_MANAGER' OR $second)
    AND ($after IS NULL OR 'visibility' > $after[0]
         OR ('visibility' = $after[0] AND c.uid > $after[1]))
    AND EXISTS { (c)-[:STORED_IN]->(:Directory {visibility: 'assigned'}) }
  WITH u, c, collect(DISTINCT g.uid) AS groups
  WHERE NOT EXISTS {
    MATCH (c)-[m2:PRIMARY_MANAGER|SECONDARY_MANAGER]->(:AccountManagerGroup)
          <-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                AND coalesce(w2.valid_to > $at, true)]-(other:User)
    WHERE other <> u AND other.active AND (type(m2) = 'PRIMARY_MANAGER' OR $second) }
  RETURN 'visibility' AS lost, c AS subject, groups AS details
  ORDER BY c.uid LIMIT toInteger($limit)
  UNION ALL
  MATCH (u:User {uid: $user})
  WHERE u.active AND ($after IS NULL OR 'service' >= $after[0])
  WITH u,
       COLLECT { MATCH (u)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                               AND coalesce(w3.valid_to > $at, true)]->
                       (:CompetenceGroup)-[:CHILD_OF*0..4]->
                       (:CompetenceGroup)-[:GRANTS]->(c:Competence)
                 RETURN DISTINCT c.uid } AS mine,
       COLLECT { MATCH (u)-[:WORKS_AT]->(p:Location) RETURN p } AS works,
       COLLECT { MATCH (u)-[m:MEMBER_OF]->(sg:ServiceGroup)
                 WHERE (m.valid_from IS NULL OR m.valid_from <= $at)
                   AND (m.valid_to IS NULL OR $at < m.valid_to)
                 RETURN sg
                 UNION
                 MATCH (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                               AND coalesce(w4.valid_to > $at, true)]->
                       (:CompetenceGroup)-[:CHILD_OF*0..4]->
                       (:CompetenceGroup)<-[w5:INCLUDES WHERE coalesce(w5.valid_from <= $at, true)
                                                              AND coalesce(w5.valid_to > $at, true)]-
                       (sg:ServiceGroup)
                 RETURN sg } AS groups
  // the pairs the user may serve: their competences, or every pair when unrestricted
  MATCH (mt:MeetingType)-[:IN_THEME]->(th:MeetingTheme), (cat:CustomerCategory)
  WHERE size(mine) = 0 OR mt.uid + '|' + cat.uid IN mine
  CALL (mt, cat) {
    OPTIONAL MATCH (:Competence {uid: mt.uid + '|' + cat.uid})<-[:GRANTS]-(:CompetenceGroup)
                   <-[:CHILD_OF*0..4]-(g:CompetenceGroup)
    RETURN collect(DISTINCT g) AS granting
  }
  // where the user reaches for the pair: where they work, in both modes, and the
  // activation locations of their service groups' levels that allow the type and mode
  CALL (u, works, groups, mt, th, cat) {
    UNWIND works AS l
    UNWIND ['online', 'physical'] AS mode
    RETURN l, mode
    UNION
    UNWIND groups AS sg
    MATCH (sg)-[:OFFERS]->(lvl:ServiceLevel)
    WHERE (NOT EXISTS { (lvl)-[:LIMITED_TO]->() } OR EXISTS { (lvl)-[:LIMITED_TO]->(mt) })
      AND (NOT EXISTS { (sg)-[:ACTIVE_FOR_CATEGORY]->() }
           OR EXISTS { (sg)-[:ACTIVE_FOR_CATEGORY]->(cat) })
      AND (NOT EXISTS { (sg)-[:ACTIVE_FOR_THEME]->() }
           OR EXISTS { (sg)-[:ACTIVE_FOR_THEME]->(th) })
      AND EXISTS { (u)-[:WORKS_AT]->(p:Location)
                   WHERE NOT EXISTS { (lvl)-[:EXTENDS_TO]->() }
                      OR EXISTS { (lvl)-[:EXTENDS_TO]->(p) } }
    UNWIND [x IN ['online', 'physical']
            WHERE (lvl.mode = x OR lvl.mode = 'both') AND (NOT $basic OR x = 'online')] AS mode
    MATCH (l:Location)
    WHERE NOT EXISTS { (sg)-[:ACTIVE_FOR_LOCATION]->() }
       OR EXISTS { (sg)-[:ACTIVE_FOR_LOCATION]->(l) }
    RETURN l, mode
  }
  // ... and nobody else serves it: no other competent active user works there, or reaches
  // it through a service group
  WITH u, mt, th, cat, granting, l, mode
  WHERE NOT EXISTS {
      MATCH (v:User)-[:WORKS_AT]->(l)
      WHERE v <> u AND v.active
        AND (EXISTS { (v)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                              AND coalesce(w6.valid_to > $at, true)]->
                      (g:CompetenceGroup) WHERE g IN granting }
             OR NOT EXISTS { (v)-[w7:MEMBER_OF WHERE coalesce(w7.valid_from <= $at, true)
                                                     AND coalesce(w7.valid_to > $at, true)]->
                             (:CompetenceGroup)-[:CHILD_OF*0..4]->
                             (:CompetenceGroup)-[:GRANTS]->(:Competence) }) }
    AND NOT EXISTS {
      MATCH (sg:ServiceGroup)-[:OFFERS]->(lvl:ServiceLevel)
      WHERE (lvl.mode = mode OR lvl.mode = 'both') AND (NOT $basic OR mode = 'online')
        AND (NOT EXISTS { (lvl)-[:LIMITED_TO]->() } OR EXISTS { (lvl)-[:LIMITED_TO]->(mt) })
        AND (NOT EXISTS { (sg)-[:ACTIVE_FOR_LOCATION]->() }
             OR EXISTS { (sg)-[:ACTIVE_FOR_LOCATION]->(l) })
        AND (NOT EXISTS { (sg)-[:ACTIVE_FOR_CATEGORY]->() }
             OR EXISTS { (sg)-[:ACTIVE_FOR_CATEGORY]->(cat) })
        AND (NOT EXISTS { (sg)-[:ACTIVE_FOR_THEME]->() }
             OR EXISTS { (sg)-[:ACTIVE_FOR_THEME]->(th) })
      CALL (sg) {
        MATCH (v:User)-[m:MEMBER_OF]->(sg)
        WHERE v.active AND (m.valid_from IS NULL OR m.valid_from <= $at)
          AND (m.valid_to IS NULL OR $at < m.valid_to)
        RETURN v
        UNION
        MATCH (v:User)-[w8:MEMBER_OF WHERE coalesce(w8.valid_from <= $at, true)
                                           AND coalesce(w8.valid_to > $at, true)]->
              (:CompetenceGroup)-[:CHILD_OF*0..4]->
              (:CompetenceGroup)<-[w9:INCLUDES WHERE coalesce(w9.valid_from <= $at, true)
                                                     AND coalesce(w9.valid_to > $at, true)]-(sg)
        WHERE v.active
        RETURN v
      }
      WITH lvl, v
      WHERE v <> u
        AND (EXISTS { (v)-[w10:MEMBER_OF WHERE coalesce(w10.valid_from <= $at, true)
                                               AND coalesce(w10.valid_to > $at, true)]->
                      (g:CompetenceGroup) WHERE g IN granting }
             OR NOT EXISTS { (v)-[w11:MEMBER_OF WHERE coalesce(w11.valid_from <= $at, true)
                                                      AND coalesce(w11.valid_to > $at, true)]->
                             (:CompetenceGroup)-[:CHILD_OF*0..4]->
                             (:CompetenceGroup)-[:GRANTS]->(:Competence) })
        AND EXISTS { (v)-[:WORKS_AT]->(p:Location)
                     WHERE NOT EXISTS { (lvl)-[:EXTENDS_TO]->() }
                        OR EXISTS { (lvl)-[:EXTENDS_TO]->(p) } }
      RETURN v }
  // the customers at home there, in that category
  MATCH (l)<-[:HOME_LOCATION]-(c:Contact)-[:IN_CATEGORY]->(cat)
  WHERE $after IS NULL OR 'service' > $after[0] OR c.uid > $after[1]
  WITH c, collect(DISTINCT mt.uid + '/' + mode) AS services
  RETURN 'service' AS lost, c AS subject, services AS details
  ORDER BY c.uid LIMIT toInteger($limit)
  UNION ALL
  MATCH (k:Case)-[:ASSIGNED_TO]->(:User {uid: $user})
  WHERE k.status <> 'closed'
    AND ($after IS NULL OR 'case' > $after[0] OR ('case' = $after[0] AND k.uid > $after[1]))
  RETURN 'case' AS lost, k AS subject, [k.status] AS details
  ORDER BY k.uid LIMIT toInteger($limit)
  UNION ALL
  MATCH (team:Team)<-[:IN_POOL]-(x:Task)-[:CLAIMED_BY]->(:User {uid: $user})
  WHERE x.status = 'claimed'
    AND ($after IS NULL OR 'task' > $after[0] OR ('task' = $after[0] AND x.uid > $after[1]))
  RETURN 'task' AS lost, x AS subject, [team.uid] AS details
  ORDER BY x.uid LIMIT toInteger($limit)
}
WITH lost, subject, details
ORDER BY lost, subject.uid
LIMIT toInteger($limit)
RETURN lost, {label: CASE lost WHEN 'case' THEN 'Case' WHEN 'task' THEN 'Task'
                     ELSE 'Contact' END, uid: subject.uid,
              name: coalesce(subject.name, subject.subject, subject.title)} AS subject,
       details
