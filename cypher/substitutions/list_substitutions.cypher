// Substitutions (issue 15), by uid one page at a time (keyset), or by $uids; with $user
// only those where that user is the substitute or the absent one. Each with the windowed
// memberships it made (ended early: their windows end when it was ended).
// params: $uids (list or null), $user (uid or null), $after (uid or null), $limit
// :params {uids: null, user: null, after: null, limit: 50}
// columns: item {uid, substitute, for_user, scope, valid_from, valid_to, ended_at,
//                created_at, created_by, groups [{uid, name, kind, valid_from, valid_to}]}
MATCH (s:Substitution)-[:SUBSTITUTE]->(sub:User)
MATCH (s)-[:FOR_USER]->(absent:User)
WHERE ($uids IS NULL OR s.uid IN $uids) AND ($after IS NULL OR s.uid > $after)
  AND ($user IS NULL OR sub.uid = $user OR absent.uid = $user)
RETURN s {.uid, .scope, .valid_from, .valid_to, .ended_at, .created_at, .created_by,
          substitute: sub.uid, for_user: absent.uid,
          groups: COLLECT { MATCH (sub)-[r:MEMBER_OF]->(g)
                            WHERE r.substitution = s.uid
                            RETURN {uid: g.uid, name: g.name,
                                    kind: CASE WHEN g:AccountManagerGroup
                                               THEN 'account-manager-group'
                                               WHEN g:CompetenceGroup THEN 'competence-group'
                                               ELSE 'service-group' END,
                                    valid_from: r.valid_from, valid_to: r.valid_to} AS grant
                            ORDER BY grant.kind, grant.uid }} AS item
ORDER BY s.uid
LIMIT toInteger($limit)
