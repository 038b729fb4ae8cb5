from graphsvc.schema import constraints, migrate


def test_migrate_installs_unique_constraints_and_is_idempotent(graph):
    migrate(graph)
    migrate(graph)
    found = {(tuple(c["labels"]), tuple(c["properties"])) for c in constraints(graph)}
    for label, prop in [("User", "uid"), ("User", "email"), ("Location", "uid"),
                        ("Location", "code")]:
        assert ((label,), (prop,)) in found
