def test_the_server_is_neo4j_526_community(graph):
    info = graph.server_info()
    assert info["version"].startswith("5.26.")
    assert info["edition"] == "community"
