// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// The default area of a processing domain ($area null removes it).
// params: $domain, $area (or null)
// columns: domain
MERGE (s:Settings {key: 'global'})
WITH s
OPTIONAL MATCH (s)-[old:DEFAULT_AREA {domain: $domain}]->(:Area)
DELETE old
WITH DISTINCT s
CALL (s) {
  MATCH (a:Area {uid: $area})
  CREATE (s)-[:DEFAULT_AREA {domain: $domain}]->(a)
}
RETURN $domain AS domain
