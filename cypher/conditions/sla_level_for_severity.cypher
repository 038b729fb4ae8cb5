// The level of an SLA contract matching a severity.
// params: $contract, $severity
// :params {contract: "standard", severity: "normal"}
// columns: level {uid, name, severity, response_minutes, resolution_minutes}
MATCH (:SlaContract {uid: $contract})-[:HAS_LEVEL]->(l:SlaLevel {severity: $severity})
RETURN l {.uid, .name, .severity, .response_minutes, .resolution_minutes} AS level
ORDER BY l.uid
LIMIT 1
