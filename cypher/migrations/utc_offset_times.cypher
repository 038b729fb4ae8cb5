// plumbing: not an analyst query (run by `graphsvc db migrate`); left out of the Browser guide
// Data migration (idempotent, run by `graphsvc db migrate`): one spelling of UTC in the
// store. Earlier seed loaders wrote times in the named zone 'UTC', the API writes the
// offset +00:00; Cypher orders one instant in those two spellings as different (`v > $t`
// true while `v = $t` is false), so a window ending exactly at a request's start still
// counted. Every time the seeds wrote is rewritten to the offset spelling, same instant.
// params: none
// columns: rewritten
CALL () {
  MATCH (b:Booking)
  WHERE b.start.timezone = 'UTC' OR b.end.timezone = 'UTC'
  SET b.start = datetime({datetime: b.start, timezone: '+00:00'}),
      b.end = datetime({datetime: b.end, timezone: '+00:00'})
  RETURN count(b) AS n
  UNION ALL
  MATCH (a:Absence)
  WHERE a.start.timezone = 'UTC' OR a.end.timezone = 'UTC'
  SET a.start = datetime({datetime: a.start, timezone: '+00:00'}),
      a.end = datetime({datetime: a.end, timezone: '+00:00'})
  RETURN count(a) AS n
  UNION ALL
  MATCH (k:Case)
  WHERE k.created_at.timezone = 'UTC' OR k.response_due.timezone = 'UTC'
     OR k.resolution_due.timezone = 'UTC' OR k.pull_due.timezone = 'UTC'
  SET k.created_at = datetime({datetime: k.created_at, timezone: '+00:00'}),
      k.response_due = CASE WHEN k.response_due IS NULL THEN null
                       ELSE datetime({datetime: k.response_due, timezone: '+00:00'}) END,
      k.resolution_due = CASE WHEN k.resolution_due IS NULL THEN null
                         ELSE datetime({datetime: k.resolution_due, timezone: '+00:00'}) END,
      k.pull_due = CASE WHEN k.pull_due IS NULL THEN null
                   ELSE datetime({datetime: k.pull_due, timezone: '+00:00'}) END
  RETURN count(k) AS n
  UNION ALL
  MATCH (:User)-[m:MEMBER_OF]->(:ServiceGroup)
  WHERE m.valid_from.timezone = 'UTC' OR m.valid_to.timezone = 'UTC'
  SET m.valid_from = CASE WHEN m.valid_from IS NULL THEN null
                     ELSE datetime({datetime: m.valid_from, timezone: '+00:00'}) END,
      m.valid_to = CASE WHEN m.valid_to IS NULL THEN null
                   ELSE datetime({datetime: m.valid_to, timezone: '+00:00'}) END
  RETURN count(m) AS n
}
RETURN sum(n) AS rewritten
