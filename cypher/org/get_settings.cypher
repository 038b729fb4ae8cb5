// The global settings (defaults where never set).
// params: none
// columns: settings
OPTIONAL MATCH (s:Settings {key: 'global'})
RETURN {installation_level: coalesce(s.installation_level, 'full'),
        second_account_manager_group: coalesce(s.second_account_manager_group, false)} AS settings
