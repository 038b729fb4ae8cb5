// Reach: for each active advisor, the locations they work at that are reachable for this
// request, each with the window it holds in and the paths that make it reachable.
// Reachable: the customer's home location (regular service), plus the extra locations of
// every service level that allows the mode and meeting type, of every service group in
// $groups (those whose activation rules match) that the advisor belongs to: directly (in a
// window overlapping [$from, $to)) or through a linked competence group or its subgroups.
// A level listing no location reaches every location; $basic counts online levels only.
// params: $contact, $meeting_type, $mode ('online'|'physical'), $location (uid or null: any
//         place), $groups (service group uids), $basic (bool), $from, $to,
//         $users (advisor uids or null: every advisor)
// columns: user {uid, name, email}, grants [{place, valid_from, valid_to, paths}]
MATCH (contact:Contact {uid: $contact})-[:HOME_LOCATION]->(home:Location)
MATCH (mt:MeetingType {uid: $meeting_type})
CALL (contact, home, mt) {
  MATCH reach = (u:User)-[:WORKS_AT]->(home)<-[:HOME_LOCATION]-(contact)
  WHERE u.active AND ($users IS NULL OR u.uid IN $users)
    AND ($location IS NULL OR home.uid = $location)
  RETURN u, home AS place, null AS valid_from, null AS valid_to, [reach] AS paths
  UNION
  MATCH (sg:ServiceGroup)-[:OFFERS]->(lvl:ServiceLevel)
  WHERE sg.uid IN $groups AND (lvl.mode = $mode OR lvl.mode = 'both')
    AND (NOT $basic OR $mode = 'online')
    AND (NOT EXISTS { (lvl)-[:LIMITED_TO]->() } OR EXISTS { (lvl)-[:LIMITED_TO]->(mt) })
  CALL (sg) {
    MATCH member = (u:User)-[m:MEMBER_OF]->(sg)
    WHERE (m.valid_to IS NULL OR m.valid_to > $from)
      AND (m.valid_from IS NULL OR m.valid_from < $to)
    RETURN u, m.valid_from AS valid_from, m.valid_to AS valid_to, member
    UNION
    MATCH member = (u:User)-[:MEMBER_OF]->(:CompetenceGroup)-[:CHILD_OF*0..4]->
                   (:CompetenceGroup)<-[:INCLUDES]-(sg)
    RETURN u, null AS valid_from, null AS valid_to, member
  }
  WITH sg, lvl, u, valid_from, valid_to, member
  WHERE u.active AND ($users IS NULL OR u.uid IN $users)
  MATCH (u)-[:WORKS_AT]->(place:Location)
  WHERE ($location IS NULL OR place.uid = $location)
    AND (NOT EXISTS { (lvl)-[:EXTENDS_TO]->() } OR EXISTS { (lvl)-[:EXTENDS_TO]->(place) })
  OPTIONAL MATCH extra = (sg)-[:OFFERS]->(lvl)-[:EXTENDS_TO]->(place)
  OPTIONAL MATCH offer = (sg)-[:OFFERS]->(lvl)
  RETURN u, place, valid_from, valid_to, [member, coalesce(extra, offer)] AS paths
}
WITH u, collect({place: place.uid, valid_from: valid_from, valid_to: valid_to,
                 paths: paths}) AS grants
RETURN u {.uid, .name, .email} AS user, grants
ORDER BY u.uid
