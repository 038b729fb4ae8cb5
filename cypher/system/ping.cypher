// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// The floor of a round trip: a query that touches nothing (benchmarks time decisions as a
// ratio to it).
// params: none
// columns: one
RETURN 1 AS one
