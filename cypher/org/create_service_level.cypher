// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Add a service level to a service group: extra locations (none: every location) for a mode,
// optionally only for some meeting types.
// params: $group, $level {uid, name, mode}, $locations, $meeting_types (lists of existing uids)
// columns: uid
MATCH (sg:ServiceGroup {uid: $group})
CREATE (sg)-[:OFFERS]->(lvl:ServiceLevel)
SET lvl = $level
WITH lvl
CALL (lvl) {
  UNWIND $locations AS value
  MATCH (l:Location {uid: value})
  MERGE (lvl)-[:EXTENDS_TO]->(l)
}
CALL (lvl) {
  UNWIND $meeting_types AS value
  MATCH (mt:MeetingType {uid: value})
  MERGE (lvl)-[:LIMITED_TO]->(mt)
}
RETURN lvl.uid AS uid
