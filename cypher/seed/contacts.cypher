// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed contacts: category, home location, directories, account-manager groups (idempotent).
// params: $rows [{uid, name, email, kind, customer_category, home_location,
//                 directories: [uid], primary_manager_group, secondary_manager_group}]
// columns: none
UNWIND $rows AS row
MERGE (c:Contact {uid: row.uid})
SET c.name = row.name, c.email = row.email, c.kind = coalesce(row.kind, 'customer'),
    c.name_key = toLower(row.name), c.email_key = toLower(row.email),
    c.primary_book = CASE WHEN row.primary_manager_group IS NULL THEN null
                     ELSE row.primary_manager_group + '|' + row.uid END,
    c.secondary_book = CASE WHEN row.secondary_manager_group IS NULL THEN null
                       ELSE row.secondary_manager_group + '|' + row.uid END
WITH c, row
CALL (c, row) {
  MATCH (cat:CustomerCategory {uid: row.customer_category})
  MERGE (c)-[:IN_CATEGORY]->(cat)
}
CALL (c, row) {
  MATCH (l:Location {uid: row.home_location})
  MERGE (c)-[:HOME_LOCATION]->(l)
}
CALL (c, row) {
  UNWIND coalesce(row.directories, []) AS value
  MATCH (d:Directory {uid: value})
  MERGE (c)-[:STORED_IN]->(d)
}
CALL (c, row) {
  MATCH (g:AccountManagerGroup {uid: row.primary_manager_group})
  MERGE (c)-[:PRIMARY_MANAGER]->(g)
}
CALL (c, row) {
  MATCH (g:AccountManagerGroup {uid: row.secondary_manager_group})
  MERGE (c)-[:SECONDARY_MANAGER]->(g)
}
