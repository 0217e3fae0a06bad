"""Safety on every page: quick exit, the shared-device note and the private-visit switch."""

from __future__ import annotations

import json

import yaml
from playwright.sync_api import BrowserContext, Page, expect

from helpers import REPO

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


# Where mkdocs.yml sends the quick exit; the browser never reaches that host in a test: a stand-in
# page answers for it (see neutral()).
class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV, !relative and python tags only MkDocs resolves."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
QUICK_EXIT = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=_AnyTag)["extra"]["quick_exit"]


def neutral(context: BrowserContext) -> None:
    """Answer for the quick exit's neutral page inside the browser: nothing leaves the machine."""
    context.route(QUICK_EXIT["url"] + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Neutral</title><p>Search"))


def test_leave_button_is_the_second_tab_stop_and_replaces_the_page_with_the_neutral_one(visit):
    neutral(visit.context)
    page = visit.open("index.html")
    page.goto(visit.root + "bids.html")
    length = page.evaluate("history.length")
    page.locator("body").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(".sm-quick-exit")).to_be_focused()
    expect(page.locator(".sm-quick-exit")).to_have_accessible_name("Leave this site")
    expect(page.locator(".sm-quick-exit")).to_have_accessible_description(
        "Leaves at once. Pressing Escape twice does the same.")
    page.keyboard.press("Enter")
    page.wait_for_url(QUICK_EXIT["url"])
    assert page.evaluate("history.length") == length, "the exit added a history entry"
    # The Safety page says: Back does not bring back the page you left, but it can show the
    # pages of this site read before it in the same tab.
    page.go_back()
    page.wait_for_load_state("load")
    assert page.evaluate("location.href") == visit.root + "index.html"


def test_escape_twice_leaves_but_once_does_not(visit):
    neutral(visit.context)
    page = visit.open("why-it-matters.html")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    assert page.url.endswith("why-it-matters.html")
    page.keyboard.press("Escape")
    page.wait_for_url(QUICK_EXIT["url"])


def test_an_escape_that_closes_search_does_not_count_toward_leaving(visit):
    neutral(visit.context)
    page = visit.open("bids.html")
    page.keyboard.press("/")
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.endswith("bids.html"), "closing search counted as the first Escape"
    page.keyboard.press("Escape")
    page.wait_for_url(QUICK_EXIT["url"])


def test_the_safety_page_names_where_the_exit_goes_and_what_stays(visit):
    page = visit.open("safety.html")
    section = page.locator("h2#leaving-quickly-and-staying-private ~ ul").first
    expect(section).to_contain_text(f"takes this tab straight to {QUICK_EXIT['name']}")
    expect(section).to_contain_text("does not bring that page back")
    expect(section).to_contain_text("Back can still show other pages of this site")
    expect(section).to_contain_text("does not count toward the two")
    expect(section).to_contain_text("Private visit does not hide the site from your history")
    assert page.locator(".sm-quick-exit").get_attribute("href") == QUICK_EXIT["url"]


# The services the Safety page must offer, each number a link a phone can call (issue 13).
CALLABLE = {"911": "911", "999": "999", "112": "112", "1-800-799-7233": "18007997233",
            "1-800-787-3224": "18007873224", "0808 2000 247": "08082000247",
            "116 123": "116123", "1800 737 732": "1800737732", "988": "988"}


def test_the_safety_page_lists_helplines_as_links_a_phone_can_call(visit):
    page = visit.open("safety.html")
    for shown, digits in CALLABLE.items():
        link = page.locator(f"a[href='tel:{digits}']").first
        expect(link).to_have_text(shown)
        expect(link).to_be_visible()
    expect(page.locator("a[href='sms:88788?body=START']")).to_have_text("88788")
    expect(page.get_by_role("link", name="findahelpline.com")).to_be_visible()
    expect(page.get_by_text("search online")).to_have_count(0)


def test_the_home_box_offers_emergency_numbers_and_opens_to_helplines_by_keyboard(visit):
    page = visit.open("index.html")
    box = page.get_by_role("complementary", name="Is this guide right for you?")
    expect(box.locator("a[href='tel:911']")).to_be_visible()
    more = box.get_by_text("Helplines for relationship abuse, free and confidential")
    more.focus()
    page.keyboard.press("Enter")
    expect(box.locator("a[href='tel:08082000247']")).to_be_visible()
    expect(box.locator("a[href='tel:18007997233']")).to_be_visible()


def test_leave_button_stays_in_view_at_the_bottom_of_a_long_page_on_a_phone(browser, built_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    neutral(context)
    page = context.new_page()
    page.goto(built_site.as_uri() + "/bids.html")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    button = page.get_by_role("link", name="Leave this site")
    expect(button).to_be_in_viewport()
    button.click()
    page.wait_for_url(QUICK_EXIT["url"])
    context.close()


def test_leave_link_works_without_javascript(no_js_visit):
    neutral(no_js_visit.context)
    page = no_js_visit.open("safety.html")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(QUICK_EXIT["url"])


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
