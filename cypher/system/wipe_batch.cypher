// plumbing: not an analyst query (the operators' and tests' own); left out of the Browser guide
// Delete up to $batch nodes (and their relationships), sparing nodes labelled $keep and
// the schema-version mark (the schema itself outlives a wipe).
// params: $batch, $keep (label name or null)
// columns: deleted
MATCH (n)
WHERE NOT n:GraphsvcSchema AND ($keep IS NULL OR NOT $keep IN labels(n))
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
