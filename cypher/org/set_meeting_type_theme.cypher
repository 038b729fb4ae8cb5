// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Put a meeting type in a theme (each meeting type has exactly one).
// params: $uid, $theme
// columns: uid
MATCH (mt:MeetingType {uid: $uid})
MATCH (t:MeetingTheme {uid: $theme})
OPTIONAL MATCH (mt)-[old:IN_THEME]->(:MeetingTheme)
DELETE old
WITH DISTINCT mt, t
MERGE (mt)-[:IN_THEME]->(t)
RETURN mt.uid AS uid
