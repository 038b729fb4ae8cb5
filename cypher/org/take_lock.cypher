// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Take the write lock of a named lock node for the rest of the transaction (created once,
// safely, under its uniqueness constraint). Serialises read-check-write sequences.
// params: $name
// columns: name
MERGE (l:Lock {name: $name})
SET l.taken_at = datetime()
RETURN l.name AS name
