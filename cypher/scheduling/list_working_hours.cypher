// A user's weekly working hours, by weekday, start and location.
// params: $uid
// :params {uid: "kari"}
// columns: user (null when the user does not exist), hours [{location, weekday, start, end}]
OPTIONAL MATCH (u:User {uid: $uid})
RETURN u.uid AS user,
       COLLECT { MATCH (u)-[:HAS_HOURS]->(wh:WorkingHours)-[:AT]->(l:Location)
                 RETURN wh {.weekday, .start, .end, location: l.uid}
                 ORDER BY wh.weekday, wh.start, l.uid } AS hours
