// Contacts with category and home location, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// columns: item {uid, name, email, kind, customer_category, home_location}
MATCH (c:Contact)
WHERE ($uids IS NULL OR c.uid IN $uids) AND ($after IS NULL OR c.uid > $after)
OPTIONAL MATCH (c)-[:IN_CATEGORY]->(cat:CustomerCategory)
OPTIONAL MATCH (c)-[:HOME_LOCATION]->(home:Location)
RETURN c {.uid, .name, .email, .kind, customer_category: cat.uid,
          home_location: home.uid} AS item
ORDER BY c.uid
LIMIT $limit
