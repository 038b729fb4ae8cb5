// The qualifications a user holds with their ratings.
// params: $user
// :params {user: "kari"}
// columns: qualification, rating
MATCH (:User {uid: $user})-[h:HOLDS]->(q:Qualification)
RETURN q.uid AS qualification, h.rating AS rating
ORDER BY q.uid
