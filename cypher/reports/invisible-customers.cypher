// Report: customers no non-admin can see or look after, so none is forgotten.
// - in an 'assigned' directory but with no account-manager group at all, or
// - whose account-manager groups (primary, and secondary while the setting is on) have no
//   active member.
// params: $second (bool: the "second account-manager group" setting), $after (uid or
//         null), $limit
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), after: null, second: false, limit: 50}
// columns: contact, reason, directories
MATCH (c:Contact)-[:STORED_IN]->(d:Directory {visibility: 'assigned'})
WHERE $after IS NULL OR c.uid > $after
WITH c, collect(d.uid) AS directories
WITH c, directories,
     COLLECT { MATCH (c)-[m:PRIMARY_MANAGER|SECONDARY_MANAGER]->(g:AccountManagerGroup)
               WHERE type(m) = 'PRIMARY_MANAGER' OR $second RETURN g } AS groups
WITH c, directories, groups,
     [g IN groups WHERE EXISTS { (g)<-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                                          AND coalesce(w1.valid_to > $at, true)]-
                                 (u:User) WHERE u.active }] AS staffed
WHERE size(staffed) = 0
RETURN c {.uid, .name, .email} AS contact,
       CASE WHEN size(groups) = 0 THEN 'no_account_manager_group'
            ELSE 'no_active_member' END AS reason,
       directories
ORDER BY c.uid
LIMIT toInteger($limit)
