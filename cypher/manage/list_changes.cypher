// The recorded changes of one group, newest first, one page at a time (keyset on the
// record's time-ordered uid).
// params: $kind ("competence-group" or "service-group"), $group, $before (uid or null), $limit
// :params {kind: "competence-group", group: "retail-west", before: null, limit: 20}
// columns: change {uid, at, actor, action, aspect, target, before, after}
MATCH (c:GroupChange)
WHERE c.group = $group AND c.group_kind = $kind AND ($before IS NULL OR c.uid < $before)
RETURN c {.uid, .at, .actor, .action, .aspect, .target, .before, .after} AS change
ORDER BY c.uid DESC
LIMIT toInteger($limit)
