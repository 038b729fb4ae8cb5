// What a contact group sets per processing domain.
// params: $group
// :params {group: "premium"}
// columns: item {domain, area, handler, user_group}
MATCH (:ContactGroup {uid: $group})-[:SETS]->(r:Responsibility)
OPTIONAL MATCH (r)-[:IN_AREA]->(a:Area)
OPTIONAL MATCH (r)-[:HANDLER]->(u:User)
OPTIONAL MATCH (r)-[:RESTRICTED_TO]->(ug:UserGroup)
RETURN {domain: r.domain, area: a.uid, handler: u.uid, user_group: ug.uid} AS item
ORDER BY r.domain
