// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Set a contact's customer category and home location (null removes it).
// params: $uid, $customer_category (uid or null), $home_location (uid or null),
//         $set_category (bool), $set_home (bool)
// columns: uid
MATCH (c:Contact {uid: $uid})
CALL (c) {
  WITH c WHERE $set_category
  OPTIONAL MATCH (c)-[old:IN_CATEGORY]->()
  DELETE old
  WITH DISTINCT c
  MATCH (cat:CustomerCategory {uid: $customer_category})
  MERGE (c)-[:IN_CATEGORY]->(cat)
}
CALL (c) {
  WITH c WHERE $set_home
  OPTIONAL MATCH (c)-[old:HOME_LOCATION]->()
  DELETE old
  WITH DISTINCT c
  MATCH (l:Location {uid: $home_location})
  MERGE (c)-[:HOME_LOCATION]->(l)
}
RETURN c.uid AS uid
