// plumbing: not an analyst query (installed by `graphsvc db migrate`); left out of the Browser guide
// Index for the pull order of new cases (cypher/cases/pull_candidates.cypher): status, then
// pull_due (the SLA response due, or far in the future without an SLA), creation time and
// uid, so the most urgent cases come out of the index already in order instead of being
// sorted on every pull. Installed by `graphsvc db migrate`.
// params: none
// columns: none
CREATE RANGE INDEX case_pull_due_order IF NOT EXISTS
FOR (k:Case) ON (k.status, k.pull_due, k.created_at, k.uid)
