// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Remove the competences built on a meeting type or a customer category being deleted.
// params: $uid (meeting type or customer category)
// columns: deleted
MATCH (c:Competence)
WHERE c.meeting_type = $uid OR c.customer_category = $uid
DETACH DELETE c
RETURN count(*) AS deleted
