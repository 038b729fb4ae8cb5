// plumbing: not an analyst query (a template the services fill in); left out of the Browser guide
// Change some properties of one node of an allow-listed label (see create_node.cypher).
// params: $uid, $changes (map)
// columns: uid (no row when the node does not exist)
MATCH (n:__LABEL__ {uid: $uid})
SET n += $changes
RETURN n.uid AS uid
