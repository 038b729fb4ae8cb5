// plumbing: not an analyst query (a what-if's scope); left out of the Browser guide
// The users whose decisions a what-if's changes may change, at $at: those named ($users),
// the members of the named user groups ($user_groups: a directory granted to or revoked
// from them), and the members of the named competence groups and all their subgroups
// ($competence_groups: moved groups), and the members of the named service groups
// ($service_groups: their rules changed; direct, in their window, or through a linked
// competence group), each with its flags.
// params: $users, $user_groups, $competence_groups, $service_groups (uid lists), $at
// columns: uid, active, is_admin
CALL () {
  MATCH (u:User) WHERE u.uid IN $users
  RETURN u
  UNION
  MATCH (u:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                     AND coalesce(w1.valid_to > $at, true)]->(g:UserGroup)
  WHERE g.uid IN $user_groups
  RETURN u
  UNION
  MATCH (u:User)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                     AND coalesce(w2.valid_to > $at, true)]->
        (:CompetenceGroup)-[:CHILD_OF*0..4]->(g:CompetenceGroup)
  WHERE g.uid IN $competence_groups
  RETURN u
  UNION
  MATCH (u:User)-[m:MEMBER_OF]->(sg:ServiceGroup)
  WHERE sg.uid IN $service_groups
    AND coalesce(m.valid_from <= $at, true) AND coalesce(m.valid_to > $at, true)
  RETURN u
  UNION
  MATCH (u:User)-[w3:MEMBER_OF WHERE coalesce(w3.valid_from <= $at, true)
                                     AND coalesce(w3.valid_to > $at, true)]->
        (:CompetenceGroup)-[:CHILD_OF*0..4]->
        (:CompetenceGroup)<-[w4:INCLUDES WHERE coalesce(w4.valid_from <= $at, true)
                                               AND coalesce(w4.valid_to > $at, true)]-
        (sg:ServiceGroup)
  WHERE sg.uid IN $service_groups
  RETURN u
}
RETURN u.uid AS uid, u.active AS active, u.is_admin AS is_admin
ORDER BY uid
