// plumbing: not an analyst query (the API's replay store); left out of the Browser guide
// Delete up to $limit expired idempotency keys (range index on expires_at).
// params: $now, $limit
// columns: purged
MATCH (k:IdempotencyKey)
WHERE k.expires_at <= $now
WITH k LIMIT $limit
DELETE k
RETURN count(*) AS purged
