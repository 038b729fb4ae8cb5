// plumbing: not an analyst query (run by `graphsvc db migrate`); left out of the Browser guide
// Data migration (idempotent, run by `graphsvc db migrate`): every contact's book keys,
// '<account-manager group uid>|<contact uid>' for its primary and secondary group (null
// without one), which visible_by_books.cypher walks in order. Rewrites only the contacts
// whose keys are missing or stale, in inner transactions of 10,000 (it must run
// auto-commit, as `graphsvc db migrate` runs it).
// params: none
// columns: rewritten
MATCH (c:Contact)
OPTIONAL MATCH (c)-[:PRIMARY_MANAGER]->(p:AccountManagerGroup)
OPTIONAL MATCH (c)-[:SECONDARY_MANAGER]->(s:AccountManagerGroup)
WITH c, CASE WHEN p IS NULL THEN '' ELSE p.uid + '|' + c.uid END AS primary_book,
     CASE WHEN s IS NULL THEN '' ELSE s.uid + '|' + c.uid END AS secondary_book
WHERE coalesce(c.primary_book, '') <> primary_book
   OR coalesce(c.secondary_book, '') <> secondary_book
CALL (c, primary_book, secondary_book) {
  SET c.primary_book = CASE WHEN primary_book = '' THEN null ELSE primary_book END,
      c.secondary_book = CASE WHEN secondary_book = '' THEN null ELSE secondary_book END
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(c) AS rewritten
