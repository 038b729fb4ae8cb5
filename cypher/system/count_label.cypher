// How many nodes carry the label $label (used by tests and reports).
// params: $label
// columns: count
MATCH (n) WHERE $label IN labels(n)
RETURN count(n) AS count
