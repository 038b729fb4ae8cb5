// plumbing: not an analyst query (a template the services fill in); left out of the Browser guide
// Delete one node of an allow-listed label and its relationships (see create_node.cypher).
// params: $uid
// columns: deleted (0 or 1)
OPTIONAL MATCH (n:__LABEL__ {uid: $uid})
DETACH DELETE n
RETURN count(n) AS deleted
