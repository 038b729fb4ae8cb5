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
CALL () {
  OPTIONAL MATCH (:Competence {uid: $competence})<-[:GRANTS]-(:CompetenceGroup)
                 <-[:CHILD_OF*0..4]-(g:CompetenceGroup)
  RETURN collect(DISTINCT g) AS granting
}
// Who may serve, before where: the advisors working at the customer's home (regular
// service) and the members of the matching service groups' levels. Condition 1 is judged
// on them first, so the places of an advisor who fails it are never expanded.
CALL (contact, home, mt) {
  MATCH (u:User)-[:WORKS_AT]->(home)
  WHERE u.active AND ($users IS NULL OR u.uid IN $users)
    AND ($location IS NULL OR home.uid = $location)
  RETURN u, null AS sg, null AS lvl, null AS valid_from, null AS valid_to, null AS member
  UNION
  MATCH (sg:ServiceGroup)-[:OFFERS]->(lvl:ServiceLevel)
  WHERE sg.uid IN $groups AND (lvl.mode = $mode OR lvl.mode = 'both')
    AND (NOT $basic OR $mode = 'online')
    AND (NOT EXISTS { (lvl)-[:LIMITED_TO]->() } OR EXISTS { (lvl)-[:LIMITED_TO]->(mt) })
  CALL (sg) {
    MATCH member = (u:User)-[m:MEMBER_OF]->(sg)
    WHERE (m.valid_to IS NULL OR m.valid_to > $from)
      AND (m.valid_from IS NULL OR m.valid_from < $to)
      AND u.active AND ($users IS NULL OR u.uid IN $users)
    RETURN u, m.valid_from AS valid_from, m.valid_to AS valid_to, member
    UNION
    MATCH member = (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                                AND coalesce(w1.valid_to > $at, true)]->
                   (:CompetenceGroup)-[:CHILD_OF*0..4]->
                   (:CompetenceGroup)<-[w2:INCLUDES WHERE coalesce(w2.valid_from <= $at, true)
                                                          AND coalesce(w2.valid_to > $at, true)]-
                   (sg)
    WHERE u.active AND ($users IS NULL OR u.uid IN $users)
    RETURN u, null AS valid_from, null AS valid_to, member
  }
  // (a meeting at a given place: only the members working there go on)
  WITH u, sg, lvl, valid_from, valid_to, member
  WHERE $location IS NULL OR EXISTS { (u)-[:WORKS_AT]->(:Location {uid: $location}) }
  RETURN u, sg, lvl, valid_from, valid_to, member
}
// Condition 1 as a set: the groups granting $competence (with their subgroups, read once at
// the top), against each candidate's own groups. A candidate in none of them passes only
// when none of its groups has any effective competence (unrestricted).
WITH contact, home, granting, u, sg, lvl, valid_from, valid_to, member,
     CASE WHEN $competence IS NULL THEN []
          ELSE COLLECT { MATCH (u)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                                       AND coalesce(w3.valid_to > $at, true)]->
                               (g:CompetenceGroup) RETURN g } END AS own
WHERE $competence IS NULL
   OR any(g IN own WHERE g IN granting)
   OR all(g IN own WHERE NOT EXISTS { (g)-[:CHILD_OF*0..4]->(:CompetenceGroup)
                                      -[:GRANTS]->(:Competence) })
// Where: the home itself for the regular service; for a level, each place the member works
// at that the level extends to (every place when it lists none).
CALL (contact, home, u, sg, lvl, member) {
  WITH contact, home, u, sg
  WHERE sg IS NULL
  RETURN home AS place,
         CASE WHEN $paths THEN
           COLLECT { MATCH reach = (u)-[:WORKS_AT]->(home)<-[:HOME_LOCATION]-(contact)
                     RETURN reach }
         ELSE [] END AS paths
  UNION
  WITH u, sg, lvl, member
  WHERE sg IS NOT NULL
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
