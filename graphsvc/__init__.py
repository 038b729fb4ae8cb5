"""graphsvc: org-chart decisions answered as Neo4j traversals."""

__version__ = "0.1.0"
