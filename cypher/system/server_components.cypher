// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Version and edition of the Neo4j server.
// params: none
// columns: version, edition
CALL dbms.components() YIELD name, versions, edition
RETURN versions[0] AS version, edition
