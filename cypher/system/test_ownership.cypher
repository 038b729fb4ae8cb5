// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Does the database hold data, and is it marked as the test suite's own?
// params: $owner (label of the mark)
// columns: nodes, owned
MATCH (n)
WHERE NOT n:GraphsvcSchema
WITH count(n) AS nodes
OPTIONAL MATCH (mark) WHERE $owner IN labels(mark)
RETURN nodes, count(mark) > 0 AS owned
