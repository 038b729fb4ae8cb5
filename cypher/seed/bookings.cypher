// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed bookings (idempotent), stored in UTC. Seeds are trusted: no eligibility check.
// UTC is written as the offset +00:00, the spelling the API (the driver) gives Python's UTC
// times: one spelling in the store, so equal instants compare equal.
// params: $rows [{uid, advisor, contact, meeting_type, mode, location, start, end}]
// columns: none
UNWIND $rows AS row
MATCH (u:User {uid: row.advisor})
MATCH (c:Contact {uid: row.contact})
MATCH (mt:MeetingType {uid: row.meeting_type})
MERGE (b:Booking {uid: row.uid})
SET b.start = datetime({datetime: datetime(row.start), timezone: '+00:00'}),
    b.end = datetime({datetime: datetime(row.end), timezone: '+00:00'}),
    b.mode = row.mode, b.status = 'booked', b.created_by = 'seed'
MERGE (b)-[:WITH_ADVISOR]->(u)
MERGE (b)-[:FOR_CONTACT]->(c)
MERGE (b)-[:OF_TYPE]->(mt)
WITH b, row
CALL (b, row) {
  MATCH (l:Location {uid: row.location})
  MERGE (b)-[:AT_LOCATION]->(l)
}
