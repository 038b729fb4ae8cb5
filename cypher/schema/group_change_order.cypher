// plumbing: not an analyst query (installed by `graphsvc db migrate`); left out of the Browser guide
// Index for a group's change history newest first (cypher/manage/list_changes.cypher): a
// page is read from the index in order and stops at the page, however long the history.
// Installed by `graphsvc db migrate`.
// params: none
// columns: none
CREATE RANGE INDEX group_change_order IF NOT EXISTS
FOR (c:GroupChange) ON (c.group, c.uid)
