// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// The uniqueness constraints in the database.
// params: none
// columns: name, labels, properties
SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties
RETURN name, labelsOrTypes AS labels, properties
ORDER BY name
