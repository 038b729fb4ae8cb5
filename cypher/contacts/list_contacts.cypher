// Contacts with category, home location, directories and account-manager groups: the ones
// named in $uids (index seeks), or one page at a time in uid order (keyset, index order).
// Not filtered: callers check visibility first.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, email, kind, customer_category, home_location, directories,
//                primary_manager_group, secondary_manager_group}
CALL () {
  WITH $uids AS uids WHERE uids IS NOT NULL
  UNWIND uids AS wanted
  MATCH (c:Contact {uid: wanted})
  RETURN c
  UNION
  WITH $uids AS uids WHERE uids IS NULL
  MATCH (c:Contact) WHERE c.uid > coalesce($after, '')
  RETURN c ORDER BY c.uid LIMIT toInteger($limit)
}
WITH c ORDER BY c.uid LIMIT toInteger($limit)
OPTIONAL MATCH (c)-[:IN_CATEGORY]->(cat:CustomerCategory)
OPTIONAL MATCH (c)-[:HOME_LOCATION]->(home:Location)
OPTIONAL MATCH (c)-[:PRIMARY_MANAGER]->(primary:AccountManagerGroup)
OPTIONAL MATCH (c)-[:SECONDARY_MANAGER]->(secondary:AccountManagerGroup)
RETURN c {.uid, .name, .email, .kind, customer_category: cat.uid, home_location: home.uid,
          directories: COLLECT { MATCH (c)-[:STORED_IN]->(d:Directory)
                                 RETURN d.uid ORDER BY d.uid },
          primary_manager_group: primary.uid, secondary_manager_group: secondary.uid} AS item
ORDER BY c.uid
