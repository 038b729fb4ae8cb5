// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Grant ($present = true) or withdraw a competence (meeting type, customer category) on a
// competence group. The competence node is shared by every group granting the same pair.
// params: $group, $meeting_type, $customer_category, $present
// columns: group_found, meeting_type_found, category_found, had (granted before)
OPTIONAL MATCH (g:CompetenceGroup {uid: $group})
OPTIONAL MATCH (mt:MeetingType {uid: $meeting_type})
OPTIONAL MATCH (cat:CustomerCategory {uid: $customer_category})
WITH g, mt, cat,
     EXISTS { (g)-[:GRANTS]->(:Competence {uid: $meeting_type + '|' + $customer_category}) }
       AS had
CALL (g, mt, cat) {
  WITH g, mt, cat WHERE g IS NOT NULL AND mt IS NOT NULL AND cat IS NOT NULL AND $present
  MERGE (c:Competence {uid: mt.uid + '|' + cat.uid})
  ON CREATE SET c.meeting_type = mt.uid, c.customer_category = cat.uid,
                c.name = mt.name + ' / ' + cat.name
  MERGE (c)-[:OF_MEETING_TYPE]->(mt)
  MERGE (c)-[:OF_CATEGORY]->(cat)
  MERGE (g)-[:GRANTS]->(c)
}
CALL (g) {
  WITH g WHERE g IS NOT NULL AND NOT $present
  OPTIONAL MATCH (g)-[r:GRANTS]->(:Competence {uid: $meeting_type + '|' + $customer_category})
  DELETE r
}
RETURN g IS NOT NULL AS group_found, mt IS NOT NULL AS meeting_type_found,
       cat IS NOT NULL AS category_found, had
