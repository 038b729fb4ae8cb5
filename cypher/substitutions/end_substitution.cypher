// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// End a substitution early, at $now (idempotent): the substitute's memberships it made end
// now (those not started yet are dropped: they have no past to keep); the substitution
// records when it was ended, unless it had ended by itself already.
// params: $uid, $now
// columns: uid (no row: no such substitution)
MATCH (s:Substitution {uid: $uid})-[:SUBSTITUTE]->(sub:User)
CALL (s, sub) {
  MATCH (sub)-[r:MEMBER_OF]->()
  WHERE r.substitution = s.uid AND r.valid_from > $now
  DELETE r
}
CALL (s, sub) {
  MATCH (sub)-[r:MEMBER_OF]->()
  WHERE r.substitution = s.uid AND coalesce(r.valid_to > $now, true)
  SET r.valid_to = $now
}
SET s.ended_at = coalesce(s.ended_at, CASE WHEN s.valid_to > $now THEN $now END)
RETURN s.uid AS uid
