// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// A substitution (issue 15): $substitute covers for $for_user in [$from, $to). Every
// membership of the absent user's groups in scope (account-manager groups; with $scope
// 'all' also competence and service groups) that overlaps the window, the absent user's
// own (not one made by another substitution), is given to the substitute as a windowed
// membership marked with its provenance: from $from (or that membership's later start) to
// $to (or its earlier end). The windows end by themselves: no job runs at $to.
// params: $uid, $substitute, $for_user, $from, $to, $scope, $now, $by
// columns: uid, groups [{uid, name, kind, valid_from, valid_to}]
MATCH (sub:User {uid: $substitute}), (absent:User {uid: $for_user})
CREATE (s:Substitution {uid: $uid, scope: $scope, valid_from: $from, valid_to: $to,
                        created_at: $now, created_by: $by})
CREATE (s)-[:SUBSTITUTE]->(sub), (s)-[:FOR_USER]->(absent)
WITH s, sub, absent
CALL (s, sub, absent) {
  MATCH (absent)-[m:MEMBER_OF]->(g)
  WHERE m.substitution IS NULL
    AND (g:AccountManagerGroup OR ($scope = 'all' AND (g:CompetenceGroup OR g:ServiceGroup)))
    AND coalesce(m.valid_from < $to, true) AND coalesce(m.valid_to > $from, true)
  CREATE (sub)-[r:MEMBER_OF]->(g)
  SET r.valid_from = CASE WHEN m.valid_from > $from THEN m.valid_from ELSE $from END,
      r.valid_to = CASE WHEN m.valid_to < $to THEN m.valid_to ELSE $to END,
      r.substitution = s.uid, r.substituting_for = absent.uid
  RETURN collect({uid: g.uid, name: g.name,
                  kind: CASE WHEN g:AccountManagerGroup THEN 'account-manager-group'
                             WHEN g:CompetenceGroup THEN 'competence-group'
                             ELSE 'service-group' END,
                  valid_from: r.valid_from, valid_to: r.valid_to}) AS groups
}
RETURN s.uid AS uid, groups
