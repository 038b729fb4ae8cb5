"""Services: the rules. They take plain values and a Graph, never Flask objects."""
