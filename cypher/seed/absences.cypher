// plumbing: not an analyst query (the demo seed's loaders); left out of the Browser guide
// Seed absences (idempotent), stored in UTC.
// UTC is written as the offset +00:00, the spelling the API (the driver) gives Python's UTC
// times: one spelling in the store, so equal instants compare equal.
// params: $rows [{uid, user, start, end, reason}]
// columns: none
UNWIND $rows AS row
MATCH (u:User {uid: row.user})
MERGE (a:Absence {uid: row.uid})
SET a.start = datetime({datetime: datetime(row.start), timezone: '+00:00'}),
    a.end = datetime({datetime: datetime(row.end), timezone: '+00:00'}), a.reason = row.reason
MERGE (u)-[:ABSENT]->(a)
