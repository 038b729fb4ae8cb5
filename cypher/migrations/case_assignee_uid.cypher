// plumbing: not an analyst query (run by `graphsvc db migrate`); left out of the Browser guide
// Data migration (idempotent, run by `graphsvc db migrate`): every case's assignee_uid, the
// uid of the user it is ASSIGNED_TO (null without one), which list_cases.cypher seeks with
// its status in the case_assignee_order index. Rewrites only the cases whose key is missing
// or stale (a deleted assignee), in inner transactions of 10,000 (it must run auto-commit,
// as `graphsvc db migrate` runs it).
// params: none
// columns: rewritten
MATCH (k:Case)
OPTIONAL MATCH (k)-[:ASSIGNED_TO]->(u:User)
WITH k, coalesce(min(u.uid), '') AS assignee_uid
WHERE coalesce(k.assignee_uid, '') <> assignee_uid
CALL (k, assignee_uid) {
  SET k.assignee_uid = CASE WHEN assignee_uid = '' THEN null ELSE assignee_uid END
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(k) AS rewritten
