"""Glossary terms show their definition on focus as well as on hover."""

from __future__ import annotations

from playwright.sync_api import expect


def test_first_use_of_a_term_takes_focus_and_shows_its_definition(visit):
    page = visit.open("bids.html")
    term = page.locator("article abbr[data-sm-term]").first
    expect(term).to_have_attribute("tabindex", "0")
    definition = term.get_attribute("title")
    assert definition and definition.startswith("A small attempt to connect")
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    shown = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert shown == f'"{definition}"'
    # Later uses of the same term keep the hover title but stay out of the tab order.
    uses = page.locator(f'article abbr[title="{definition}"]')
    assert uses.count() > 1
    expect(uses.nth(1)).not_to_have_attribute("tabindex", "0")
