// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Put a contact group in its one directory.
// params: $uid, $directory
// columns: uid
MATCH (g:ContactGroup {uid: $uid})
MATCH (d:Directory {uid: $directory})
OPTIONAL MATCH (g)-[old:BELONGS_TO]->(:Directory)
DELETE old
WITH DISTINCT g, d
MERGE (g)-[:BELONGS_TO]->(d)
RETURN g.uid AS uid
