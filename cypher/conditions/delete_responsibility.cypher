// Remove what a contact group sets for one processing domain.
// params: $group, $domain
// columns: deleted
OPTIONAL MATCH (:ContactGroup {uid: $group})-[:SETS]->(r:Responsibility {domain: $domain})
DETACH DELETE r
RETURN count(r) AS deleted
