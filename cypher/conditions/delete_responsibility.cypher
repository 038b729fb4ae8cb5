// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Remove what a contact group sets for one processing domain.
// params: $group, $domain
// columns: deleted
OPTIONAL MATCH (:ContactGroup {uid: $group})-[:SETS]->(r:Responsibility {domain: $domain})
DETACH DELETE r
RETURN count(r) AS deleted
