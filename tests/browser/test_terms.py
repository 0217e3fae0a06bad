"""Glossary terms open by tap, click or keyboard, close by a second tap, Escape or a tap
elsewhere, sit below the line (above it near the bottom of the window) and are announced once."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

DEFINITION = "A small attempt to connect"
POP = ".sm-term-pop:not(.sm-visually-hidden)"


def first_term(page: Page):
    return page.locator("article abbr[data-sm-term]").first


def box(page: Page, selector: str) -> dict:
    return page.locator(selector).evaluate(
        "node => { const r = node.getClientRects(); const a = r[0], b = r[r.length - 1];"
        " return { top: a.top, bottom: b.bottom }; }")


def test_a_click_shows_the_definition_below_the_line_and_a_second_click_closes_it(visit):
    page = visit.open("bids.html")
    term = first_term(page)
    expect(term).to_have_attribute("role", "button")
    expect(term).to_have_attribute("aria-expanded", "false")
    term.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")
    term.click()
    pop = page.locator(POP)
    expect(pop).to_be_visible()
    expect(pop).to_contain_text(DEFINITION)
    expect(term).to_have_attribute("aria-expanded", "true")
    line = term.evaluate("t => { const r = t.getClientRects(); return r[r.length - 1].bottom; }")
    assert pop.bounding_box()["y"] >= line  # never over the line being read
    term.click()
    expect(pop).to_have_count(0)
    expect(term).to_have_attribute("aria-expanded", "false")


def test_a_tap_elsewhere_closes_it_and_near_the_bottom_it_opens_above(browser: Browser, built_site: Path):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 700})
    page = context.new_page()
    page.goto((built_site / "bids.html").as_uri())
    term = page.locator("article abbr[data-sm-term]").last
    expect(term).to_be_attached()
    # Put the term's line near the bottom of the window, where it can still be tapped (the
    # quick exit sits at the bottom of a phone's screen), and tap it where it is.
    point = page.evaluate("""t => {
        document.body.style.paddingBottom = '2000px';
        for (let gap = 8; gap < 200; gap += 4) {
            const r = t.getBoundingClientRect();
            window.scrollBy(0, r.bottom - window.innerHeight + gap);
            const s = t.getBoundingClientRect();
            const x = s.left + 2, y = (s.top + s.bottom) / 2;
            if (t.contains(document.elementFromPoint(x, y))) return { x, y };
        }
        return null; }""", term.element_handle())
    assert point
    page.touchscreen.tap(point["x"], point["y"])
    pop = page.locator(POP)
    expect(pop).to_be_visible()
    top = term.evaluate("t => t.getClientRects()[0].top")
    assert top > 500
    popped = pop.bounding_box()
    assert popped["y"] + popped["height"] <= top + 0.5
    page.locator("article h1").tap()
    expect(pop).to_have_count(0)
    context.close()


def test_escape_closes_a_term_and_tells_the_quick_exit_not_to_count_it(visit):
    page = visit.open("bids.html")
    page.evaluate("""() => { window.__escapes = [];
        document.addEventListener('keydown', e => { if (e.key === 'Escape') window.__escapes.push(e.defaultPrevented); }); }""")
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    page.keyboard.press("Enter")
    expect(page.locator(POP)).to_contain_text(DEFINITION)
    page.keyboard.press("Escape")
    expect(page.locator(POP)).to_have_count(0)
    assert page.evaluate("window.__escapes") == [True]
    assert page.url.endswith("bids.html")
    page.keyboard.press("Space")
    expect(page.locator(POP)).to_contain_text(DEFINITION)


def test_a_term_is_announced_once_and_only_its_first_use_takes_focus(visit):
    page = visit.open("bids.html")
    term = first_term(page)
    expect(term).to_have_attribute("tabindex", "0")
    definition = term.get_attribute("data-sm-term")
    assert definition and definition.startswith(DEFINITION)
    # No title left on it: the name is the word, the definition is said once, by the status box.
    assert term.get_attribute("title") is None
    assert term.get_attribute("aria-describedby") is None
    assert page.locator(".sm-term-pop").get_attribute("role") == "status"
    uses = page.locator("article abbr[data-sm-term]").filter(has_text=term.inner_text())
    assert uses.count() > 1
    expect(uses.nth(1)).to_have_attribute("tabindex", "-1")
    uses.nth(1).click()
    expect(page.locator(POP)).to_contain_text(DEFINITION)
    assert visit.problems_logged() == []
