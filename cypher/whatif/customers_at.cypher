// The customers of each (category, home location) in $keys: how many, and the first
// $limit by uid (a what-if's customers who gain or lose an advisor).
// params: $keys ([[category uid, location uid]]), $limit
// :params {keys: [["private", "bergen"]], limit: 50}
// columns: key, customers, first
UNWIND $keys AS key
MATCH (:Location {uid: key[1]})<-[:HOME_LOCATION]-(c:Contact)
      -[:IN_CATEGORY]->(:CustomerCategory {uid: key[0]})
WITH key, c ORDER BY c.uid
RETURN key, count(c) AS customers, collect(c.uid)[..toInteger($limit)] AS first
