// plumbing: not an analyst query (a write the services run); left out of the Browser guide
// Set ($amount) or remove ($amount null) the price of a product on a price list.
// params: $list, $product, $amount (or null)
// columns: list_found, product_found
OPTIONAL MATCH (pl:PriceList {uid: $list})
OPTIONAL MATCH (p:Product {uid: $product})
CALL (pl, p) {
  WITH pl, p WHERE pl IS NOT NULL AND p IS NOT NULL
  OPTIONAL MATCH (pl)-[old:PRICES]->(p)
  DELETE old
  WITH DISTINCT pl, p WHERE $amount IS NOT NULL
  CREATE (pl)-[:PRICES {amount: $amount}]->(p)
}
RETURN pl IS NOT NULL AS list_found, p IS NOT NULL AS product_found
