// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Mark the (empty) database as owned by the test suite.
// params: $owner (label of the mark)
// columns: none
MERGE (mark:GraphsvcTestOwner {owner: $owner})
