// One page (keyset on uid) of the contacts in a contact group, before visibility filtering.
// params: $group, $after (uid or null), $limit
// :params {group: "premium", after: null, limit: 50}
// columns: uid
MATCH (c:Contact)-[:IN_GROUP]->(:ContactGroup {uid: $group})
WHERE $after IS NULL OR c.uid > $after
RETURN c.uid AS uid
ORDER BY uid
LIMIT toInteger($limit)
