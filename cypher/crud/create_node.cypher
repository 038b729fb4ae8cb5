// plumbing: not an analyst query (a template the services fill in); left out of the Browser guide
// Create one node of an allow-listed label with the given properties.
// __LABEL__ is replaced by a label from graphsvc.services.crud.KINDS, never from input.
// params: $props (map, includes uid)
// columns: uid
CREATE (n:__LABEL__)
SET n = $props
RETURN n.uid AS uid
