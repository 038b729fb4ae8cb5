// How many meeting types a theme holds (a theme in use may not be deleted).
// params: $uid
// :params {uid: "loans"}
// columns: meeting_types
MATCH (t:MeetingTheme {uid: $uid})
RETURN COUNT { (:MeetingType)-[:IN_THEME]->(t) } AS meeting_types
