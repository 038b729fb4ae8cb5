// How to list the contacts a user sees at the cost of the page (issue 10): from the user's
// side (expand every reachable contact, keep the page) costs the user's reach R; walking
// the contact uid index and checking each contact from its own side costs about
// limit x N / R contacts. The service takes the cheaper: the index walk when
// R * R > limit * N. R is read from degrees the store keeps (the contacts of each reachable
// 'all' directory, and the books of the user's account-manager groups), N from the count
// store: nothing here walks a directory.
// A search (search_*.cypher) also weighs the contacts its filters start from, each read
// from the degree store the same way (null: no such filter; -1: it names nothing), and the
// contacts whose name or email starts with $q (an index range, counted up to 10,000).
// params: $user, $directory, $category, $home, $q (each uid or prefix may be null)
//         $at (datetime: the grants valid at that instant decide; issue 15)
// :params {at: datetime(), user: "kari", directory: null, category: "private", home: null, q: "no"}
// A user whose reach is all in its books (no 'all' directory) is listed book by book in
// contact-uid order instead (visible_by_books.cypher): that costs the page whatever R is.
// columns: active, admin, contacts, reach, in_all, in_books, in_directory, in_category,
//          in_home, q_hits (no row for an unknown user: its existence travels in the plan;
//          an inactive user sees nothing, and the service lists nothing for it)
MATCH (u:User {uid: $user})
CALL () {
  MATCH (c:Contact)
  RETURN count(c) AS contacts
}
CALL (u) {
  // (aggregated inside, so a user without such a directory keeps its row, with 0)
  CALL (u) {
    MATCH (u)-[w1:CAN_ACCESS WHERE coalesce(w1.valid_from <= $at, true)
                                   AND coalesce(w1.valid_to > $at, true)]->
          (d:Directory {visibility: 'all'})
    RETURN d
    UNION
    MATCH (u)-[w2:MEMBER_OF WHERE coalesce(w2.valid_from <= $at, true)
                                  AND coalesce(w2.valid_to > $at, true)]->
          (:UserGroup)-[w3:CAN_ACCESS WHERE coalesce(w3.valid_from <= $at, true)
                                            AND coalesce(w3.valid_to > $at, true)]->
          (d:Directory {visibility: 'all'})
    RETURN d
  }
  RETURN sum(COUNT { (d)<-[:STORED_IN]-() }) AS in_all
}
CALL (u) {
  OPTIONAL MATCH (u)-[w4:MEMBER_OF WHERE coalesce(w4.valid_from <= $at, true)
                                         AND coalesce(w4.valid_to > $at, true)]->
                 (g:AccountManagerGroup)
  RETURN sum(COUNT { (g)<-[:PRIMARY_MANAGER|SECONDARY_MANAGER]-() }) AS in_books
}
CALL () {
  OPTIONAL MATCH (d:Directory {uid: $directory})
  OPTIONAL MATCH (cat:CustomerCategory {uid: $category})
  OPTIONAL MATCH (home:Location {uid: $home})
  RETURN CASE WHEN $directory IS NULL THEN null WHEN d IS NULL THEN -1
              ELSE COUNT { (d)<-[:STORED_IN]-() } END AS in_directory,
         CASE WHEN $category IS NULL THEN null WHEN cat IS NULL THEN -1
              ELSE COUNT { (cat)<-[:IN_CATEGORY]-() } END AS in_category,
         CASE WHEN $home IS NULL THEN null WHEN home IS NULL THEN -1
              ELSE COUNT { (home)<-[:HOME_LOCATION]-() } END AS in_home
}
CALL () {
  // (the seeks only run with a prefix: without one the bound is null and matches nothing)
  WITH CASE WHEN $q IS NOT NULL THEN toLower($q) END AS prefix
  RETURN COUNT { MATCH (c:Contact) WHERE c.name_key STARTS WITH prefix RETURN c LIMIT 10000 }
       + COUNT { MATCH (c:Contact) WHERE c.email_key STARTS WITH prefix RETURN c LIMIT 10000 }
         AS q_hits
}
RETURN coalesce(u.active, false) AS active, u.is_admin AS admin, contacts,
       in_all + in_books AS reach, in_all, in_books, in_directory, in_category, in_home,
       CASE WHEN $q IS NULL THEN null ELSE q_hits END AS q_hits
