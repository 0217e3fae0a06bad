"""Safety on every page: quick exit, the shared-device note and the private-visit switch."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

KEY = "small-moments:v1"
EXERCISE = "exercises/tiny-bids.html"


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab from the top of the page until the element matching selector has focus."""
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_sigh(page: Page) -> None:
    page.locator("#tiny-sigh-option-2").check()
    page.locator("#tiny-sigh .sm-check").click()
    expect(page.locator("#tiny-sigh .sm-feedback")).not_to_be_empty()


def stored(page: Page, area: str = "localStorage") -> dict | None:
    raw = page.evaluate(f"{area}.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)


def test_leave_button_is_the_second_tab_stop_and_back_does_not_return(visit):
    page = visit.open("index.html")
    page.goto(visit.root + "bids.html")
    page.locator("body").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(".sm-quick-exit")).to_be_focused()
    expect(page.locator(".sm-quick-exit")).to_have_accessible_name("Leave this site")
    expect(page.locator(".sm-quick-exit")).to_have_accessible_description(
        "Leaves at once. Pressing Escape twice does the same.")
    page.keyboard.press("Enter")
    page.wait_for_url("about:blank")
    page.go_back()
    assert page.url == visit.root + "index.html", "Back returned to the page that was left"


def test_escape_twice_leaves_but_once_does_not(visit):
    page = visit.open("why-it-matters.html")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    assert page.url.endswith("why-it-matters.html")
    page.keyboard.press("Escape")
    page.wait_for_url("about:blank")


def test_leave_button_stays_in_view_at_the_bottom_of_a_long_page_on_a_phone(browser, built_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(built_site.as_uri() + "/bids.html")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    button = page.get_by_role("link", name="Leave this site")
    expect(button).to_be_in_viewport()
    button.click()
    page.wait_for_url("about:blank")
    context.close()


def test_leave_link_works_without_javascript(no_js_visit):
    page = no_js_visit.open("safety.html")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url("about:blank")


def test_shared_device_note_sits_beside_stored_answers_and_links_to_erase(kinds_visit):
    page = kinds_visit.open(EXERCISE)
    note = page.locator(".sm-exercise .sm-device")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Anyone who uses this browser can see them.")
    note.get_by_role("link", name="Erase them on My progress").click()
    expect(page).to_have_url(kinds_visit.root + "progress.html#progress-move")
    expect(page.locator(".sm-progress .sm-device")).to_contain_text(
        "Anyone who uses this browser can see them.")
    expect(page.get_by_role("button", name="Erase everything this site stored")).to_be_visible()


def test_private_visit_by_keyboard_keeps_answers_in_this_tab_only(kinds_visit):
    page = kinds_visit.open(EXERCISE)
    answer_sigh(page)
    saved_before = stored(page)
    assert saved_before is not None and "tiny-sigh" in saved_before["exercises"]["tiny-bids"]["answers"]

    tab_to(page, ".sm-exercise .sm-private")
    page.keyboard.press("Space")
    switch = page.get_by_role("switch", name="Private visit: keep my answers in this tab only")
    expect(switch).to_be_checked()
    expect(switch).to_be_focused()
    expect(page.locator(".sm-exercise .sm-device")).to_contain_text("Private visit is on")
    # The private visit starts empty; what was saved before stays untouched in the browser.
    expect(page.locator("#tiny-sigh .sm-feedback")).to_be_empty()

    page.locator("#tiny-link-option-1").check()
    page.locator("#tiny-link .sm-check").click()
    assert stored(page) == saved_before
    assert "tiny-link" in stored(page, "sessionStorage")["exercises"]["tiny-bids"]["answers"]
    page.reload()
    expect(page.locator("#tiny-link .sm-feedback")).not_to_be_empty()

    other_tab = kinds_visit.context.new_page()
    other_tab.goto(kinds_visit.root + EXERCISE)
    expect(other_tab.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    expect(other_tab.get_by_role("switch")).not_to_be_checked()
    expect(other_tab.locator("#tiny-link .sm-feedback")).to_be_empty()
    expect(other_tab.locator("#tiny-sigh .sm-feedback")).not_to_be_empty()
    other_tab.close()

    page.get_by_role("switch").focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("switch")).not_to_be_checked()
    expect(page.locator("#tiny-sigh .sm-feedback")).not_to_be_empty()
    expect(page.locator("#tiny-link .sm-feedback")).to_be_empty()
    assert stored(page, "sessionStorage") is None
    assert stored(page) == saved_before
