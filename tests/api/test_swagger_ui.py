"""Swagger UI in a real browser (Debian's Chromium driven by Playwright): Authorize as a user,
Try it out on a decision endpoint, Execute, and see 200. The app is served over HTTP on a free
port against the test Neo4j; screenshots land in .artifacts/screenshots/ (copies of one
run are in docs/screenshots/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphsvc.config import PROJECT_ROOT
from graphsvc.seed import load
from tests.helpers import serving

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = PROJECT_ROOT / ".artifacts" / "screenshots"  # kept after each run (gitignored)
# As the machine's notes advise: no background traffic to a network that is closed here.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def served(app, clean_graph):
    load(clean_graph, PROJECT_ROOT / "seeds" / "demo.json")
    with serving(app) as base:
        yield base


def test_authorize_then_execute_the_access_check(served):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{served}/docs")
        page.locator(".swagger-ui .btn.authorize").first.click()
        dialog = page.locator(".dialog-ux")
        dialog.locator("input").first.fill("admin")
        dialog.get_by_role("button", name="Authorize", exact=True).click()
        page.screenshot(path=str(SHOTS / "swagger-authorized.png"))
        dialog.get_by_role("button", name="Close").click()

        block = page.locator(".opblock").filter(
            has=page.locator(".opblock-summary-path", has_text="/api/v1/access/contacts/{uid}"))
        block.locator(".opblock-summary").click()
        block.get_by_role("button", name="Try it out").click()
        block.locator("input[placeholder='uid']").fill("nora")
        block.get_by_role("button", name="Execute").click()
        status = block.locator(".live-responses-table .response .response-col_status").first
        expect(status).to_have_text("200", timeout=15_000)
        body = block.locator(".live-responses-table .highlight-code").first.inner_text()
        assert '"allowed": true' in body and '"contact": "nora"' in body, body
        block.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "swagger-execute-access-check.png"), full_page=False)
        browser.close()
