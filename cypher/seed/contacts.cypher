// Seed contacts with category and home location (idempotent).
// params: $rows [{uid, name, email, kind, customer_category, home_location}]
// columns: none
UNWIND $rows AS row
MERGE (c:Contact {uid: row.uid})
SET c.name = row.name, c.email = row.email, c.kind = coalesce(row.kind, 'customer')
WITH c, row
CALL (c, row) {
  MATCH (cat:CustomerCategory {uid: row.customer_category})
  MERGE (c)-[:IN_CATEGORY]->(cat)
}
CALL (c, row) {
  MATCH (l:Location {uid: row.home_location})
  MERGE (c)-[:HOME_LOCATION]->(l)
}
