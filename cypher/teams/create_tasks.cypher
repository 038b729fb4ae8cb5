// Put tasks in a team's pool.
// params: $team, $tasks [{uid, title, status, created_at, due}]
// columns: uid
MATCH (t:Team {uid: $team})
UNWIND $tasks AS task
CREATE (t)<-[:IN_POOL]-(x:Task)
SET x = task
RETURN x.uid AS uid
