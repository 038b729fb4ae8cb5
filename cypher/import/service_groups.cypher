// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert service groups by uid: name, email, activation rules (the whole sets),
// service levels (upserted by uid; with $replace, levels not listed are deleted), linked
// competence groups and direct members with optional windows [valid_from, valid_to);
// $replace makes links and members exactly the lists given, otherwise they are added.
// params: $rows [{uid, name, email,
//                 activation: {locations, customer_categories, meeting_themes},
//                 levels: [{uid, name, mode, locations, meeting_types}],
//                 competence_groups: [uid], members: [{user, valid_from, valid_to}]}],
//         $replace (bool), $now (a new grant's window starts then; see crud/set_grant)
// columns: created, updated, unchanged, changed [{uid, before, after}] (for the groups' history)
// (Fingerprints hold no null: in Cypher a map or list with a null equals nothing.)
UNWIND $rows AS row
OPTIONAL MATCH (old:ServiceGroup {uid: row.uid})
CALL (old) {
  RETURN old {.name, .email,
    active: COLLECT { MATCH (old)-[r:ACTIVE_FOR_LOCATION|ACTIVE_FOR_CATEGORY|ACTIVE_FOR_THEME]->(x)
                      RETURN type(r) + ':' + x.uid AS a ORDER BY a },
    levels: COLLECT { MATCH (old)-[:OFFERS]->(l:ServiceLevel)
                      RETURN l {.uid, .name, .mode,
                                to: COLLECT { MATCH (l)-[:EXTENDS_TO|LIMITED_TO]->(x)
                                              RETURN x.uid AS x ORDER BY x }} AS level
                      ORDER BY level.uid },
    groups: COLLECT { MATCH (old)-[l1:INCLUDES WHERE coalesce(l1.valid_to > $now, true) AND l1.substitution IS NULL]->(g) RETURN g.uid ORDER BY g.uid },
    members: COLLECT { MATCH (u:User)-[m:MEMBER_OF]->(old)
                       WHERE coalesce(m.valid_to > $now, true) AND m.substitution IS NULL
                       RETURN [u.uid, coalesce(toString(m.valid_from), ''),
                               coalesce(toString(m.valid_to), '')] AS m ORDER BY u.uid }} AS before
}
WITH row, old IS NULL AS created, before
MERGE (n:ServiceGroup {uid: row.uid})
SET n.name = row.name, n.email = row.email
WITH row, created, before, n
CALL (n) {
  OPTIONAL MATCH (n)-[r:ACTIVE_FOR_LOCATION|ACTIVE_FOR_CATEGORY|ACTIVE_FOR_THEME]->()
  DELETE r
}
CALL (n, row) {
  UNWIND row.activation.locations AS value
  MATCH (x:Location {uid: value})
  MERGE (n)-[:ACTIVE_FOR_LOCATION]->(x)
}
CALL (n, row) {
  UNWIND row.activation.customer_categories AS value
  MATCH (x:CustomerCategory {uid: value})
  MERGE (n)-[:ACTIVE_FOR_CATEGORY]->(x)
}
CALL (n, row) {
  UNWIND row.activation.meeting_themes AS value
  MATCH (x:MeetingTheme {uid: value})
  MERGE (n)-[:ACTIVE_FOR_THEME]->(x)
}
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (n)-[:OFFERS]->(l:ServiceLevel)
  WHERE NOT l.uid IN [level IN row.levels | level.uid]
  DETACH DELETE l
}
CALL (n, row) {
  UNWIND row.levels AS level
  MERGE (l:ServiceLevel {uid: level.uid})
  SET l.name = level.name, l.mode = level.mode
  MERGE (n)-[:OFFERS]->(l)
  WITH l, level
  CALL (l) {
    OPTIONAL MATCH (l)-[r:EXTENDS_TO|LIMITED_TO]->()
    DELETE r
  }
  CALL (l, level) {
    UNWIND level.locations AS value
    MATCH (x:Location {uid: value})
    MERGE (l)-[:EXTENDS_TO]->(x)
  }
  CALL (l, level) {
    UNWIND level.meeting_types AS value
    MATCH (x:MeetingType {uid: value})
    MERGE (l)-[:LIMITED_TO]->(x)
  }
}
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (n)-[r:INCLUDES]->(g)
  WHERE (NOT g.uid IN row.competence_groups)
    AND coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
  SET r.valid_to = $now  // ends the running window; a planned one is dropped below
  WITH r WHERE r.valid_from > $now
  DELETE r
}
CALL (n, row) {
  UNWIND row.competence_groups AS value
  MATCH (g:CompetenceGroup {uid: value})
  WITH DISTINCT n, g
  WHERE NOT EXISTS { (n)-[r:INCLUDES]->(g) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL }
  CREATE (n)-[:INCLUDES {valid_from: $now}]->(g)
}
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (u:User)-[r:MEMBER_OF]->(n)
  WHERE (NOT u.uid IN [m IN row.members | m.user])
    AND coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
  SET r.valid_to = $now  // ends the running window; a planned one is dropped below
  WITH r WHERE r.valid_from > $now
  DELETE r
}
CALL (n, row) {
  // the live window takes the row's (its start kept unless given); none live: a new one
  UNWIND row.members AS member
  MATCH (u:User {uid: member.user})
  OPTIONAL MATCH (u)-[r:MEMBER_OF]->(n)
  WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
  CALL (u, n, r, member) {
    WITH u, n, member WHERE r IS NULL
    CREATE (u)-[:MEMBER_OF {valid_from: coalesce(member.valid_from, $now),
                            valid_to: member.valid_to}]->(n)
  }
  SET r.valid_from = coalesce(member.valid_from, r.valid_from), r.valid_to = member.valid_to
}
CALL (n) {
  RETURN n {.name, .email,
    active: COLLECT { MATCH (n)-[r:ACTIVE_FOR_LOCATION|ACTIVE_FOR_CATEGORY|ACTIVE_FOR_THEME]->(x)
                      RETURN type(r) + ':' + x.uid AS a ORDER BY a },
    levels: COLLECT { MATCH (n)-[:OFFERS]->(l:ServiceLevel)
                      RETURN l {.uid, .name, .mode,
                                to: COLLECT { MATCH (l)-[:EXTENDS_TO|LIMITED_TO]->(x)
                                              RETURN x.uid AS x ORDER BY x }} AS level
                      ORDER BY level.uid },
    groups: COLLECT { MATCH (n)-[l2:INCLUDES WHERE coalesce(l2.valid_to > $now, true) AND l2.substitution IS NULL]->(g) RETURN g.uid ORDER BY g.uid },
    members: COLLECT { MATCH (u:User)-[m:MEMBER_OF]->(n)
                       WHERE coalesce(m.valid_to > $now, true) AND m.substitution IS NULL
                       RETURN [u.uid, coalesce(toString(m.valid_from), ''),
                               coalesce(toString(m.valid_to), '')] AS m ORDER BY u.uid }} AS after
}
WITH created, before, after, n.uid AS uid
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged,
       collect(CASE WHEN created OR before <> after
                    THEN {uid: uid, before: before, after: after} END) AS changed
