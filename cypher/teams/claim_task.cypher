// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Claim one task for a member: take the task's lock first, then check it is still open.
// No row when another member claimed it first.
// params: $uid, $user, $at
// columns: uid
MATCH (x:Task {uid: $uid})
SET x.claim_lock = $user
WITH x
WHERE x.status = 'open'
MATCH (u:User {uid: $user})
CREATE (x)-[:CLAIMED_BY]->(u)
SET x.status = 'claimed', x.claimed_at = $at
RETURN x.uid AS uid
