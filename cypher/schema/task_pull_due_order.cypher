// plumbing: not an analyst query (installed by `graphsvc db migrate`); left out of the Browser guide
// Index for the pull order of open tasks (status, pull_due = due or far in the future,
// creation time, uid). Installed by `graphsvc db migrate`.
// params: none
// columns: none
CREATE RANGE INDEX task_pull_due_order IF NOT EXISTS
FOR (x:Task) ON (x.status, x.pull_due, x.created_at, x.uid)
