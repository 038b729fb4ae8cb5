"""Neo4j Browser as the analysts' home, in a real browser (Debian's Chromium driven by
Playwright): a local server of the test's own, configured as `graphsvc db start` configures
it, with the API serving the guide and the style; connect Browser, see the graphsvc guide
open by itself, run a report from the guide (its `:params` block, then the query) and find
its rows; then replay a decision the API explained with `explain=cypher` (its `:params`
line, then its query, pasted into the editor) and see the same paths drawn. Screenshots
land in .artifacts/screenshots/browser/ (the run names the folder; a copy of the guide is in
docs/screenshots/)."""

from __future__ import annotations

import httpx
import pytest

from graphsvc.config import PROJECT_ROOT, Settings
from graphsvc.db import Graph
from graphsvc.localdb import free_port
from graphsvc.schema import migrate
from graphsvc.seed import load
from tests.api.test_swagger_ui import CHROMIUM, FLAGS
from tests.helpers import own_server, serving

SHOTS = PROJECT_ROOT / ".artifacts" / "screenshots" / "browser"
PASSWORD = "browser-guide-test"


@pytest.fixture
def browser_and_api():
    """(Browser's URL, bolt port, the API's URL) of a seeded server whose post-connect
    command opens the guide of the API served here."""
    from graphsvc.app import create_app

    port = free_port()
    with own_server(PROJECT_ROOT / ".neo4j-test-browser", PASSWORD,
                    analyst_url=f"http://127.0.0.1:{port}/analysts") as server:
        settings = Settings(neo4j_uri=server.bolt_uri, neo4j_user=server.user,
                            neo4j_password=PASSWORD)
        graph = Graph(settings)
        migrate(graph)
        load(graph, PROJECT_ROOT / "seeds" / "demo.json")
        app = create_app({"TESTING": True, "GRAPHSVC_SETTINGS": settings})
        try:
            with serving(app, port):
                yield f"{server.http_url}/browser/", server.bolt_port, f"http://127.0.0.1:{port}"
        finally:
            app.extensions["graphsvc.graph"].close()
            graph.close()


def paste(page, text: str) -> None:
    """Paste `text` into Browser's editor, as an analyst does (typing would auto-indent and
    close brackets), and run it."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.get_by_test_id("activeEditor").click()
    page.keyboard.press("Control+V")
    page.get_by_test_id("editor-Run").click()


def test_browser_opens_the_guide_and_runs_a_report_from_it(browser_and_api):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    url, bolt_port, api = browser_and_api
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nBrowser screenshots: {SHOTS}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(f"{url}?dbms=bolt://neo4j@127.0.0.1:{bolt_port}")
        page.locator("input[type=password]").fill(PASSWORD)
        page.get_by_test_id("connect").click()

        guide = page.get_by_test_id("frame").filter(has=page.get_by_test_id("carousel"))
        expect(guide).to_contain_text("graphsvc: the org graph", timeout=30_000)
        style = page.get_by_test_id("frame").filter(has_text=":style http")
        expect(style).to_contain_text("node.User")  # our style, loaded on connect
        page.screenshot(path=str(SHOTS / "01-guide-on-connect.png"))

        for _ in range(3):  # welcome, the labels, the relationship types, then the reports
            guide.get_by_test_id("nextSlide").click()
        report = guide.locator('[data-query="reports/users-with-no-reach"]')
        expect(report).to_be_visible()
        page.screenshot(path=str(SHOTS / "02-reports-slide.png"))

        report.locator("pre.params").click()
        page.get_by_test_id("editor-Run").click()
        expect(page.get_by_test_id("frame").first).to_contain_text(
            "Successfully set your parameters")
        report.locator("pre.query").click()
        page.get_by_test_id("editor-Run").click()
        result = page.get_by_test_id("frame").first
        expect(result).to_contain_text("Started streaming", timeout=30_000)
        expect(result).not_to_contain_text("ERROR")
        # Nils joined Retail Bergen and has no hours yet; Hanne, a manager, is no finding
        expect(result).to_contain_text("nils")
        expect(result).not_to_contain_text("hanne")
        page.screenshot(path=str(SHOTS / "03-report-rows.png"))

        # Replay a decision: the access check as the API explains it, pasted into Browser.
        answer = httpx.get(f"{api}/api/v1/access/contacts/nora?user=kari&explain=cypher",
                           headers={"X-Acting-User": "admin"}).json()
        assert answer["allowed"] is True, answer
        run = next(r for r in answer["cypher"] if r["query"] == "access/contact_access")
        paste(page, run["params"])
        expect(page.get_by_test_id("frame").first).to_contain_text(
            "Successfully set your parameters")
        paste(page, run["text"])
        replayed = page.get_by_test_id("frame").first
        expect(replayed).to_contain_text("Displaying", timeout=30_000)  # a graph, drawn
        expect(replayed).not_to_contain_text("ERROR")
        nodes = {step["node"]["uid"] for path in answer["paths"] for step in path}
        expect(replayed).to_contain_text(f"Displaying {len(nodes)} nodes")  # the API's paths
        expect(replayed.locator("svg g.node")).to_have_count(len(nodes))  # drawn
        page.wait_for_timeout(1500)  # the layout settles
        page.screenshot(path=str(SHOTS / "04-replayed-access-check.png"))
        browser.close()
