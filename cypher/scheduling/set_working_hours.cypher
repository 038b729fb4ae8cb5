// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Replace a user's weekly working hours (wall-clock, in each location's time zone).
// params: $uid, $hours [{location, weekday, start "HH:MM", end "HH:MM"}] (locations exist)
// columns: uid
MATCH (u:User {uid: $uid})
OPTIONAL MATCH (u)-[:HAS_HOURS]->(old:WorkingHours)
DETACH DELETE old
WITH DISTINCT u
CALL (u) {
  UNWIND $hours AS h
  MATCH (l:Location {uid: h.location})
  CREATE (u)-[:HAS_HOURS]->(:WorkingHours {weekday: h.weekday, start: h.start, end: h.end})
         -[:AT]->(l)
}
RETURN u.uid AS uid
