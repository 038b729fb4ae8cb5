// The next open tasks of a team's pool: earliest due first (pull_due; tasks without a due
// date carry a far-future pull_due), then the oldest, then by uid, read in order from the
// task_pull_due_order index.
// params: $team, $limit
// columns: uid
MATCH (x:Task)
USING INDEX x:Task(status, pull_due, created_at, uid)
WHERE x.status = 'open' AND x.pull_due IS NOT NULL AND x.created_at IS NOT NULL
  AND x.uid IS NOT NULL AND EXISTS { (x)-[:IN_POOL]->(:Team {uid: $team}) }
RETURN x.uid AS uid
ORDER BY x.status, x.pull_due, x.created_at, x.uid
LIMIT $limit
