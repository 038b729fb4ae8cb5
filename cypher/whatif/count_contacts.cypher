// plumbing: not an analyst query (a what-if's total, from the count store)
// How many contacts there are: what an admin sees.
// params: none
// columns: contacts
MATCH (c:Contact)
RETURN count(c) AS contacts
