// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// How many nodes, relationships and properties (of both) the database holds.
// Plumbing for tests ("a refused change writes nothing"), not an analyst query.
// params: none
// columns: nodes, relationships, properties
CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS node_properties }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships,
                                  sum(size(keys(r))) AS relationship_properties }
RETURN nodes, relationships, node_properties + relationship_properties AS properties
