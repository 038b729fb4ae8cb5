// May user $uid change these groups (DOMAIN.md section 1, "Group managers")? A competence
// group is changed by a manager of it or of a group above it; `strict` needs a manager of a
// group strictly above it (deleting a group). A service group is changed by its own managers.
// For each group asked about: whether it exists and the shortest managing path (null: none).
// An unknown or inactive user gives no row.
// params: $uid, $competence_groups [{group, strict}], $service_groups [uid]
// :params {uid: "hanne", competence_groups: [{group: "retail-bergen", strict: false}], service_groups: ["west-coast-mortgage"]}
// columns: uid, is_admin, competence [{group, found, path}], service [{group, found, path}]
MATCH (u:User {uid: $uid})
WHERE u.active
CALL (u) {
  UNWIND $competence_groups AS need
  OPTIONAL MATCH (t:CompetenceGroup {uid: need.group})
  OPTIONAL MATCH p = (u)-[:MANAGES]->(:CompetenceGroup)<-[:CHILD_OF*0..4]-(t)
  WHERE NOT need.strict OR length(p) > 1
  WITH need, t, p
  ORDER BY length(p)
  WITH need, t, collect(p) AS paths
  RETURN collect({group: need.group, found: t IS NOT NULL, path: paths[0]}) AS competence
}
CALL (u) {
  UNWIND $service_groups AS need
  OPTIONAL MATCH (t:ServiceGroup {uid: need})
  OPTIONAL MATCH p = (u)-[:MANAGES]->(t)
  RETURN collect({group: need, found: t IS NOT NULL, path: p}) AS service
}
RETURN u.uid AS uid, coalesce(u.is_admin, false) AS is_admin, competence, service
