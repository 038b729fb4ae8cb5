from openapi_spec_validator import validate


def test_healthz_reports_neo4j_version_and_edition(api):
    res = api.get("/healthz", as_="")
    assert res.status_code == 200
    assert res.json["neo4j"]["version"].startswith("5.26.")
    assert res.json["neo4j"]["edition"] == "community"


def test_healthz_is_503_when_neo4j_does_not_answer(neo4j_settings):
    from dataclasses import replace

    from graphsvc.app import create_app
    from graphsvc.localdb import free_port

    dead = replace(neo4j_settings, neo4j_uri=f"bolt://127.0.0.1:{free_port()}")
    app = create_app({"TESTING": True, "GRAPHSVC_SETTINGS": dead})
    res = app.test_client().get("/healthz")
    app.extensions["graphsvc.graph"].close()
    assert res.status_code == 503
    assert res.json["status"] == "unavailable"


def test_openapi_document_is_valid_openapi_3(api):
    res = api.get("/openapi.json", as_="")
    assert res.status_code == 200
    spec = res.json
    assert spec["openapi"].startswith("3.")
    validate(spec)
    assert "/api/v1/users" in spec["paths"]
    assert "/api/v1/locations/{uid}" in spec["paths"]


def test_docs_page_and_its_assets_are_served_offline(api):
    page = api.get("/docs", as_="")
    assert page.status_code == 200
    assert b"swagger-ui" in page.data
    asset = api.get("/docs/assets/swagger-ui-bundle.js", as_="")
    assert asset.status_code == 200
    assert len(asset.data) > 100_000
    asset.close()
