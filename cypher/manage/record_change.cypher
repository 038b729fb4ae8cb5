// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Record changes of groups, in the transaction of the changes themselves: who (actor), when
// (at), what (action on aspect, e.g. add on members, with the target's uid) and the state
// before and after as JSON text. A record keeps the group's uid and kind, so it outlives a
// deleted group; while the group exists it is linked to it. One row per change (a bulk
// sync records a whole batch in one statement).
// params: $changes [{uid, at, actor, group, group_kind, action, aspect, target, before, after}]
// columns: uid
UNWIND $changes AS change
CREATE (c:GroupChange)
SET c = change
WITH c
CALL (c) {
  OPTIONAL MATCH (g:CompetenceGroup {uid: c.group})
  WITH c, g WHERE c.group_kind = 'competence-group' AND g IS NOT NULL
  CREATE (c)-[:CHANGED]->(g)
}
CALL (c) {
  OPTIONAL MATCH (g:ServiceGroup {uid: c.group})
  WITH c, g WHERE c.group_kind = 'service-group' AND g IS NOT NULL
  CREATE (c)-[:CHANGED]->(g)
}
RETURN c.uid AS uid
