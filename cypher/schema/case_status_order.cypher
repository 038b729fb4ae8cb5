// plumbing: not an analyst query (installed by `graphsvc db migrate`); left out of the Browser guide
// Index for queues of cases by status in uid order (cypher/cases/list_cases.cypher): a page
// of the active_new queue is read from the index in order and stops at the page, however
// long the queue. Installed by `graphsvc db migrate`.
// params: none
// columns: none
CREATE RANGE INDEX case_status_order IF NOT EXISTS
FOR (k:Case) ON (k.status, k.uid)
