// Where an item (case, message) from $contact in processing domain $domain lands: each of
// area, handler and user group comes from the highest-priority contact group of the
// contact that sets it for the domain (ties: the group's uid); an area nobody sets falls
// back to the domain's default area from the settings. Inactive handlers are skipped;
// `handlers` lists the active ones in priority order (the first is responsible; a caller
// that must skip one who cannot see the contact takes the next).
// params: $contact, $domain
// :params {contact: "nora", domain: "helpdesk"}
// columns: area, area_path, handlers [{handler, path}], user_group, user_group_path,
//          default_area, default_user
MATCH (c:Contact {uid: $contact})
CALL (c) {
  OPTIONAL MATCH path = (c)-[:IN_GROUP]->(g:ContactGroup)-[:SETS]->
                        (:Responsibility {domain: $domain})-[:IN_AREA]->(a:Area)
  RETURN a.uid AS area, path AS area_path ORDER BY g.priority DESC, g.uid LIMIT 1
}
CALL (c) {
  OPTIONAL MATCH path = (c)-[:IN_GROUP]->(g:ContactGroup)-[:SETS]->
                        (:Responsibility {domain: $domain})-[:HANDLER]->(u:User)
  WHERE u.active
  WITH u, path ORDER BY g.priority DESC, g.uid
  RETURN collect({handler: u.uid, path: path})[..10] AS handlers
}
CALL (c) {
  OPTIONAL MATCH path = (c)-[:IN_GROUP]->(g:ContactGroup)-[:SETS]->
                        (:Responsibility {domain: $domain})-[:RESTRICTED_TO]->(ug:UserGroup)
  RETURN ug.uid AS user_group, path AS user_group_path
  ORDER BY g.priority DESC, g.uid LIMIT 1
}
OPTIONAL MATCH (:Settings {key: 'global'})-[d:DEFAULT_AREA {domain: $domain}]->(da:Area)
OPTIONAL MATCH (:Settings {key: 'global'})-[:DEFAULT_USER]->(du:User)
RETURN area, area_path, handlers, user_group, user_group_path,
       da.uid AS default_area, du.uid AS default_user
