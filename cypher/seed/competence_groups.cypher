// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed competence groups with their parent, members and competences (idempotent).
// Seeds are trusted: the 5-layer limit is the seed author's to keep.
// params: $rows [{uid, name, parent, members: [user uid],
//                 competences: [{meeting_type, customer_category}]}]
// columns: none
UNWIND $rows AS row
MERGE (g:CompetenceGroup {uid: row.uid})
SET g.name = row.name
WITH g, row
CALL (g, row) {
  WITH g, row WHERE row.parent IS NOT NULL
  MERGE (p:CompetenceGroup {uid: row.parent})
  MERGE (g)-[:CHILD_OF]->(p)
}
CALL (g, row) {
  UNWIND coalesce(row.members, []) AS user_uid
  MATCH (u:User {uid: user_uid})
  MERGE (u)-[:MEMBER_OF]->(g)
}
CALL (g, row) {
  UNWIND coalesce(row.competences, []) AS pair
  MATCH (mt:MeetingType {uid: pair.meeting_type})
  MATCH (cat:CustomerCategory {uid: pair.customer_category})
  MERGE (c:Competence {uid: mt.uid + '|' + cat.uid})
  ON CREATE SET c.meeting_type = mt.uid, c.customer_category = cat.uid,
                c.name = mt.name + ' / ' + cat.name
  MERGE (c)-[:OF_MEETING_TYPE]->(mt)
  MERGE (c)-[:OF_CATEGORY]->(cat)
  MERGE (g)-[:GRANTS]->(c)
}
CALL (g, row) {
  UNWIND coalesce(row.managers, []) AS manager
  MATCH (u:User {uid: manager})
  MERGE (u)-[:MANAGES]->(g)
}
