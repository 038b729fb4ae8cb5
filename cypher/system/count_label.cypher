// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// How many nodes carry the label $label (used by tests and reports).
// params: $label
// columns: count
MATCH (n) WHERE $label IN labels(n)
RETURN count(n) AS count
