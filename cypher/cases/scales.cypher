// The rating scales of the given qualifications.
// params: $uids
// :params {uids: ["mortgage-law"]}
// columns: uid, scale_min, scale_max
MATCH (q:Qualification)
WHERE q.uid IN $uids
RETURN q.uid AS uid, q.scale_min AS scale_min, q.scale_max AS scale_max
