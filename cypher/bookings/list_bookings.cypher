// A page of the bookings $user may see (their contact is visible to the user, DOMAIN.md
// section 3; admins see all) of one advisor and/or one contact, optionally those meeting
// within [$from, $to) (an advisor's day: from its midnight to the next) and of one status,
// in start order, then uid, after the keyset $after ([start, uid] or null). Times compare
// as instants (epochMillis): the store holds UTC under two spellings (a named zone from the
// seeds, an offset from the API), and Cypher orders equal instants of different zones by
// zone, which would let a page repeat or skip a booking at the cursor.
// The way in is the advisor's or the contact's node (uid index); an advisor's or a
// contact's bookings are a bounded set, and the visibility rule, the same predicate as
// access/contact_access.cypher, stands before the LIMIT.
// params: $user, $advisor, $contact (at least one given), $from, $to, $status (each a value
//         or null), $after ([start as ISO string, uid] or null), $limit
// :params {user: "admin", after: null, advisor: "kari", contact: null, status: null, from: datetime("2026-12-07T00:00:00Z"), to: datetime("2026-12-12T00:00:00Z"), limit: 50}
// columns: booking {uid, start, end, mode, status, created_by, created_at, cancelled_at,
//          advisor {uid, name, email}, contact, meeting_type, location, service_group}
MATCH (me:User {uid: $user})
WHERE me.active
OPTIONAL MATCH (s:Settings {key: 'global'})
WITH me, coalesce(s.second_account_manager_group, false) AS second,
     CASE WHEN $after IS NULL THEN null ELSE datetime($after[0]).epochMillis END AS after_ms
CALL (me) {
  MATCH (:User {uid: $advisor})<-[:WITH_ADVISOR]-(b:Booking)
  RETURN b
  UNION
  MATCH (:Contact {uid: $contact})<-[:FOR_CONTACT]-(b:Booking)
  WHERE $advisor IS NULL
  RETURN b
}
WITH me, second, after_ms, b, b.start.epochMillis AS start_ms
WHERE ($contact IS NULL OR EXISTS { (b)-[:FOR_CONTACT]->(:Contact {uid: $contact}) })
  AND ($status IS NULL OR b.status = $status)
  AND ($from IS NULL OR b.end.epochMillis > $from.epochMillis)
  AND ($to IS NULL OR start_ms < $to.epochMillis)
  AND (after_ms IS NULL OR start_ms > after_ms OR (start_ms = after_ms AND b.uid > $after[1]))
  AND (me.is_admin OR EXISTS {
    MATCH (b)-[:FOR_CONTACT]->(c:Contact)
    WHERE EXISTS {
            MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
            WHERE EXISTS { (me)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= datetime(), true)
                                                     AND coalesce(w1.valid_to > datetime(), true)]->
                           (d) }
               OR EXISTS { (me)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= datetime(), true)
                                                    AND coalesce(w2.valid_to > datetime(), true)]->
                           (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= datetime(), true)
                                                             AND coalesce(w3.valid_to > datetime(), true)]->
                           (d) } }
       OR EXISTS {
            MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
            WHERE (type(m) = 'PRIMARY_MANAGER' OR second)
              AND EXISTS { (me)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= datetime(), true)
                                                    AND coalesce(w4.valid_to > datetime(), true)]->
                           (g) }
              AND EXISTS {
                MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
                WHERE EXISTS { (me)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= datetime(), true)
                                                         AND coalesce(w5.valid_to > datetime(), true)]->
                               (d) }
                   OR EXISTS { (me)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= datetime(), true)
                                                        AND coalesce(w6.valid_to > datetime(), true)]->
                               (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= datetime(), true)
                                                                 AND coalesce(w7.valid_to > datetime(), true)]->
                               (d) } } } })
WITH b, start_ms
ORDER BY start_ms, b.uid
LIMIT toInteger($limit)
MATCH (b)-[:WITH_ADVISOR]->(u:User)
MATCH (b)-[:FOR_CONTACT]->(c:Contact)
MATCH (b)-[:OF_TYPE]->(mt:MeetingType)
OPTIONAL MATCH (b)-[:AT_LOCATION]->(l:Location)
OPTIONAL MATCH (b)-[:VIA_GROUP]->(sg:ServiceGroup)
RETURN b {.uid, .start, .end, .mode, .status, .created_by, .created_at, .cancelled_at,
          advisor: u {.uid, .name, .email}, contact: c.uid, meeting_type: mt.uid,
          location: l.uid, service_group: sg.uid} AS booking
ORDER BY start_ms, b.uid
