// Seed absences (idempotent), stored in UTC.
// params: $rows [{uid, user, start, end, reason}]
// columns: none
UNWIND $rows AS row
MATCH (u:User {uid: row.user})
MERGE (a:Absence {uid: row.uid})
SET a.start = datetime({datetime: datetime(row.start), timezone: 'UTC'}),
    a.end = datetime({datetime: datetime(row.end), timezone: 'UTC'}), a.reason = row.reason
MERGE (u)-[:ABSENT]->(a)
