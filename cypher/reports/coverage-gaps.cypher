// Report: coverage gaps (DOMAIN.md section 8). Every (meeting type x customer category x
// customer home location x mode) that no active advisor can serve under conditions 1 to 3 of
// section 2, at the instant $at: nobody is both competent for (type, category), or
// unrestricted, and able to reach the location for that mode, by working there (regular
// service) or through a service group whose activation rules match (location, category, the
// type's theme) with a level allowing the mode and type that extends to a location the
// advisor works at. With $basic (the basic installation level) only online levels count.
// Walked in that key order, pair first, so each pair's competent advisors (and where they
// work) are read once; a location someone competent works at is covered in both modes
// without looking further, and the walk stops at the page.
// For each gap, the nearest misses: up to three active users who reach the combination but
// may not serve the pair (failed: competence), and up to three active users granted the pair
// who reach no location for it (failed: reach).
// params: $at (datetime), $basic (bool), $after ([meeting type, category, location, mode]
//         uids or null), $limit
// :params {at: datetime("2026-12-15T12:00:00Z"), basic: false, after: null, limit: 50}
// columns: meeting_type {uid, name}, customer_category {uid, name}, location {uid, name},
//          mode, nearest [{user {uid, name}, failed}]
CALL () {
  // unrestricted active users (no effective competence) serve every pair where they work
  MATCH (u:User)-[:WORKS_AT]->(p:Location)
  WHERE u.active
    AND NOT EXISTS { (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                             AND coalesce(w1.valid_to > $at, true)]->
                     (:CompetenceGroup)-[:CHILD_OF*0..4]->
                     (:CompetenceGroup)-[:GRANTS]->(:Competence) }
  RETURN collect(DISTINCT p) AS open
}
CALL () {
  MATCH (mt:MeetingType)-[:IN_THEME]->(th:MeetingTheme) RETURN mt, th ORDER BY mt.uid
}
CALL (mt) {
  MATCH (cat:CustomerCategory) RETURN cat ORDER BY cat.uid
}
WITH open, mt, th, cat
WHERE $after IS NULL OR mt.uid > $after[0] OR (mt.uid = $after[0] AND cat.uid >= $after[1])
CALL (mt, cat) {
  // the groups granting the pair, with their subgroups, and where their members work
  OPTIONAL MATCH (:Competence {uid: mt.uid + '|' + cat.uid})<-[:GRANTS]-(:CompetenceGroup)
                 <-[:CHILD_OF*0..4]-(g:CompetenceGroup)
  WITH collect(DISTINCT g) AS granting
  RETURN granting,
         COLLECT { UNWIND granting AS g
                   MATCH (g)<-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                                  AND coalesce(w2.valid_to > $at, true)]-
                         (u:User)-[:WORKS_AT]->(p:Location)
                   WHERE u.active
                   RETURN DISTINCT p } AS worked
}
CALL () {
  MATCH (l:Location) RETURN l ORDER BY l.uid
}
UNWIND ['online', 'physical'] AS mode
WITH mt, th, cat, l, mode, granting
WHERE NOT l IN open AND NOT l IN worked
  AND ($after IS NULL OR mt.uid > $after[0] OR cat.uid > $after[1] OR l.uid > $after[2]
       OR (l.uid = $after[2] AND mode > $after[3]))
  // no competent member of a service group that reaches out for this combination
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
      MATCH (u:User)-[m:MEMBER_OF]->(sg)
      WHERE u.active AND (m.valid_from IS NULL OR m.valid_from <= $at)
        AND (m.valid_to IS NULL OR $at < m.valid_to)
      RETURN u
      UNION
      MATCH (u:User)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                         AND coalesce(w3.valid_to > $at, true)]->
            (:CompetenceGroup)-[:CHILD_OF*0..4]->
            (:CompetenceGroup)<-[w4:INCLUDES WHERE coalesce(w4.valid_from <= $at, true)
                                                   AND coalesce(w4.valid_to > $at, true)]-(sg)
      WHERE u.active
      RETURN u
    }
    WITH lvl, u
    WHERE (EXISTS { (u)-[w5:MEMBER_OF WHERE coalesce(w5.valid_from <= $at, true)
                                            AND coalesce(w5.valid_to > $at, true)]->
                    (g:CompetenceGroup) WHERE g IN granting }
           OR NOT EXISTS { (u)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                                   AND coalesce(w6.valid_to > $at, true)]->
                           (:CompetenceGroup)-[:CHILD_OF*0..4]->
                           (:CompetenceGroup)-[:GRANTS]->(:Competence) })
      AND EXISTS { (u)-[:WORKS_AT]->(p:Location)
                   WHERE NOT EXISTS { (lvl)-[:EXTENDS_TO]->() }
                      OR EXISTS { (lvl)-[:EXTENDS_TO]->(p) } }
    RETURN u
  }
WITH mt, th, cat, l, mode, granting
LIMIT toInteger($limit)
RETURN mt {.uid, .name} AS meeting_type, cat {.uid, .name} AS customer_category,
       l {.uid, .name} AS location, mode,
       // every user who reaches the combination is, the gap being one, not competent
       COLLECT {
         CALL (l, mt, th, cat, mode) {
           MATCH (u:User)-[:WORKS_AT]->(l) WHERE u.active RETURN u
           UNION
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
             MATCH (u:User)-[m:MEMBER_OF]->(sg)
             WHERE u.active AND (m.valid_from IS NULL OR m.valid_from <= $at)
               AND (m.valid_to IS NULL OR $at < m.valid_to)
             RETURN u
             UNION
             MATCH (u:User)-[w7:MEMBER_OF WHERE coalesce(w7.valid_from <= $at, true)
                                                AND coalesce(w7.valid_to > $at, true)]->
                   (:CompetenceGroup)-[:CHILD_OF*0..4]->
                   (:CompetenceGroup)<-[w8:INCLUDES WHERE coalesce(w8.valid_from <= $at, true)
                                                          AND coalesce(w8.valid_to > $at, true)]-
                   (sg)
             WHERE u.active
             RETURN u
           }
           WITH lvl, u
           WHERE EXISTS { (u)-[:WORKS_AT]->(p:Location)
                          WHERE NOT EXISTS { (lvl)-[:EXTENDS_TO]->() }
                             OR EXISTS { (lvl)-[:EXTENDS_TO]->(p) } }
           RETURN u
         }
         RETURN DISTINCT {user: u {.uid, .name}, failed: 'competence'} AS miss
         ORDER BY miss.user.uid LIMIT 3
       }
       + COLLECT {
           UNWIND granting AS g
           MATCH (g)<-[w9:MEMBER_OF WHERE coalesce(w9.valid_from <= $at, true)
                                          AND coalesce(w9.valid_to > $at, true)]-(u:User)
           WHERE u.active
           RETURN DISTINCT {user: u {.uid, .name}, failed: 'reach'} AS miss
           ORDER BY miss.user.uid LIMIT 3
         } AS nearest
