// Delete every node and relationship, in inner transactions of 5,000 nodes, so a database of
// any size is wiped without running out of transaction memory. Must run auto-commit.
// params: none
// columns: none
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
