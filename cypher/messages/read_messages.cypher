// Messages (by $uids, or all about $contact; keyset on uid) with what $user may read of each:
// the content only when the user has access to the message's area (if any), is its
// recipient or sender (if private), and belongs to the user group it was routed to (if any).
// Whether the user sees the contact at all is checked before, with access/contact_access.
// params: $user, $uids (list or null), $contact (uid or null), $after (uid or null), $limit
// columns: message {uid, contact, sent_at, sender, area, private, recipient, user_group,
//          subject, body}, readable, withheld_because
MATCH (u:User {uid: $user})
MATCH (m:Message)-[:CONCERNS]->(c:Contact)
WHERE ($uids IS NULL OR m.uid IN $uids) AND ($contact IS NULL OR c.uid = $contact)
  AND ($after IS NULL OR m.uid > $after)
MATCH (m)-[:SENT_BY]->(sender:User)
OPTIONAL MATCH (m)-[:IN_AREA]->(a:Area)
OPTIONAL MATCH (m)-[:SENT_TO]->(r:User)
OPTIONAL MATCH (m)-[:ROUTED_TO]->(g:UserGroup)
WITH u, m, c, sender, a, r, g,
     a IS NULL OR EXISTS { (u)-[:CAN_ACCESS]->(a) }
       OR EXISTS { (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->(a) } AS area_ok,
     NOT coalesce(m.private, false) OR r = u OR sender = u AS private_ok,
     g IS NULL OR EXISTS { (u)-[:MEMBER_OF]->(g) } AS group_ok
WITH m, c, sender, a, r, g, area_ok AND private_ok AND group_ok AS readable,
     [reason IN [CASE WHEN NOT area_ok THEN 'area' END,
                 CASE WHEN NOT private_ok THEN 'private' END,
                 CASE WHEN NOT group_ok THEN 'user_group' END] WHERE reason IS NOT NULL]
       AS withheld_because
RETURN m {.uid, .sent_at, .private, contact: c.uid, sender: sender.uid, area: a.uid,
          recipient: r.uid, user_group: g.uid,
          subject: CASE WHEN readable THEN m.subject END,
          body: CASE WHEN readable THEN m.body END} AS message,
       readable, withheld_because
ORDER BY m.uid
LIMIT $limit
