// The global settings (defaults where never set).
// params: none
// :params {}
// columns: settings
OPTIONAL MATCH (s:Settings {key: 'global'})
RETURN {installation_level: coalesce(s.installation_level, 'full'),
        second_account_manager_group: coalesce(s.second_account_manager_group, false),
        default_user: COLLECT { MATCH (s)-[:DEFAULT_USER]->(u:User) RETURN u.uid }[0],
        default_areas: COLLECT { MATCH (s)-[d:DEFAULT_AREA]->(a:Area)
                                 RETURN {domain: d.domain, area: a.uid} ORDER BY d.domain }
       } AS settings
