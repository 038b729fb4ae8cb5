// Is the user a member of the team?
// params: $team, $user
// :params {team: "helpdesk-team", user: "kari"}
// columns: team_found, member
OPTIONAL MATCH (t:Team {uid: $team})
RETURN t IS NOT NULL AS team_found,
       EXISTS { (:User {uid: $user})-[:MEMBER_OF]->(t) } AS member
