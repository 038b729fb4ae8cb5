// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Record the schema version `graphsvc db migrate` installed (a node `wipe` spares).
// params: $version
// columns: version
MERGE (s:GraphsvcSchema {key: 'graphsvc'})
SET s.version = $version
RETURN s.version AS version
