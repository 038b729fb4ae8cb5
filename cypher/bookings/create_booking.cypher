// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Record a booking.
// params: $booking {uid, start, end, mode, status, created_by, created_at}, $advisor,
//         $contact, $meeting_type, $location (or null), $service_group (uid or null)
// columns: uid
MATCH (u:User {uid: $advisor})
MATCH (c:Contact {uid: $contact})
MATCH (mt:MeetingType {uid: $meeting_type})
CREATE (b:Booking)
SET b = $booking
CREATE (b)-[:WITH_ADVISOR]->(u), (b)-[:FOR_CONTACT]->(c), (b)-[:OF_TYPE]->(mt)
WITH b
CALL (b) {
  MATCH (l:Location {uid: $location})
  CREATE (b)-[:AT_LOCATION]->(l)
}
CALL (b) {
  MATCH (sg:ServiceGroup {uid: $service_group})
  CREATE (b)-[:VIA_GROUP]->(sg)
}
RETURN b.uid AS uid
