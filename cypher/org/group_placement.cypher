// What placing group $uid (null: a new group) under $parent would do: the layer the group
// would sit in, the height of its subtree (0 for a leaf) with its deepest group, and whether
// the parent lies inside the group's own subtree (a cycle).
// params: $uid (or null), $parent
// :params {parent: "retail", uid: "retail-bergen"}
// columns: parent_found, parent_layer, height, deepest, deepest_name, cycle
OPTIONAL MATCH (p:CompetenceGroup {uid: $parent})
OPTIONAL MATCH (g:CompetenceGroup {uid: $uid})
CALL (g) {
  OPTIONAL MATCH down = (d:CompetenceGroup)-[:CHILD_OF*1..]->(g)
  RETURN length(down) AS height, d.uid AS deepest, d.name AS deepest_name
  ORDER BY height DESC
  LIMIT 1
}
RETURN p IS NOT NULL AS parent_found,
       CASE WHEN p IS NULL THEN 0 ELSE 1 + COUNT { (p)-[:CHILD_OF*1..]->(:CompetenceGroup) } END
         AS parent_layer,
       coalesce(height, 0) AS height,
       coalesce(deepest, $uid) AS deepest, coalesce(deepest_name, g.name) AS deepest_name,
       g IS NOT NULL AND p IS NOT NULL AND (p = g OR EXISTS { (p)-[:CHILD_OF*1..]->(g) })
         AS cycle
