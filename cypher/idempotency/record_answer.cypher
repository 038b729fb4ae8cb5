// plumbing: not an analyst query (the API's replay store); left out of the Browser guide
// Store the answer of the attempt that holds the key; repeats replay it until it expires.
// params: $uid, $owner, $status, $body
// columns: uid (no row when another attempt took the key over)
MATCH (k:IdempotencyKey {uid: $uid})
WHERE k.owner = $owner
SET k.state = 'done', k.status = $status, k.body = $body
RETURN k.uid AS uid
