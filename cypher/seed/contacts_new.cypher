// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed contacts known to be new (no contact of the batch exists yet, no uid twice): the same
// nodes, properties and links as contacts.cypher, written with CREATE instead of MERGE, so a
// large initial load does not look up what cannot be there. graphsvc.seed.load_data picks it
// for a batch after one indexed read of the batch's uids.
// params: $rows [{uid, name, email, kind, customer_category, home_location,
//                 directories: [uid], primary_manager_group, secondary_manager_group}]
// columns: none
UNWIND $rows AS row
CREATE (c:Contact {uid: row.uid, name: row.name, email: row.email,
                   kind: coalesce(row.kind, 'customer'),
                   name_key: toLower(row.name), email_key: toLower(row.email),
                   primary_book: CASE WHEN row.primary_manager_group IS NULL THEN null
                                 ELSE row.primary_manager_group + '|' + row.uid END,
                   secondary_book: CASE WHEN row.secondary_manager_group IS NULL THEN null
                                   ELSE row.secondary_manager_group + '|' + row.uid END})
WITH c, row
CALL (c, row) {
  MATCH (cat:CustomerCategory {uid: row.customer_category})
  CREATE (c)-[:IN_CATEGORY]->(cat)
}
CALL (c, row) {
  MATCH (l:Location {uid: row.home_location})
  CREATE (c)-[:HOME_LOCATION]->(l)
}
CALL (c, row) {
  UNWIND coalesce(row.directories, []) AS value
  WITH DISTINCT c, value
  MATCH (d:Directory {uid: value})
  CREATE (c)-[:STORED_IN]->(d)
}
CALL (c, row) {
  MATCH (g:AccountManagerGroup {uid: row.primary_manager_group})
  CREATE (c)-[:PRIMARY_MANAGER]->(g)
}
CALL (c, row) {
  MATCH (g:AccountManagerGroup {uid: row.secondary_manager_group})
  CREATE (c)-[:SECONDARY_MANAGER]->(g)
}
