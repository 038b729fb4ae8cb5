// One booking with its advisor, contact, meeting type, location and service group.
// params: $uid
// :params {uid: "b-demo"}
// columns: booking
MATCH (b:Booking {uid: $uid})-[:WITH_ADVISOR]->(u:User)
MATCH (b)-[:FOR_CONTACT]->(c:Contact)
MATCH (b)-[:OF_TYPE]->(mt:MeetingType)
OPTIONAL MATCH (b)-[:AT_LOCATION]->(l:Location)
OPTIONAL MATCH (b)-[:VIA_GROUP]->(sg:ServiceGroup)
RETURN b {.uid, .start, .end, .mode, .status, .created_by, .created_at, .cancelled_at,
          advisor: u {.uid, .name, .email}, contact: c.uid, meeting_type: mt.uid,
          location: l.uid, service_group: sg.uid} AS booking
