// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Whether any contact of a seed batch exists already (then contacts_new.cypher may not run).
// params: $uids (list)
// columns: uid (at most one row)
MATCH (c:Contact)
WHERE c.uid IN $uids
RETURN c.uid AS uid
LIMIT 1
