// plumbing: not an analyst query (the API's replay store); left out of the Browser guide
// Claim an idempotency key for one attempt, or find who holds it. The uniqueness
// constraint on IdempotencyKey.uid makes concurrent MERGEs of one key wait for each other,
// so exactly one attempt creates it. An expired key, or a pending one whose attempt was
// abandoned (claimed before $stale_before), is taken over by this attempt.
// params: $uid, $fingerprint, $owner, $now, $expires_at, $stale_before
// columns: mine, fingerprint, state, status, body
MERGE (k:IdempotencyKey {uid: $uid})
  ON CREATE SET k.fingerprint = $fingerprint, k.state = 'pending', k.owner = $owner,
                k.claimed_at = $now, k.expires_at = $expires_at
WITH k,
     k.owner <> $owner AND (k.expires_at <= $now
                            OR (k.state = 'pending' AND k.claimed_at < $stale_before))
     AS take_over
FOREACH (_ IN CASE WHEN take_over THEN [1] ELSE [] END |
  SET k.fingerprint = $fingerprint, k.state = 'pending', k.owner = $owner,
      k.claimed_at = $now, k.expires_at = $expires_at, k.status = null, k.body = null)
RETURN k.owner = $owner AS mine, k.fingerprint AS fingerprint, k.state AS state,
       k.status AS status, k.body AS body
