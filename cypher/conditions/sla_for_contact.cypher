// The SLA a new case of $contact gets: the contract of the contact's highest-priority
// contact group that has one (ties: the group's uid), at the contract's default level.
// params: $contact
// :params {contact: "nora"}
// columns: contract, contact_group, level {uid, name, severity, response_minutes,
//          resolution_minutes}, path (no row when no group has a contract)
MATCH path = (:Contact {uid: $contact})-[:IN_GROUP]->(g:ContactGroup)-[:HAS_SLA]->
             (k:SlaContract)-[:DEFAULT_LEVEL]->(l:SlaLevel)
RETURN k.uid AS contract, g.uid AS contact_group,
       l {.uid, .name, .severity, .response_minutes, .resolution_minutes} AS level, path
ORDER BY g.priority DESC, g.uid ASC
LIMIT 1
