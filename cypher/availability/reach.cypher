// Reach: for each active advisor, the locations they work at that are reachable for this
// request, each with the window it holds in and the paths that make it reachable.
// Reachable: the customer's home location (regular service), plus the extra locations of
// every service level that allows the mode and meeting type, of every service group in
// $groups (those whose activation rules match) that the advisor belongs to: directly (in a
// window overlapping [$from, $to)) or through a linked competence group or its subgroups.
// A level listing no location reaches every location; $basic counts online levels only.
// With $competence, only advisors who pass condition 1 as well (a competence group granting
// it, or no effective competence at all): the candidates, judged as sets in one query.
// params: $contact, $meeting_type, $mode ('online'|'physical'), $location (uid or null: any
//         place), $groups (service group uids), $basic (bool), $from, $to,
//         $users (advisor uids or null: every advisor),
//         $competence ("<meeting type>|<category>" or null: no competence filter),
//         $paths (bool: false answers grants without paths, for candidates not yet shown)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), contact: "nora", meeting_type: "mortgage", competence: "mortgage|private", users: null, location: null, paths: true, groups: ["west-coast-mortgage"], mode: "online", basic: false, from: datetime("2026-12-07T00:00:00Z"), to: datetime("2026-12-12T00:00:00Z")}
// ready to run on the demo seed:
//   :params {contact: 'nora', meeting_type: 'mortgage', mode: 'online', location: null,
//            groups: [], basic: false, from: datetime('2030-12-02T00:00:00Z'),
//            to: datetime('2030-12-03T00:00:00Z'), users: null, competence: null, paths: true}
// columns: user {uid, name, email}, grants [{place, valid_from, valid_to, paths}],
//          hours [[weekday, start, end, location, timezone]] (weekly working hours, at
//          $location only when given)
MATCH (contact:Contact {uid: $contact})-[:HOME_LOCATION]->(home:Location)
MATCH (mt:MeetingType {uid: $meeting_type})
// The matching levels: of the service groups in $groups, those that allow the mode and the
// meeting type.
CALL (mt) {
  MATCH (sg:ServiceGroup)-[:OFFERS]->(lvl:ServiceLevel)
  WHERE sg.uid IN $groups AND (lvl.mode = $mode OR lvl.mode = 'both')
    AND (NOT $basic OR $mode = 'online')
    AND (NOT EXISTS { (lvl)-[:LIMITED_TO]->() } OR EXISTS { (lvl)-[:LIMITED_TO]->(mt) })
  RETURN collect(DISTINCT sg) AS offering, collect([sg, lvl]) AS levels
}
// Condition 1 read from the competence's side, once: the groups granting $competence (with
// their subgroups) and the advisors granted it through them (of $users when given, working
// at $location when given).
CALL () {
  OPTIONAL MATCH (:Competence {uid: $competence})<-[:GRANTS]-(:CompetenceGroup)
                 <-[:CHILD_OF*0..4]-(g:CompetenceGroup)
  RETURN collect(DISTINCT g) AS granting
}
CALL (granting) {
  WITH granting WHERE granting <> []
  CALL (granting) {
    UNWIND granting AS g
    MATCH (u:User)-[w0:MEMBER_OF WHERE coalesce(w0.valid_from <= $at, true)
                                       AND coalesce(w0.valid_to > $at, true)]->(g)
    WHERE $location IS NULL AND ($users IS NULL OR u.uid IN $users)
    RETURN u
    UNION
    // (at a given place, from the advisors working there: fewer than a competence's holders)
    MATCH (u:User)-[:WORKS_AT]->(:Location {uid: $location})
    WHERE ($users IS NULL OR u.uid IN $users)
      AND EXISTS { (u)-[w0:MEMBER_OF WHERE coalesce(w0.valid_from <= $at, true)
                                           AND coalesce(w0.valid_to > $at, true)]->(g)
                   WHERE g IN granting }
    RETURN u
  }
  WITH u WHERE u.active
  RETURN collect(u) AS granted
}
// Who may serve, before where: the advisors working at the customer's home (regular
// service), the direct members of the matching levels' groups, and the members of their
// linked competence groups. The last are found from the side that touches least: the asked
// advisors ($users); else, with $competence, the advisors granted it and the members of
// linked groups that have no competence at all (nobody else passes condition 1); else
// every member, from the groups' side.
CALL (home, offering, granted) {
  MATCH (u:User)-[:WORKS_AT]->(home)
  WHERE u.active AND ($users IS NULL OR u.uid IN $users)
    AND ($location IS NULL OR home.uid = $location)
  RETURN u, null AS sg, null AS valid_from, null AS valid_to, null AS member
  UNION
  UNWIND offering AS sg
  MATCH member = (u:User)-[m:MEMBER_OF]->(sg)
  WHERE (m.valid_to IS NULL OR m.valid_to > $from)
    AND (m.valid_from IS NULL OR m.valid_from < $to)
    AND u.active AND ($users IS NULL OR u.uid IN $users)
  RETURN u, sg, m.valid_from AS valid_from, m.valid_to AS valid_to, member
  UNION
  WITH offering, granted
  WHERE offering <> []
  CALL (granted) {
    MATCH (u:User) USING INDEX u:User(uid)
    WHERE u.uid IN $users
    RETURN u
    UNION
    UNWIND granted AS u
    RETURN u
  }
  MATCH member = (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                         AND coalesce(w1.valid_to > $at, true)]->
                 (:CompetenceGroup)-[:CHILD_OF*0..4]->
                 (:CompetenceGroup)<-[w2:INCLUDES WHERE coalesce(w2.valid_from <= $at, true)
                                                        AND coalesce(w2.valid_to > $at, true)]-
                 (sg:ServiceGroup)
  WHERE u.active AND sg IN offering
  RETURN u, sg, null AS valid_from, null AS valid_to, member
  UNION
  UNWIND offering AS sg
  MATCH member = (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                              AND coalesce(w1.valid_to > $at, true)]->
                 (cg:CompetenceGroup)-[:CHILD_OF*0..4]->
                 (:CompetenceGroup)<-[w2:INCLUDES WHERE coalesce(w2.valid_from <= $at, true)
                                                        AND coalesce(w2.valid_to > $at, true)]-
                 (sg)
  WHERE $users IS NULL AND u.active
    AND ($competence IS NULL
         OR NOT EXISTS { (cg)-[:CHILD_OF*0..4]->(:CompetenceGroup)-[:GRANTS]->(:Competence) })
  RETURN u, sg, null AS valid_from, null AS valid_to, member
}
// (a meeting at a given place: only the members working there go on)
WITH contact, home, levels, granting, granted, u, sg, valid_from, valid_to, member
WHERE ($location IS NULL OR sg IS NULL
       OR EXISTS { (u)-[:WORKS_AT]->(:Location {uid: $location}) })
// Condition 1 for the rest: a group granting $competence, or no effective competence at all.
  AND ($competence IS NULL
   OR u IN granted
   OR NOT EXISTS {
         (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                 AND coalesce(w4.valid_to > $at, true)]->(:CompetenceGroup)
           -[:CHILD_OF*0..4]->(:CompetenceGroup)-[:GRANTS]->(:Competence) })
// Where: the home itself for the regular service; for a level, each place the member works
// at that the level extends to (every place when it lists none).
CALL (contact, home, levels, u, sg, member) {
  WITH contact, home, u, sg
  WHERE sg IS NULL
  RETURN home AS place,
         CASE WHEN $paths THEN
           COLLECT { MATCH reach = (u)-[:WORKS_AT]->(home)<-[:HOME_LOCATION]-(contact)
                     RETURN reach }
         ELSE [] END AS paths
  UNION
  WITH levels, u, sg, member
  WHERE sg IS NOT NULL
  UNWIND [level IN levels WHERE level[0] = sg | level[1]] AS lvl
  MATCH (u)-[:WORKS_AT]->(place:Location)
  WHERE ($location IS NULL OR place.uid = $location)
    AND (NOT EXISTS { (lvl)-[:EXTENDS_TO]->() } OR EXISTS { (lvl)-[:EXTENDS_TO]->(place) })
  RETURN place,
         CASE WHEN $paths THEN
           [member, coalesce(
             head(COLLECT { MATCH extra = (sg)-[:OFFERS]->(lvl)-[:EXTENDS_TO]->(place)
                            RETURN extra }),
             head(COLLECT { MATCH offer = (sg)-[:OFFERS]->(lvl) RETURN offer }))]
         ELSE [] END AS paths
}
WITH DISTINCT u, place, valid_from, valid_to, paths
WITH u, collect({place: place.uid, valid_from: valid_from, valid_to: valid_to,
                 paths: paths}) AS grants
RETURN u {.uid, .name, .email} AS user, grants,
       COLLECT { MATCH (u)-[:HAS_HOURS]->(wh:WorkingHours)-[:AT]->(l:Location)
                 WHERE $location IS NULL OR l.uid = $location
                 RETURN [wh.weekday, wh.start, wh.end, l.uid, l.timezone] } AS hours
ORDER BY u.uid
