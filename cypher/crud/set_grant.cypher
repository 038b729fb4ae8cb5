// plumbing: not an analyst query (a template the services fill in); left out of the Browser guide
// Grant ($present = true, window $props {valid_from, valid_to}) or revoke one grant between
// two nodes, keeping its past (issue 15): a grant is a relationship with a validity window
// [valid_from, valid_to), and its history is the pair's ended windows.
// - grant: the pair's live window (not ended at $now: running or planned) takes the window
//   given, keeping its start unless one is given; without a live window a new one opens,
//   from the start given or from $now (re-granting opens a new window; the past stays);
// - revoke: a running window ends at $now; a planned one (not started) is dropped, as it
//   has no past; ended windows stay as they are;
// - $erase (admins, for erasure requests): every window of the pair is deleted.
// __FROM__, __REL__ and __TO__ are replaced from the allow-list in graphsvc.windows.GRANTS.
// params: $from_uid, $to_uid, $present, $erase, $props (map), $now
// columns: from_found, to_found, before (the live window's properties before, or null),
//          after (its properties after, or null)
OPTIONAL MATCH (a:__FROM__ {uid: $from_uid})
OPTIONAL MATCH (b:__TO__ {uid: $to_uid})
WITH a, b, COLLECT { MATCH (a)-[r:__REL__]->(b) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
                     RETURN r ORDER BY r.valid_from } AS live
WITH a, b, live, CASE WHEN live = [] THEN null ELSE properties(live[0]) END AS before
CALL (a, b, live) {
  WITH a, b, live WHERE a IS NOT NULL AND b IS NOT NULL AND $present AND live = []
  CREATE (a)-[r:__REL__]->(b)
  SET r.valid_from = coalesce($props.valid_from, $now), r.valid_to = $props.valid_to
}
CALL (a, b, live) {
  WITH a, b, live WHERE a IS NOT NULL AND b IS NOT NULL AND $present AND live <> []
  WITH live[0] AS r
  SET r.valid_from = coalesce($props.valid_from, r.valid_from), r.valid_to = $props.valid_to
}
CALL (a, b, live) {
  WITH live WHERE a IS NOT NULL AND b IS NOT NULL AND NOT $present AND NOT $erase
  UNWIND live AS r
  WITH r, coalesce(r.valid_from > $now, false) AS planned
  CALL (r, planned) {
    WITH r WHERE planned
    DELETE r
  }
  CALL (r, planned) {
    WITH r WHERE NOT planned
    SET r.valid_to = $now
  }
}
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND NOT $present AND $erase
  MATCH (a)-[r:__REL__]->(b)
  DELETE r
}
RETURN a IS NOT NULL AS from_found, b IS NOT NULL AS to_found, before,
       COLLECT { MATCH (a)-[r:__REL__]->(b) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
                 RETURN properties(r) ORDER BY r.valid_from LIMIT 1 }[0] AS after
