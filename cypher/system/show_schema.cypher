// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Every constraint and index by name (a uniqueness constraint by its own name, not its
// index's): `graphsvc db migrate` reports what it created.
// params: none
// columns: name
SHOW INDEXES YIELD name, owningConstraint
RETURN coalesce(owningConstraint, name) AS name
