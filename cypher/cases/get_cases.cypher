// Cases by uid with their contact, area, assignee, SLA and requirements.
// params: $uids
// :params {uids: ["k-demo"]}
// columns: item {uid, subject, domain, severity, status, created_at, updated_at,
//          closed_at, contact, area, assignee, user_group, sla, requirements}
MATCH (k:Case)-[:FOR_CONTACT]->(c:Contact)
WHERE k.uid IN $uids
OPTIONAL MATCH (k)-[:IN_AREA]->(a:Area)
OPTIONAL MATCH (k)-[:ASSIGNED_TO]->(u:User)
OPTIONAL MATCH (k)-[:ROUTED_TO]->(g:UserGroup)
OPTIONAL MATCH (k)-[:UNDER_SLA]->(l:SlaLevel)<-[:HAS_LEVEL]-(contract:SlaContract)
RETURN k {.uid, .subject, .domain, .severity, .status, .created_at, .updated_at, .closed_at,
          .created_by, contact: c.uid, area: a.uid, assignee: u.uid, user_group: g.uid,
          sla: CASE WHEN l IS NULL THEN null ELSE
               {contract: contract.uid, level: l.uid, level_name: l.name,
                severity: l.severity, manual: coalesce(k.sla_manual, false),
                response_due: k.response_due, resolution_due: k.resolution_due} END,
          requirements: COLLECT { MATCH (k)-[r:REQUIRES]->(q:Qualification)
                                  RETURN {qualification: q.uid, min_rating: r.min_rating}
                                  ORDER BY q.uid }} AS item
