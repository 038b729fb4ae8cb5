// The next open tasks of a team's pool: earliest due first (no due date last), then oldest.
// params: $team, $limit
// columns: uid
MATCH (x:Task {status: 'open'})-[:IN_POOL]->(:Team {uid: $team})
RETURN x.uid AS uid
ORDER BY x.due ASC, x.created_at ASC, x.uid ASC
LIMIT $limit
