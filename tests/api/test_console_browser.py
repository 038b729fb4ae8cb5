"""The management console in a real browser (Debian's Chromium driven by Playwright, the
system executable): a group manager signs in, opens the tree, adds a competence, tries a
move into layer 6 and reads the refusal, adds a campaign member with a window and finds the
new member with its path in "who can serve"; then a user who manages nothing sees no edit
controls and a forged post answers 403. Screenshots of every page land in
.artifacts/screenshots/console/ (the run prints the folder; copies are in docs/screenshots/)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from graphsvc.config import PROJECT_ROOT
from graphsvc.seed import load
from graphsvc.slots import next_weekday
from tests.api.test_swagger_ui import CHROMIUM, FLAGS
from tests.helpers import serving

SHOTS = PROJECT_ROOT / ".artifacts" / "screenshots" / "console"


@pytest.fixture
def console_url(neo4j_settings, clean_graph):
    from graphsvc.app import create_app

    load(clean_graph, PROJECT_ROOT / "seeds" / "demo.json")
    app = create_app({"TESTING": True, "GRAPHSVC_SETTINGS": neo4j_settings,
                      "GRAPHSVC_CONSOLE_SIGNIN": True, "SECRET_KEY": "browser-test"})
    with serving(app) as base:
        yield f"{base}/manage"
    app.extensions["graphsvc.graph"].close()


def test_a_group_manager_at_work_and_a_user_who_manages_nothing(console_url):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nconsole screenshots: {SHOTS}")

    def shot(page, name: str) -> None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        # sign in as Hanne, head of Retail West
        page.goto(f"{console_url}/")
        expect(page).to_have_url(f"{console_url}/sign-in?next=/manage/?")
        shot(page, "01-sign-in")
        page.select_option("#user", "hanne")
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("#whoami")).to_have_text("hanne")

        # the tree: her subtree only, drawn
        expect(page.locator('[data-group="retail-west"]')).to_be_visible()
        expect(page.locator('[data-group="retail-bergen"]')).to_be_visible()
        expect(page.locator('[data-group="business"]')).to_have_count(0)
        shot(page, "02-tree")

        # add a competence to Retail Bergen
        page.locator('[data-group="retail-bergen"] a.name').click()
        cell = page.locator('[data-cell="pension-planning|private"]')
        expect(cell).not_to_have_class("own")
        expect(page.locator('[data-cell="mortgage|private"] .from')).to_have_text(
            "from Retail West")
        cell.get_by_role("button").click()
        expect(page.locator(".flash")).to_contain_text("Granted pension-planning / private")
        expect(page.locator('[data-cell="pension-planning|private"]')).to_have_class("own")
        expect(page.locator("table.history tbody tr").first).to_contain_text(
            "add competences")
        shot(page, "03-group")

        # build retail-bergen (3) > Bergen A (4) > Bergen A1 (5), and Bergen C (4)
        page.goto(f"{console_url}/")
        for name, parent in (("Bergen A", "Retail Bergen (layer 3)"),
                             ("Bergen A1", "Bergen A (layer 4)"),
                             ("Bergen C", "Retail Bergen (layer 3)")):
            form = page.locator("#create")
            form.locator('input[name="name"]').fill(name)
            form.locator('select[name="parent"]').select_option(label=parent)
            form.get_by_role("button", name="Create").click()
            expect(page.locator(".flash")).to_contain_text(f"Created '{name}'")
        # moving Bergen A under Bergen C would put Bergen A1 in layer 6
        move = page.locator("#move")
        move.locator('select[name="group"]').select_option(label="Bergen A (layer 4)")
        move.locator('select[name="parent"]').select_option(label="Bergen C (layer 4)")
        move.get_by_role("button", name="Move").click()
        refusal = page.locator(".refusal")
        expect(refusal).to_contain_text("layer 6")
        expect(refusal).to_contain_text("at most 5 layers")
        shot(page, "04-tree-refusal-layer-6")

        # a campaign member with a window on the West coast mortgage team
        start = next_weekday(1)
        page.goto(f"{console_url}/service-groups/west-coast-mortgage?q=sofie")
        found = page.locator("ul.found li", has_text="Sofie Lie")
        found.locator('input[name="valid_from"]').fill(start.strftime("%Y-%m-%dT%H:%M"))
        found.locator('input[name="valid_to"]').fill(
            (start + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"))
        found.get_by_role("button", name="Add as member").click()
        expect(page.locator(".flash")).to_contain_text("Added 'sofie'")
        row = page.locator('[data-member="sofie"]')
        expect(row).to_contain_text(start.strftime("%Y-%m-%d"))
        shot(page, "05-service-group")

        # who can serve: Sofie now serves Nora online, through the service group
        day = next_weekday(2)
        page.goto(f"{console_url}/who-can-serve")
        page.select_option('select[name="contact"]', "nora")
        page.select_option('select[name="meeting_type"]', "mortgage")
        page.select_option('select[name="mode"]', "online")
        page.fill('input[name="day"]', day.strftime("%Y-%m-%d"))
        page.get_by_role("button", name="Search").click()
        advisor = page.locator('[data-advisor="sofie"]')
        expect(advisor).to_be_visible()
        expect(advisor).to_contain_text("West coast mortgage team")
        expect(advisor.locator(".rel").first).to_have_text("MEMBER_OF")
        expect(page.locator('[data-excluded="lars"]')).to_contain_text("competence")
        shot(page, "06-who-can-serve")

        page.goto(f"{console_url}/users/sofie")
        expect(page.locator("body")).to_contain_text("West coast mortgage team")
        shot(page, "07-user")

        # Kari manages nothing: no edit controls, and a forged post is refused
        page.get_by_role("button", name="sign out").click()
        page.select_option("#user", "kari")
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("#whoami")).to_have_text("kari")
        expect(page.locator("ul.tree details")).to_have_count(0)
        expect(page.locator("#create")).to_have_count(0)
        page.goto(f"{console_url}/groups/retail-bergen")
        expect(page.locator("#read-only")).to_be_visible()
        expect(page.locator("table.matrix button")).to_have_count(0)
        shot(page, "08-read-only-group")
        token = page.locator('meta[name="csrf-token"]').get_attribute("content")
        forged = page.request.post(f"{console_url}/groups/retail-bergen/competences",
                                   form={"csrf_token": token, "meeting_type": "mortgage",
                                         "customer_category": "business", "present": "1"})
        assert forged.status == 403, forged.status
        assert "retail-bergen" in forged.text()
        no_token = page.request.post(f"{console_url}/groups/retail-bergen/members",
                                     form={"user": "kari"})
        assert no_token.status == 403, no_token.status
        page.set_content(forged.text())
        shot(page, "09-forged-post-403")
        browser.close()
