// Active users whose name or email starts with $q (case as typed for the email index, any
// case for names), for "add a member" in the console; at most $limit, by name.
// params: $q, $limit
// :params {q: "ka", limit: 20}
// columns: user {uid, name, email}
CALL () {
  MATCH (u:User) WHERE u.email STARTS WITH toLower($q) AND u.active RETURN u
  UNION
  MATCH (u:User) WHERE toLower(u.name) STARTS WITH toLower($q) AND u.active RETURN u
}
RETURN u {.uid, .name, .email} AS user
ORDER BY toLower(u.name), u.uid
LIMIT toInteger($limit)
