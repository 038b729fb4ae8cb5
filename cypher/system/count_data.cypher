// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// How many nodes of data the database holds (the schema-version mark is not data).
// params: none
// columns: nodes
MATCH (n)
WHERE NOT n:GraphsvcSchema
RETURN count(n) AS nodes
