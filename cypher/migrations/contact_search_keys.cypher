// plumbing: not an analyst query (run by `graphsvc db migrate`); left out of the Browser guide
// Data migration (idempotent, run by `graphsvc db migrate`): every contact's search keys,
// its name and email lowercased, which the visible-contacts search seeks and walks in name
// order. Rewrites only the contacts whose keys are missing or stale, in inner
// transactions of 10,000 (it must run auto-commit, as `graphsvc db migrate` runs it).
// params: none
// columns: rewritten
MATCH (c:Contact)
WHERE c.name_key IS NULL OR c.name_key <> toLower(c.name)
   OR coalesce(c.email_key, '') <> coalesce(toLower(c.email), '')
CALL (c) {
  SET c.name_key = toLower(c.name), c.email_key = toLower(c.email)
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(c) AS rewritten
