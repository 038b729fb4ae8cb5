// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Serialise every change that could remove an active admin (deactivate, demote, delete):
// take the settings node's lock, then count the active admins other than $uid, so two
// concurrent demotions of the last two admins cannot both pass. Whether $uid is now an
// active admin comes from the same transaction.
// params: $uid
// columns: found, is_active_admin, others
MERGE (s:Settings {key: 'global'})
SET s.admin_lock = coalesce(s.admin_lock, 0) + 1
WITH s
OPTIONAL MATCH (u:User {uid: $uid})
RETURN u IS NOT NULL AS found,
       coalesce(u.is_admin AND u.active, false) AS is_active_admin,
       COUNT { MATCH (o:User) WHERE o.is_admin AND o.active AND o.uid <> $uid } AS others
