// Record one change of a group, in the transaction of the change itself: who ($change.actor),
// when ($change.at), what ($change.action on $change.aspect, e.g. add on members, with the
// target's uid) and the state before and after as JSON text. The record keeps the group's
// uid and kind, so it outlives a deleted group; while the group exists it is linked to it.
// params: $change {uid, at, actor, group, group_kind, action, aspect, target, before, after}
// columns: uid
CREATE (c:GroupChange)
SET c = $change
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
