// Service groups with activation rules, service levels and linked competence groups, by uid
// one page at a time (keyset), or by $uids.
// params: $uids (list or null), $after (uid or null), $limit
// :params {uids: null, after: null, limit: 50}
// columns: item {uid, name, email, activation, levels, competence_groups}
MATCH (sg:ServiceGroup)
WHERE ($uids IS NULL OR sg.uid IN $uids) AND ($after IS NULL OR sg.uid > $after)
RETURN sg {.uid, .name, .email,
  activation: {
    locations: COLLECT { MATCH (sg)-[:ACTIVE_FOR_LOCATION]->(l:Location)
                         RETURN l.uid ORDER BY l.uid },
    customer_categories: COLLECT { MATCH (sg)-[:ACTIVE_FOR_CATEGORY]->(c:CustomerCategory)
                                   RETURN c.uid ORDER BY c.uid },
    meeting_themes: COLLECT { MATCH (sg)-[:ACTIVE_FOR_THEME]->(t:MeetingTheme)
                              RETURN t.uid ORDER BY t.uid }},
  levels: COLLECT {
    MATCH (sg)-[:OFFERS]->(lvl:ServiceLevel)
    RETURN lvl {.uid, .name, .mode,
      locations: COLLECT { MATCH (lvl)-[:EXTENDS_TO]->(l:Location) RETURN l.uid ORDER BY l.uid },
      meeting_types: COLLECT { MATCH (lvl)-[:LIMITED_TO]->(mt:MeetingType)
                               RETURN mt.uid ORDER BY mt.uid }}
    ORDER BY lvl.uid },
  competence_groups: COLLECT { MATCH (sg)-[w1:INCLUDES WHERE coalesce(w1.valid_from <= datetime(), true)
                                                             AND coalesce(w1.valid_to > datetime(), true)]->
                                     (g:CompetenceGroup)
                               RETURN g.uid ORDER BY g.uid }} AS item
ORDER BY sg.uid
LIMIT toInteger($limit)
