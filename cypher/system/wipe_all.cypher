// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Delete every node and relationship, in inner transactions of 5,000 nodes, so a database of
// any size is wiped without running out of transaction memory. Must run auto-commit. The
// schema-version mark stays: constraints and indexes outlive a wipe.
// params: none
// columns: none
MATCH (n) WHERE NOT n:GraphsvcSchema
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
