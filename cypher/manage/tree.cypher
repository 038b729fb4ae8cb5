// The competence-group forest a console user works on: every group for an admin ($all),
// otherwise the groups $uid manages and every group below them. Each group with its parent,
// layer (a root is layer 1), member count and own competences; the drawing hangs each group
// under its parent where the parent is shown too.
// params: $uid, $all (boolean)
// :params {uid: "hanne", all: false}
// columns: uid, name, parent, layer, members, competences [name]
CALL () {
  WITH 1 AS one WHERE $all
  MATCH (g:CompetenceGroup)
  RETURN g
  UNION
  WITH 1 AS one WHERE NOT $all
  MATCH (:User {uid: $uid})-[:MANAGES]->(:CompetenceGroup)<-[:CHILD_OF*0..4]-(g:CompetenceGroup)
  RETURN g
}
WITH DISTINCT g
OPTIONAL MATCH (g)-[:CHILD_OF]->(p:CompetenceGroup)
RETURN g.uid AS uid, g.name AS name, p.uid AS parent,
       1 + COUNT { (g)-[:CHILD_OF*1..]->(:CompetenceGroup) } AS layer,
       COUNT { (:User)-[w1:MEMBER_OF WHERE coalesce(w1.valid_from <= datetime(), true)
                                           AND coalesce(w1.valid_to > datetime(), true)]->
               (g) } AS members,
       COLLECT { MATCH (g)-[:GRANTS]->(c:Competence) RETURN c.name ORDER BY c.name }
         AS competences
ORDER BY toLower(g.name), g.uid
