// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Put tasks in a team's pool; a task may concern a contact.
// params: $team, $tasks [{uid, title, status, created_at, due, pull_due, contact}]
// columns: uid
MATCH (t:Team {uid: $team})
UNWIND $tasks AS task
CREATE (t)<-[:IN_POOL]-(x:Task)
SET x = task {.uid, .title, .status, .created_at, .due, .pull_due}
WITH x, task
CALL (x, task) {
  MATCH (c:Contact {uid: task.contact})
  CREATE (x)-[:CONCERNS]->(c)
}
RETURN x.uid AS uid
