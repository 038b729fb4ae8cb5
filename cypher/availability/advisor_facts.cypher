// For each advisor in $users: the competence paths to (meeting type, customer category),
// whether the advisor is unrestricted (no effective competence at all), and absences and
// bookings overlapping [$from, $to). Weekly working hours come with reach.cypher's answer.
// params: $users (uids), $competence ("<meeting type>|<category>"), $from, $to
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), users: ["kari", "ola", "ingrid"], competence: "mortgage|private", to: datetime("2026-12-12T00:00:00Z"), from: datetime("2026-12-07T00:00:00Z")}
// columns: user, competence_paths, unrestricted, absences, bookings
//   (absences and bookings as [start, end] in epoch milliseconds: cheap to ship and decode)
// The absence and booking nodes are matched without their label on purpose: that keeps the
// planner expanding from each advisor instead of seeking a label index over all bookings
// (which it picks for long $users lists, thousands of times slower).
UNWIND $users AS user_uid
MATCH (u:User {uid: user_uid})
CALL (u) {
  OPTIONAL MATCH granted = (u)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= $at, true)
                                                   AND coalesce(w1.valid_to > $at, true)]->
                           (:CompetenceGroup)-[:CHILD_OF*0..4]->
                           (:CompetenceGroup)-[:GRANTS]->(:Competence {uid: $competence})
  RETURN collect(granted) AS competence_paths
}
RETURN u.uid AS user, competence_paths,
       NOT EXISTS { (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                            AND coalesce(w2.valid_to > $at, true)]->
                    (:CompetenceGroup)-[:CHILD_OF*0..4]->
                    (:CompetenceGroup)-[:GRANTS]->(:Competence) } AS unrestricted,
       COLLECT { MATCH (u)-[:ABSENT]->(a)
                 WHERE a.start < $to AND a.end > $from
                 RETURN [a.start.epochMillis, a.end.epochMillis] } AS absences,
       COLLECT { MATCH (b)-[:WITH_ADVISOR]->(u)
                 WHERE b.status = 'booked' AND b.start < $to AND b.end > $from
                 RETURN [b.start.epochMillis, b.end.epochMillis] } AS bookings
