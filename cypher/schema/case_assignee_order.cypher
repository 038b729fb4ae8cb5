// plumbing: not an analyst query (installed by `graphsvc db migrate`); left out of the Browser guide
// Index for one assignee's cases of one status in uid order (cypher/cases/list_cases.cypher):
// "my cases" (assignee and status) reads the cases of that status, not every case the
// assignee ever had. Installed by `graphsvc db migrate`.
// params: none
// columns: none
CREATE RANGE INDEX case_assignee_order IF NOT EXISTS
FOR (k:Case) ON (k.assignee_uid, k.status, k.uid)
