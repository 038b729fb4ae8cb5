"""neomodel node classes: the schema of the graph (labels, properties, relationships,
uniqueness constraints and indexes). `graphsvc db migrate` installs their constraints.

Runtime reads and writes go through named Cypher in transaction functions (`graphsvc.db`),
which the driver retries on transient errors; the models are the single statement of what
the graph holds."""

from graphsvc.models import contacts, org, requests, scheduling, service_desk  # noqa: F401
