// Price lists with their prices, one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, currency, prices [{product, amount}]}
MATCH (pl:PriceList)
WHERE ($uids IS NULL OR pl.uid IN $uids) AND ($after IS NULL OR pl.uid > $after)
RETURN pl {.uid, .name, .currency,
           prices: COLLECT { MATCH (pl)-[price:PRICES]->(p:Product)
                             RETURN {product: p.uid, amount: price.amount}
                             ORDER BY p.uid }} AS item
ORDER BY pl.uid
LIMIT toInteger($limit)
