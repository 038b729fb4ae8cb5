// plumbing: not an analyst query (a template the services fill in); left out of the Browser guide
// Which of the given uids exist with an allow-listed label (see create_node.cypher).
// params: $uids (list)
// columns: uid
MATCH (n:__LABEL__)
WHERE n.uid IN $uids
RETURN n.uid AS uid
