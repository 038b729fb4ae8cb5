// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Record a new case with its contact, area, assignee, SLA level, user group and required
// qualifications.
// params: $case {uid, subject, domain, severity, status, created_at, updated_at,
//         response_due, resolution_due, created_by}, $contact, $area, $assignee, $level,
//         $user_group (uids or null), $requirements [{qualification, min_rating}]
// columns: uid
MATCH (c:Contact {uid: $contact})
CREATE (k:Case)
SET k = $case
CREATE (k)-[:FOR_CONTACT]->(c)
WITH k
CALL (k) { MATCH (a:Area {uid: $area}) CREATE (k)-[:IN_AREA]->(a) }
CALL (k) {
  MATCH (u:User {uid: $assignee})
  CREATE (k)-[:ASSIGNED_TO]->(u)
  SET k.assignee_uid = u.uid
}
CALL (k) { MATCH (l:SlaLevel {uid: $level}) CREATE (k)-[:UNDER_SLA]->(l) }
CALL (k) { MATCH (g:UserGroup {uid: $user_group}) CREATE (k)-[:ROUTED_TO]->(g) }
CALL (k) {
  UNWIND $requirements AS req
  MATCH (q:Qualification {uid: req.qualification})
  CREATE (k)-[:REQUIRES {min_rating: req.min_rating}]->(q)
}
RETURN k.uid AS uid
