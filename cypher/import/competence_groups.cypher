// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert competence groups by uid: parent (null: a root), members and competences
// (meeting type x customer category); $replace makes members and competences exactly the
// lists given, otherwise they are added. The 5-layer rule is checked after the section
// (check_competence_tree.cypher), in the same transaction.
// params: $rows [{uid, name, parent, members: [user uid],
//                 competences: [{meeting_type, customer_category}]}], $replace (bool),
//         $now (a new grant's window starts then)
// columns: created, updated, unchanged, changed [{uid, before, after}] (for the groups' history)
UNWIND $rows AS row
OPTIONAL MATCH (old:CompetenceGroup {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name,
          parent: COLLECT { MATCH (old)-[:CHILD_OF]->(p) RETURN p.uid },
          members: COLLECT { MATCH (u:User)-[l1:MEMBER_OF WHERE coalesce(l1.valid_to > $now, true) AND l1.substitution IS NULL]->(old) RETURN u.uid ORDER BY u.uid },
          competences: COLLECT { MATCH (old)-[:GRANTS]->(c) RETURN c.uid ORDER BY c.uid }}
     AS before
MERGE (n:CompetenceGroup {uid: row.uid})
SET n.name = row.name
WITH row, created, before, n
CALL (n, row) {
  OPTIONAL MATCH (n)-[r:CHILD_OF]->(p)
  WHERE row.parent IS NULL OR p.uid <> row.parent
  DELETE r
}
CALL (n, row) {
  MATCH (p:CompetenceGroup {uid: row.parent})
  MERGE (n)-[:CHILD_OF]->(p)
}
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (u:User)-[r:MEMBER_OF]->(n)
  WHERE (NOT u.uid IN row.members)
    AND coalesce(r.valid_to > $now, true) AND r.substitution IS NULL
  SET r.valid_to = $now  // ends the running window; a planned one is dropped below
  WITH r WHERE r.valid_from > $now
  DELETE r
}
CALL (n, row) {
  UNWIND row.members AS value
  MATCH (u:User {uid: value})
  WITH DISTINCT u, n
  WHERE NOT EXISTS { (u)-[r:MEMBER_OF]->(n) WHERE coalesce(r.valid_to > $now, true) AND r.substitution IS NULL }
  CREATE (u)-[:MEMBER_OF {valid_from: $now}]->(n)
}
CALL (n, row) {
  WITH n, row WHERE $replace
  OPTIONAL MATCH (n)-[r:GRANTS]->(c:Competence)
  WHERE NOT c.uid IN [pair IN row.competences | pair.meeting_type + '|' + pair.customer_category]
  DELETE r
}
CALL (n, row) {
  UNWIND row.competences AS pair
  MATCH (mt:MeetingType {uid: pair.meeting_type})
  MATCH (cat:CustomerCategory {uid: pair.customer_category})
  MERGE (c:Competence {uid: mt.uid + '|' + cat.uid})
  ON CREATE SET c.meeting_type = mt.uid, c.customer_category = cat.uid,
                c.name = mt.name + ' / ' + cat.name
  MERGE (c)-[:OF_MEETING_TYPE]->(mt)
  MERGE (c)-[:OF_CATEGORY]->(cat)
  MERGE (n)-[:GRANTS]->(c)
}
WITH created, before, n.uid AS uid,
     n {.name,
        parent: COLLECT { MATCH (n)-[:CHILD_OF]->(p) RETURN p.uid },
        members: COLLECT { MATCH (u:User)-[l2:MEMBER_OF WHERE coalesce(l2.valid_to > $now, true) AND l2.substitution IS NULL]->(n) RETURN u.uid ORDER BY u.uid },
        competences: COLLECT { MATCH (n)-[:GRANTS]->(c) RETURN c.uid ORDER BY c.uid }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged,
       collect(CASE WHEN created OR before <> after
                    THEN {uid: uid, before: before, after: after} END) AS changed
