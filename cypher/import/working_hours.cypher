// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: each row is a user's whole week (as PUT /users/<uid>/working-hours); a week equal
// to the stored one is left untouched. "Created" is a user who had no hours.
// params: $rows [{user, hours: [{location, weekday, start, end}]}], $replace (unused)
// columns: created, updated, unchanged
UNWIND $rows AS row
MATCH (u:User {uid: row.user})
WITH row, u,
     COLLECT { MATCH (u)-[:HAS_HOURS]->(w:WorkingHours)-[:AT]->(l:Location)
               RETURN [l.uid, w.weekday, w.start, w.end] AS h ORDER BY h } AS before,
     COLLECT { UNWIND row.hours AS h
               RETURN [h.location, h.weekday, h.start, h.end] AS w ORDER BY w } AS wanted
CALL (u, row, before, wanted) {
  WITH u, row WHERE before <> wanted
  OPTIONAL MATCH (u)-[:HAS_HOURS]->(old:WorkingHours)
  DETACH DELETE old
  WITH DISTINCT u, row
  UNWIND row.hours AS h
  MATCH (l:Location {uid: h.location})
  CREATE (u)-[:HAS_HOURS]->(:WorkingHours {weekday: h.weekday, start: h.start, end: h.end})
         -[:AT]->(l)
}
RETURN count(CASE WHEN before = [] AND wanted <> [] THEN 1 END) AS created,
       count(CASE WHEN before <> [] AND before <> wanted THEN 1 END) AS updated,
       count(CASE WHEN before = wanted THEN 1 END) AS unchanged
