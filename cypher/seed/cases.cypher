// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed cases (idempotent), times stored in UTC. Seeds are trusted: no responsibility or
// SLA lookup, the rows say where each case stands.
// UTC is written as the offset +00:00, the spelling the API (the driver) gives Python's UTC
// times: one spelling in the store, so equal instants compare equal.
// params: $rows [{uid, subject, domain, severity, status, contact, assignee, area, created_at,
//                 response_due, resolution_due, requirements: [{qualification, min_rating}]}]
// columns: none
UNWIND $rows AS row
MATCH (c:Contact {uid: row.contact})
MERGE (k:Case {uid: row.uid})
SET k.subject = row.subject, k.domain = coalesce(row.domain, 'helpdesk'),
    k.severity = row.severity, k.status = row.status,
    k.created_at = datetime({datetime: datetime(row.created_at), timezone: '+00:00'}),
    k.response_due = CASE WHEN row.response_due IS NULL THEN null
                     ELSE datetime({datetime: datetime(row.response_due), timezone: '+00:00'}) END,
    k.resolution_due = CASE WHEN row.resolution_due IS NULL THEN null
                       ELSE datetime({datetime: datetime(row.resolution_due), timezone: '+00:00'})
                       END,
    k.pull_due = CASE WHEN row.response_due IS NULL THEN datetime('9999-12-31T00:00:00Z')
                 ELSE datetime({datetime: datetime(row.response_due), timezone: '+00:00'}) END
MERGE (k)-[:FOR_CONTACT]->(c)
WITH k, row
CALL (k, row) {
  MATCH (u:User {uid: row.assignee})
  MERGE (k)-[:ASSIGNED_TO]->(u)
  SET k.assignee_uid = u.uid
}
CALL (k, row) {
  MATCH (a:Area {uid: row.area})
  MERGE (k)-[:IN_AREA]->(a)
}
CALL (k, row) {
  UNWIND coalesce(row.requirements, []) AS req
  MATCH (q:Qualification {uid: req.qualification})
  MERGE (k)-[r:REQUIRES]->(q)
  SET r.min_rating = req.min_rating
}
