// plumbing: not an analyst query (the bulk sync's loaders); left out of the Browser guide
// Import: upsert contacts by uid, as POST/PATCH /contacts set them: category, home location
// and account-manager groups (null: none), and the whole set of directories.
// params: $rows [{uid, name, email, kind, customer_category, home_location,
//                 directories: [uid], primary_manager_group, secondary_manager_group}],
//         $replace (unused)
// columns: created, updated, unchanged
// (Fingerprints hold no null: in Cypher a map or list with a null equals nothing.)
UNWIND $rows AS row
OPTIONAL MATCH (old:Contact {uid: row.uid})
WITH row, old IS NULL AS created,
     old {.name, .kind, email: coalesce(old.email, ''),
          links: COLLECT { MATCH (old)-[r:IN_CATEGORY|HOME_LOCATION|STORED_IN|PRIMARY_MANAGER|
                                         SECONDARY_MANAGER]->(x)
                           RETURN type(r) + ':' + x.uid AS link ORDER BY link }} AS before
MERGE (n:Contact {uid: row.uid})
SET n.name = row.name, n.email = row.email, n.kind = row.kind,
    n.name_key = toLower(row.name), n.email_key = toLower(row.email),
    n.primary_book = CASE WHEN row.primary_manager_group IS NULL THEN null
                     ELSE row.primary_manager_group + '|' + row.uid END,
    n.secondary_book = CASE WHEN row.secondary_manager_group IS NULL THEN null
                       ELSE row.secondary_manager_group + '|' + row.uid END
WITH row, created, before, n,
     [['IN_CATEGORY', row.customer_category], ['HOME_LOCATION', row.home_location],
      ['PRIMARY_MANAGER', row.primary_manager_group],
      ['SECONDARY_MANAGER', row.secondary_manager_group]]
     + [d IN row.directories | ['STORED_IN', d]] AS wanted
CALL (n, wanted) {
  OPTIONAL MATCH (n)-[r:IN_CATEGORY|HOME_LOCATION|STORED_IN|PRIMARY_MANAGER|SECONDARY_MANAGER]
                 ->(x)
  WHERE NOT [type(r), x.uid] IN wanted
  DELETE r
}
CALL (n, row) {
  MATCH (x:CustomerCategory {uid: row.customer_category})
  MERGE (n)-[:IN_CATEGORY]->(x)
}
CALL (n, row) {
  MATCH (x:Location {uid: row.home_location})
  MERGE (n)-[:HOME_LOCATION]->(x)
}
CALL (n, row) {
  UNWIND row.directories AS value
  MATCH (x:Directory {uid: value})
  MERGE (n)-[:STORED_IN]->(x)
}
CALL (n, row) {
  MATCH (x:AccountManagerGroup {uid: row.primary_manager_group})
  MERGE (n)-[:PRIMARY_MANAGER]->(x)
}
CALL (n, row) {
  MATCH (x:AccountManagerGroup {uid: row.secondary_manager_group})
  MERGE (n)-[:SECONDARY_MANAGER]->(x)
}
WITH created, before,
     n {.name, .kind, email: coalesce(n.email, ''),
        links: COLLECT { MATCH (n)-[r:IN_CATEGORY|HOME_LOCATION|STORED_IN|PRIMARY_MANAGER|
                                     SECONDARY_MANAGER]->(x)
                         RETURN type(r) + ':' + x.uid AS link ORDER BY link }} AS after
RETURN count(CASE WHEN created THEN 1 END) AS created,
       count(CASE WHEN NOT created AND before <> after THEN 1 END) AS updated,
       count(CASE WHEN NOT created AND before = after THEN 1 END) AS unchanged
