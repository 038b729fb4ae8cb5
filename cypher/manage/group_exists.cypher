// Do the group (of $kind "competence-group" or "service-group") and the user exist?
// params: $kind, $group, $user
// :params {kind: "competence-group", group: "retail-west", user: "hanne"}
// columns: group, user
RETURN CASE $kind
         WHEN 'competence-group' THEN EXISTS { MATCH (:CompetenceGroup {uid: $group}) }
         ELSE EXISTS { MATCH (:ServiceGroup {uid: $group}) }
       END AS group,
       EXISTS { MATCH (:User {uid: $user}) } AS user
