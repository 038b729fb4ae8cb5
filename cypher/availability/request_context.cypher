// The facts of a booking request the rules need: the customer's home location and category,
// the meeting type's theme and duration, the installation level, and whether the meeting's
// place exists (it travels here rather than in a query of its own).
// params: $contact, $meeting_type, $location (the meeting's place, or null: online)
// :params {contact: "nora", meeting_type: "mortgage", location: "bergen"}
// columns: contact_found, home, home_timezone, customer_category, meeting_type_found,
//          meeting_theme, duration_minutes, installation_level, location_found
OPTIONAL MATCH (c:Contact {uid: $contact})
OPTIONAL MATCH (c)-[:HOME_LOCATION]->(home:Location)
OPTIONAL MATCH (c)-[:IN_CATEGORY]->(cat:CustomerCategory)
OPTIONAL MATCH (mt:MeetingType {uid: $meeting_type})
OPTIONAL MATCH (mt)-[:IN_THEME]->(theme:MeetingTheme)
OPTIONAL MATCH (s:Settings {key: 'global'})
OPTIONAL MATCH (place:Location {uid: $location})
RETURN c IS NOT NULL AS contact_found, home.uid AS home, home.timezone AS home_timezone,
       cat.uid AS customer_category, mt IS NOT NULL AS meeting_type_found,
       theme.uid AS meeting_theme, mt.duration_minutes AS duration_minutes,
       coalesce(s.installation_level, 'full') AS installation_level,
       $location IS NULL OR place IS NOT NULL AS location_found
