// Messages (by $uids, all about $contact, or all on $case; keyset on uid) with what $user
// may read of each (DOMAIN.md section 4): the content only when the user has access to
// the message's area (if any), is its recipient or sender (if private), and belongs to the
// user group it was routed to (if any). A message on a case takes the case's area and
// routed user group. Whether the user sees the contact at all is checked before, with
// access/contact_access. Each way in starts from an index: one of $uids, $contact, $case.
// params: $user, $uids (list or null), $contact (uid or null), $case (uid or null),
//         $after (uid or null), $limit
// :params {user: "kari", uids: null, contact: "nora", case: null, after: null, limit: 50}
// columns: message {uid, contact, case, sent_at, sender, area, private, recipient,
//          user_group, subject, body}, readable, withheld_because
MATCH (u:User {uid: $user})
CALL () {
  UNWIND coalesce($uids, []) AS wanted
  MATCH (m:Message {uid: wanted})
  RETURN m
  UNION
  MATCH (:Contact {uid: $contact})<-[:CONCERNS]-(m:Message)
  RETURN m
  UNION
  MATCH (:Case {uid: $case})<-[:ON_CASE]-(m:Message)
  RETURN m
}
WITH u, m
WHERE $after IS NULL OR m.uid > $after
ORDER BY m.uid
LIMIT toInteger($limit)
MATCH (m)-[:CONCERNS]->(c:Contact)
MATCH (m)-[:SENT_BY]->(sender:User)
OPTIONAL MATCH (m)-[:ON_CASE]->(k:Case)
OPTIONAL MATCH (m)-[:SENT_TO]->(r:User)
WITH u, m, c, k, sender, r,
     coalesce(head(COLLECT { MATCH (m)-[:IN_AREA]->(a:Area) RETURN a }),
              head(COLLECT { MATCH (k)-[:IN_AREA]->(a:Area) RETURN a })) AS a,
     coalesce(head(COLLECT { MATCH (m)-[:ROUTED_TO]->(g:UserGroup) RETURN g }),
              head(COLLECT { MATCH (k)-[:ROUTED_TO]->(g:UserGroup) RETURN g })) AS g
WITH u, m, c, k, sender, a, r, g,
     a IS NULL OR EXISTS { (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= datetime(), true)
                                                    AND coalesce(w1.valid_to > datetime(), true)]->
                           (a) }
       OR EXISTS { (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                           AND coalesce(w2.valid_to > datetime(), true)]->
                   (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= datetime(), true)
                                                     AND coalesce(w3.valid_to > datetime(), true)]->
                   (a) } AS area_ok,
     NOT coalesce(m.private, false) OR r = u OR sender = u AS private_ok,
     g IS NULL OR EXISTS { (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= datetime(), true)
                                                   AND coalesce(w4.valid_to > datetime(), true)]->
                           (g) } AS group_ok
WITH m, c, k, sender, a, r, g, area_ok AND private_ok AND group_ok AS readable,
     [reason IN [CASE WHEN NOT area_ok THEN 'area' END,
                 CASE WHEN NOT private_ok THEN 'private' END,
                 CASE WHEN NOT group_ok THEN 'user_group' END] WHERE reason IS NOT NULL]
       AS withheld_because
RETURN m {.uid, .sent_at, .private, contact: c.uid, case: k.uid, sender: sender.uid,
          area: a.uid, recipient: r.uid, user_group: g.uid,
          subject: CASE WHEN readable THEN m.subject END,
          body: CASE WHEN readable THEN m.body END} AS message,
       readable, withheld_because
ORDER BY m.uid
