// How to list the contacts a user sees at the cost of the page (issue 10): from the user's
// side (expand every reachable contact, keep the page) costs the user's reach R; walking
// the contact uid index and checking each contact from its own side costs about
// limit x N / R contacts. The service takes the cheaper: the index walk when
// R * R > limit * N. R is read from degrees the store keeps (the contacts of each reachable
// 'all' directory, and the books of the user's account-manager groups), N from the count
// store: nothing here walks a directory.
// params: $user
// :params {user: "kari"}
// A user whose reach is all in its books (no 'all' directory) is listed book by book in
// contact-uid order instead (visible_by_books.cypher): that costs the page whatever R is.
// columns: admin, contacts, reach, in_all, in_books (no row for an unknown or inactive user)
MATCH (u:User {uid: $user})
WHERE u.active
CALL () {
  MATCH (c:Contact)
  RETURN count(c) AS contacts
}
CALL (u) {
  // (aggregated inside, so a user without such a directory keeps its row, with 0)
  CALL (u) {
    MATCH (u)-[:CAN_ACCESS]->(d:Directory {visibility: 'all'})
    RETURN d
    UNION
    MATCH (u)-[:MEMBER_OF]->(:UserGroup)-[:CAN_ACCESS]->(d:Directory {visibility: 'all'})
    RETURN d
  }
  RETURN sum(COUNT { (d)<-[:STORED_IN]-() }) AS in_all
}
CALL (u) {
  OPTIONAL MATCH (u)-[:MEMBER_OF]->(g:AccountManagerGroup)
  RETURN sum(COUNT { (g)<-[:PRIMARY_MANAGER|SECONDARY_MANAGER]-() }) AS in_books
}
RETURN u.is_admin AS admin, contacts, in_all + in_books AS reach, in_all, in_books
