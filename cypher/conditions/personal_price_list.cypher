// A contact's personal price list, if any.
// params: $contact
// :params {contact: "nora"}
// columns: uid
MATCH (:Contact {uid: $contact})-[:PERSONAL_PRICE_LIST]->(pl:PriceList)
RETURN pl.uid AS uid
