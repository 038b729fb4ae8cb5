// Change some global settings.
// params: $changes (map)
// columns: none
MERGE (s:Settings {key: 'global'})
SET s += $changes
