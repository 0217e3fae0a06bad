"""The home page as a front door, and the site's own look (issue 14, points 1 and 2).

The page scans read the built site's files (no browser); the layout checks open the home page
at a phone's size."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from playwright.sync_api import Browser, expect

from checks import site_pages

# An emoji or icon shortcode as pymdownx.emoji writes them (`:material-heart:`, `:smile:`): a
# colon, a name with at least one letter, a colon, standing alone (not a time such as 10:30:00).
SHORTCODE = re.compile(r"(?<![\w:/]):(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{2,}:(?![\w:/])")
HIDDEN_TAGS = {"script", "style", "template", "code", "pre", "textarea"}


class _Text(HTMLParser):
    """The text of a page outside scripts, styles and code, where a reader would see it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def shortcodes(page_html: str) -> list[str]:
    parser = _Text()
    parser.feed(page_html)
    return SHORTCODE.findall(" ".join(parser.parts))


def test_the_shortcode_finder_catches_raw_icon_codes_and_spares_times_and_code():
    sample = ("<p>:material-shield-heart-outline: Safety</p><p>At 10:30:00, see a:b: or "
              "http://x/:y:</p><code>:smile:</code><script>':x-y:'</script><p>Ready :smile: </p>")
    assert shortcodes(sample) == [":material-shield-heart-outline:", ":smile:"]


def test_no_emoji_shortcode_is_left_in_any_built_page(built_site: Path):
    found = {page: codes for page in site_pages(built_site)
             if (codes := shortcodes((built_site / page).read_text(encoding="utf-8")))}
    assert found == {}


def test_prose_has_curly_quotes_and_code_keeps_straight_ones(built_site: Path):
    page = (built_site / "counselors.html").read_text(encoding="utf-8")
    assert "&ldquo;Your practice from your counselor&rdquo;" in page
    for code in re.findall(r"<code>(.*?)</code>", page, flags=re.S):
        assert not re.search("&[lr][sd]quo;|[‘’“”]", code), code


def test_home_opens_with_its_promise_start_here_and_todays_moment_on_a_phone(
        browser: Browser, built_site: Path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(built_site.as_uri() + "/index.html")
    expect(page.locator(".sm-hero__lead")).to_be_in_viewport()
    start = page.get_by_role("link", name="Start here: Bids for connection")
    expect(start).to_be_in_viewport()
    expect(start).to_have_attribute("href", "bids.html")
    today = page.locator(".sm-today")
    box = today.bounding_box()
    assert box is not None and box["y"] < 844, "today's moment starts on the first screen"
    # The safety box stays on the page, after the practices, not as the first thing seen.
    safety = page.get_by_role("complementary", name="Is this guide right for you?")
    cards = page.locator(".sm-cards")
    assert safety.bounding_box()["y"] > cards.bounding_box()["y"]  # type: ignore[index]
    context.close()


def test_home_lists_each_practice_as_a_card_with_its_exercises_time(visit):
    page = visit.open("index.html")
    cards = page.locator(".sm-card")
    expect(cards).to_have_count(7)
    first = cards.first
    expect(first.get_by_role("heading", level=3)).to_have_text("Notice bids")
    expect(first.locator(".sm-card__time")).to_have_text(re.compile(r"^\d+ exercises?, about \d+ minutes?$"))
    # The whole card is the title link's target (clear of the sticky header when clicked).
    first.evaluate("card => card.scrollIntoView({block: 'center'})")
    text = first.locator(".sm-card__text").bounding_box()
    assert text is not None
    page.mouse.click(text["x"] + text["width"] / 2, text["y"] + text["height"] / 2)
    page.wait_for_url(re.compile(r"practices/notice-bids\.html$"))


def test_the_site_font_is_ours_and_comes_from_the_site(visit):
    page = visit.open("bids.html")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Atkinson Hyperlegible Next\"')")
    assert "Atkinson Hyperlegible Next" in page.evaluate(
        "getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    fonts = [url for url in visit.requests if url.endswith(".woff2")]
    assert fonts and all(html.unescape(url).startswith(visit.root) for url in fonts)
    assert visit.outside_requests() == []
