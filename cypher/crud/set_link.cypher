// plumbing: not an analyst query (a template the services fill in); left out of the Browser guide
// Add ($present = true, with properties $props) or remove one relationship between two nodes.
// __FROM__, __REL__ and __TO__ are replaced from the allow-list in graphsvc.services.crud.LINKS.
// params: $from_uid, $to_uid, $present, $props (map)
// columns: from_found, to_found, before (the relationship's properties before, or null)
OPTIONAL MATCH (a:__FROM__ {uid: $from_uid})
OPTIONAL MATCH (b:__TO__ {uid: $to_uid})
OPTIONAL MATCH (a)-[old:__REL__]->(b)
WITH a, b, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND $present
  MERGE (a)-[r:__REL__]->(b)
  SET r = $props
}
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND NOT $present
  OPTIONAL MATCH (a)-[r:__REL__]->(b)
  DELETE r
}
RETURN a IS NOT NULL AS from_found, b IS NOT NULL AS to_found, before
