// For each advisor in $users: absences and bookings overlapping [$from, $to), as [start, end]
// in epoch milliseconds. The availability search asks this only for the candidates it judges
// (in batches, in lower-bound order), never for every advisor.
// params: $users (uids), $from, $to
// :params {users: ["kari", "ola", "ingrid"], to: datetime("2026-12-12T00:00:00Z"), from: datetime("2026-12-07T00:00:00Z")}
// ready to run on the demo seed:
//   :params {users: ['kari', 'ola'], from: datetime('2030-12-02T00:00:00Z'),
//            to: datetime('2030-12-09T00:00:00Z')}
// columns: user, absences, bookings
// As in advisor_facts.cypher, absences and bookings are matched without their label so the
// planner expands from each advisor.
UNWIND $users AS user_uid
MATCH (u:User {uid: user_uid})
RETURN u.uid AS user,
       COLLECT { MATCH (u)-[:ABSENT]->(a)
                 WHERE a.start < $to AND a.end > $from
                 RETURN [a.start.epochMillis, a.end.epochMillis] } AS absences,
       COLLECT { MATCH (b)-[:WITH_ADVISOR]->(u)
                 WHERE b.status = 'booked' AND b.start < $to AND b.end > $from
                 RETURN [b.start.epochMillis, b.end.epochMillis] } AS bookings
