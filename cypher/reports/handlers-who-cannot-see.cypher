// Report for the desk lead: responsible handlers who cannot see customers they are
// responsible for, per contact group and processing domain (DOMAIN.md sections 3 and 5).
// A handler set by group g for domain d is first in line for the contacts of g that no
// higher-priority group (priority, then uid, as on creation) gives an active handler for d.
// Among those, the ones the handler cannot see (the visibility rule of
// access/contact_access.cypher; an inactive handler sees none) are skipped on creation and
// land with the next handler or the default user: the configuration says one thing and the
// desk does another. Admin handlers see all and are never listed.
// params: $second (bool: the "second account-manager group" setting), $after ([group uid,
//         domain] or null), $limit
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), after: null, second: false, limit: 50}
// columns: group {uid, name}, domain, handler {uid, name, active}, responsible_for,
//          not_seen, sample (up to 10 contact uids not seen, in uid order)
MATCH (g:ContactGroup)-[:SETS]->(r:Responsibility)-[:HANDLER]->(u:User)
WHERE $after IS NULL OR g.uid > $after[0] OR (g.uid = $after[0] AND r.domain > $after[1])
WITH g, r, u
ORDER BY g.uid, r.domain
MATCH (c:Contact)-[:IN_GROUP]->(g)
WHERE NOT EXISTS {
  MATCH (c)-[:IN_GROUP]->(g2:ContactGroup)-[:SETS]->(:Responsibility {domain: r.domain})
        -[:HANDLER]->(u2:User)
  WHERE u2.active AND g2 <> g
    AND (g2.priority > g.priority OR (g2.priority = g.priority AND g2.uid < g.uid)) }
WITH g, r, u, c,
     u.active AND (u.is_admin OR EXISTS {
       MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'all'})
       WHERE EXISTS { (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                               AND coalesce(w1.valid_to > $at, true)]->(d) }
          OR EXISTS { (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                              AND coalesce(w2.valid_to > $at, true)]->
                      (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= $at, true)
                                                        AND coalesce(w3.valid_to > $at, true)]->
                      (d) } }
     OR EXISTS {
       MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(am:AccountManagerGroup)
       WHERE (type(m) = 'PRIMARY_MANAGER' OR $second)
         AND EXISTS { (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                              AND coalesce(w4.valid_to > $at, true)]->(am) }
         AND EXISTS {
           MATCH (c)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
           WHERE EXISTS { (u)-[w5:CAN_ACCESS WHERE coalesce(w5.valid_from <= $at, true)
                                                   AND coalesce(w5.valid_to > $at, true)]->(d) }
              OR EXISTS { (u)-[w6:MEMBER_OF WHERE coalesce(w6.valid_from <= $at, true)
                                                  AND coalesce(w6.valid_to > $at, true)]->
                          (:UserGroup)-[w7:CAN_ACCESS WHERE coalesce(w7.valid_from <= $at, true)
                                                            AND coalesce(w7.valid_to > $at, true)]->
                          (d) } } }) AS sees
ORDER BY c.uid
WITH g, r, u, count(c) AS responsible_for,
     collect(CASE WHEN sees THEN null ELSE c.uid END) AS hidden
WHERE size(hidden) > 0
RETURN g {.uid, .name} AS group, r.domain AS domain, u {.uid, .name, .active} AS handler,
       responsible_for, size(hidden) AS not_seen, hidden[..10] AS sample
ORDER BY g.uid, domain
LIMIT toInteger($limit)
