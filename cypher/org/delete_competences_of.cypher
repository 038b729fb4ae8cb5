// Remove the competences built on a meeting type or a customer category being deleted.
// params: $uid (meeting type or customer category)
// columns: deleted
MATCH (c:Competence)
WHERE c.meeting_type = $uid OR c.customer_category = $uid
DETACH DELETE c
RETURN count(*) AS deleted
