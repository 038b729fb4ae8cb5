// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Record a message about a contact: optionally on a case (whose area and routed user group
// then protect it), in an area, privately to a recipient, or routed to a user group.
// params: $message {uid, subject, body, private, sent_at}, $contact, $case, $sender, $area,
//         $recipient, $user_group (uids or null)
// columns: uid
MATCH (c:Contact {uid: $contact})
MATCH (s:User {uid: $sender})
CREATE (m:Message)
SET m = $message
CREATE (m)-[:CONCERNS]->(c), (m)-[:SENT_BY]->(s)
WITH m
CALL (m) { MATCH (k:Case {uid: $case}) CREATE (m)-[:ON_CASE]->(k) }
CALL (m) { MATCH (a:Area {uid: $area}) CREATE (m)-[:IN_AREA]->(a) }
CALL (m) { MATCH (r:User {uid: $recipient}) CREATE (m)-[:SENT_TO]->(r) }
CALL (m) { MATCH (g:UserGroup {uid: $user_group}) CREATE (m)-[:ROUTED_TO]->(g) }
RETURN m.uid AS uid
