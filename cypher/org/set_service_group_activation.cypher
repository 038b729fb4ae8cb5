// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Replace a service group's activation rules (each list: the values of one dimension).
// params: $uid, $locations, $customer_categories, $meeting_themes (lists of existing uids)
// columns: uid
MATCH (sg:ServiceGroup {uid: $uid})
OPTIONAL MATCH (sg)-[old:ACTIVE_FOR_LOCATION|ACTIVE_FOR_CATEGORY|ACTIVE_FOR_THEME]->()
DELETE old
WITH DISTINCT sg
CALL (sg) {
  UNWIND $locations AS value
  MATCH (l:Location {uid: value})
  MERGE (sg)-[:ACTIVE_FOR_LOCATION]->(l)
}
CALL (sg) {
  UNWIND $customer_categories AS value
  MATCH (c:CustomerCategory {uid: value})
  MERGE (sg)-[:ACTIVE_FOR_CATEGORY]->(c)
}
CALL (sg) {
  UNWIND $meeting_themes AS value
  MATCH (t:MeetingTheme {uid: value})
  MERGE (sg)-[:ACTIVE_FOR_THEME]->(t)
}
RETURN sg.uid AS uid
