// What each of $users can serve at $at, as sets (conditions 1 to 3 of DOMAIN.md section 2,
// no slots): every (meeting type, customer category, customer's home location, mode) for
// which the user may serve the pair (their effective competences, or every pair when
// unrestricted) and reaches customers at home there: by working there (both modes), or
// through a service group they belong to (directly, in its window, or through a linked
// competence group) whose activation rules match the location, category and theme and one
// of whose levels allows the type and mode and extends to a place the user works at ($basic:
// online levels only). The same reach as user-removal-impact.cypher's `service`, per user:
// a what-if's before and after (graphsvc.services.whatif). Inactive users serve nothing
// and have no row.
// params: $users (user uids), $basic (bool)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), users: ["kari"], basic: false}
// columns: user, meeting_type, category, location, mode
UNWIND $users AS who
MATCH (u:User {uid: who})
WHERE u.active
WITH u,
     COLLECT { MATCH (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                             AND coalesce(w1.valid_to > $at, true)]->
                     (:CompetenceGroup)-[:CHILD_OF*0..4]->
                     (:CompetenceGroup)-[:GRANTS]->(c:Competence)
               RETURN DISTINCT c.uid } AS mine,
     COLLECT { MATCH (u)-[:WORKS_AT]->(p:Location) RETURN p } AS works,
     COLLECT { MATCH (u)-[m:MEMBER_OF]->(sg:ServiceGroup)
               WHERE coalesce(m.valid_from <= $at, true) AND coalesce(m.valid_to > $at, true)
               RETURN sg
               UNION
               MATCH (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                             AND coalesce(w2.valid_to > $at, true)]->
                     (:CompetenceGroup)-[:CHILD_OF*0..4]->
                     (:CompetenceGroup)<-[w3:INCLUDES WHERE coalesce(w3.valid_from <= $at, true)
                                                            AND coalesce(w3.valid_to > $at, true)]-
                     (sg:ServiceGroup)
               RETURN sg } AS groups
MATCH (mt:MeetingType)-[:IN_THEME]->(th:MeetingTheme), (cat:CustomerCategory)
WHERE size(mine) = 0 OR mt.uid + '|' + cat.uid IN mine
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
RETURN DISTINCT u.uid AS user, mt.uid AS meeting_type, cat.uid AS category,
       l.uid AS location, mode
