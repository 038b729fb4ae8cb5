// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Record a contact's campaign status in a service area with the advisor it names
// (informational only: it grants no visibility and changes no ownership).
// params: $contact, $area, $status, $advisor (uid or null)
// columns: contact, area, status, advisor
MATCH (c:Contact {uid: $contact})
MATCH (a:Area {uid: $area})
MERGE (s:CampaignStatus {uid: $contact + '|' + $area})
SET s.status = $status
MERGE (s)-[:FOR_CONTACT]->(c)
MERGE (s)-[:IN_AREA]->(a)
WITH s, c, a
OPTIONAL MATCH (s)-[old:NAMES_ADVISOR]->()
DELETE old
WITH DISTINCT s, c, a
CALL (s) {
  MATCH (u:User {uid: $advisor})
  MERGE (s)-[:NAMES_ADVISOR]->(u)
}
RETURN c.uid AS contact, a.uid AS area, s.status AS status, $advisor AS advisor
