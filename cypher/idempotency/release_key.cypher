// plumbing: not an analyst query (the API's replay store); left out of the Browser guide
// Give a key back when its attempt ended without an answer worth replaying (the database
// was busy or unreachable): the next repeat runs the request again.
// params: $uid, $owner
// columns: released
OPTIONAL MATCH (k:IdempotencyKey {uid: $uid})
WHERE k.owner = $owner AND k.state = 'pending'
DELETE k
RETURN k IS NOT NULL AS released
