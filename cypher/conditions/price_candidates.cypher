// Every price list that prices $product for $contact, best first: the contact's personal
// list (highest priority), then the lists its contact groups use by the priority of that
// use, ties broken by the lower price (then the list's uid, for a stable answer).
// params: $contact, $product
// :params {contact: "nora", product: "mortgage-loan"}
// columns: price_list, price_list_name, currency, amount, contact_group, personal,
//          priority, path
MATCH (c:Contact {uid: $contact})
MATCH (p:Product {uid: $product})
CALL (c, p) {
  MATCH path = (c)-[:PERSONAL_PRICE_LIST]->(pl:PriceList)-[price:PRICES]->(p)
  RETURN pl, price.amount AS amount, null AS contact_group, true AS personal,
         null AS priority, path
  UNION
  MATCH path = (c)-[:IN_GROUP]->(g:ContactGroup)-[use:USES_PRICE_LIST]->(pl:PriceList)
               -[price:PRICES]->(p)
  RETURN pl, price.amount AS amount, g.uid AS contact_group, false AS personal,
         use.priority AS priority, path
}
RETURN pl.uid AS price_list, pl.name AS price_list_name, pl.currency AS currency, amount,
       contact_group, personal, priority, path
ORDER BY personal DESC, priority DESC, amount ASC, price_list ASC, contact_group ASC
