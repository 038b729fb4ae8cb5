// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Change some global settings.
// params: $changes (map)
// columns: none
MERGE (s:Settings {key: 'global'})
SET s += $changes
