// Contacts with category, home location, directories and account-manager groups, one page
// at a time (keyset), or by $uids. Not filtered: callers check visibility first.
// params: $uids (list or null), $after (uid or null), $limit
// columns: item {uid, name, email, kind, customer_category, home_location, directories,
//                primary_manager_group, secondary_manager_group}
MATCH (c:Contact)
WHERE ($uids IS NULL OR c.uid IN $uids) AND ($after IS NULL OR c.uid > $after)
OPTIONAL MATCH (c)-[:IN_CATEGORY]->(cat:CustomerCategory)
OPTIONAL MATCH (c)-[:HOME_LOCATION]->(home:Location)
OPTIONAL MATCH (c)-[:PRIMARY_MANAGER]->(primary:AccountManagerGroup)
OPTIONAL MATCH (c)-[:SECONDARY_MANAGER]->(secondary:AccountManagerGroup)
RETURN c {.uid, .name, .email, .kind, customer_category: cat.uid, home_location: home.uid,
          directories: COLLECT { MATCH (c)-[:STORED_IN]->(d:Directory)
                                 RETURN d.uid ORDER BY d.uid },
          primary_manager_group: primary.uid, secondary_manager_group: secondary.uid} AS item
ORDER BY c.uid
LIMIT $limit
