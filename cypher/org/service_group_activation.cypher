// Which service groups apply to a request from a customer at home location $location, in
// category $customer_category, for a meeting of theme $meeting_theme. Within a dimension any
// listed value matches; every dimension with at least one value must match; a dimension with
// none matches everything. $uid narrows to one group (null: every group).
// params: $uid (or null), $location, $customer_category, $meeting_theme
// :params {uid: null, location: "bergen", customer_category: "private", meeting_theme: "loans"}
// columns: uid, name, matches, dimensions, paths
MATCH (sg:ServiceGroup)
WHERE $uid IS NULL OR sg.uid = $uid
WITH sg,
     [p = (sg)-[:ACTIVE_FOR_LOCATION]->(:Location {uid: $location}) | p] AS location_paths,
     COUNT { (sg)-[:ACTIVE_FOR_LOCATION]->() } AS location_rules,
     [p = (sg)-[:ACTIVE_FOR_CATEGORY]->(:CustomerCategory {uid: $customer_category}) | p]
       AS category_paths,
     COUNT { (sg)-[:ACTIVE_FOR_CATEGORY]->() } AS category_rules,
     [p = (sg)-[:ACTIVE_FOR_THEME]->(:MeetingTheme {uid: $meeting_theme}) | p] AS theme_paths,
     COUNT { (sg)-[:ACTIVE_FOR_THEME]->() } AS theme_rules
WITH sg, location_paths + category_paths + theme_paths AS paths,
     {restricted: location_rules > 0, matched: location_rules = 0 OR size(location_paths) > 0}
       AS location,
     {restricted: category_rules > 0, matched: category_rules = 0 OR size(category_paths) > 0}
       AS customer_category,
     {restricted: theme_rules > 0, matched: theme_rules = 0 OR size(theme_paths) > 0}
       AS meeting_theme
RETURN sg.uid AS uid, sg.name AS name,
       location.matched AND customer_category.matched AND meeting_theme.matched AS matches,
       {location: location, customer_category: customer_category, meeting_theme: meeting_theme}
         AS dimensions,
       paths
ORDER BY uid
