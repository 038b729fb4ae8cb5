// Is the user a member of the team?
// params: $team, $user
// :params {team: "helpdesk-team", user: "kari"}
// columns: team_found, member
OPTIONAL MATCH (t:Team {uid: $team})
RETURN t IS NOT NULL AS team_found,
       EXISTS { (:User {uid: $user})-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= datetime(), true)
                                                         AND coalesce(w1.valid_to > datetime(), true)]->
                (t) } AS member
