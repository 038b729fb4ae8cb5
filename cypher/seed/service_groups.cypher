// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed service groups: activation rules, service levels, linked competence groups and
// direct members with optional windows (idempotent). Window ends are written in UTC as the
// offset +00:00, the spelling the API (the driver) gives Python's UTC times: one spelling in
// the store, so equal instants compare equal.
// params: $rows [{uid, name, email,
//                 activation: {locations, customer_categories, meeting_themes},
//                 levels: [{uid, name, mode, locations, meeting_types}],
//                 competence_groups: [uid], members: [{user, valid_from, valid_to}]}]
// columns: none
UNWIND $rows AS row
MERGE (sg:ServiceGroup {uid: row.uid})
SET sg.name = row.name, sg.email = row.email
WITH sg, row
CALL (sg, row) {
  UNWIND coalesce(row.activation.locations, []) AS value
  MATCH (l:Location {uid: value})
  MERGE (sg)-[:ACTIVE_FOR_LOCATION]->(l)
}
CALL (sg, row) {
  UNWIND coalesce(row.activation.customer_categories, []) AS value
  MATCH (c:CustomerCategory {uid: value})
  MERGE (sg)-[:ACTIVE_FOR_CATEGORY]->(c)
}
CALL (sg, row) {
  UNWIND coalesce(row.activation.meeting_themes, []) AS value
  MATCH (t:MeetingTheme {uid: value})
  MERGE (sg)-[:ACTIVE_FOR_THEME]->(t)
}
CALL (sg, row) {
  UNWIND coalesce(row.levels, []) AS level
  MERGE (lvl:ServiceLevel {uid: level.uid})
  SET lvl.name = level.name, lvl.mode = level.mode
  MERGE (sg)-[:OFFERS]->(lvl)
  WITH lvl, level
  CALL (lvl, level) {
    UNWIND coalesce(level.locations, []) AS value
    MATCH (l:Location {uid: value})
    MERGE (lvl)-[:EXTENDS_TO]->(l)
  }
  CALL (lvl, level) {
    UNWIND coalesce(level.meeting_types, []) AS value
    MATCH (mt:MeetingType {uid: value})
    MERGE (lvl)-[:LIMITED_TO]->(mt)
  }
}
CALL (sg, row) {
  UNWIND coalesce(row.competence_groups, []) AS value
  MATCH (g:CompetenceGroup {uid: value})
  MERGE (sg)-[:INCLUDES]->(g)
}
CALL (sg, row) {
  UNWIND coalesce(row.members, []) AS m
  MATCH (u:User {uid: m.user})
  MERGE (u)-[r:MEMBER_OF]->(sg)
  SET r.valid_from = CASE WHEN m.valid_from IS NULL THEN null
                     ELSE datetime({datetime: datetime(m.valid_from), timezone: '+00:00'}) END,
      r.valid_to = CASE WHEN m.valid_to IS NULL THEN null
                   ELSE datetime({datetime: datetime(m.valid_to), timezone: '+00:00'}) END
}
CALL (sg, row) {
  UNWIND coalesce(row.managers, []) AS manager
  MATCH (u:User {uid: manager})
  MERGE (u)-[:MANAGES]->(sg)
}
