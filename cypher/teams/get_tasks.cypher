// Tasks by uid, or a team's pool by status (keyset on uid).
// params: $uids (list or null), $team (uid or null), $status (or null), $after, $limit
// columns: item {uid, title, status, created_at, due, team, claimed_by}
MATCH (x:Task)-[:IN_POOL]->(t:Team)
WHERE ($uids IS NULL OR x.uid IN $uids) AND ($team IS NULL OR t.uid = $team)
  AND ($status IS NULL OR x.status = $status) AND ($after IS NULL OR x.uid > $after)
OPTIONAL MATCH (x)-[:CLAIMED_BY]->(u:User)
RETURN x {.uid, .title, .status, .created_at, .due, team: t.uid, claimed_by: u.uid} AS item
ORDER BY x.uid
LIMIT $limit
