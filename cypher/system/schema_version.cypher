// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// The schema version `graphsvc db migrate` last installed (null before the first migrate):
// /readyz compares it with the running code's.
// params: none
// columns: version
OPTIONAL MATCH (s:GraphsvcSchema {key: 'graphsvc'})
RETURN s.version AS version
