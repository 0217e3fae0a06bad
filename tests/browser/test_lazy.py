"""Scripts for one page only load on that page: exercise pages stay light, tool pages still work."""

from __future__ import annotations

from playwright.sync_api import expect

# Each tool page, what marks it enhanced, and the scripts it asks lazy.js for.
TOOLS = {
    "bid-tracker.html": (".sm-tracker[data-sm-ready]", {"import.js", "tracker.js"}),
    "ritual-planner.html": (".sm-planner[data-sm-ready]", {"ics.js", "planner.js"}),
    "catalog.html": (".sm-catalog[data-sm-ready]", {"share.js", "catalog.js"}),
    # My progress imports every feature's saved data, so it loads each feature's rules.
    "progress.html": (".sm-progress[data-sm-ready]", {"progress-state.js", "import.js", "progress.js",
                                                      "summary.js", "share.js", "tracker.js",
                                                      "planner.js", "assignment.js", "lists.js", "pair.js"}),
    "assignment.html": (".sm-assignment[data-sm-ready]", {"progress-state.js", "assignment.js"}),
    # The home page also lists the counselor's lists kept (hidden while there are none).
    "index.html": (".sm-lists[data-sm-ready]", {"today.js", "progress-state.js", "assignment.js", "lists.js"}),
}
PAGE_SCRIPTS = set().union(*(names for _, names in TOOLS.values()))
# Every exercise page also fetches "Compare with your partner" (pair.js, with share.js for
# copying) once it is up; My progress fetches pair.js for the kept comparisons and the summary.
PAIR = {"share.js", "pair.js"}
# And every page fetches the script that keeps the site for offline reading where it is
# hosted (offline.js; from file:// it finds nothing to do).
OFFLINE = {"offline.js"}


def scripts_fetched(requests: list[str]) -> set[str]:
    """Names of this site's own scripts among the requests."""
    return {url.rsplit("/", 1)[1] for url in requests if "/assets/small-moments/" in url and url.endswith(".js")}


def test_an_exercise_page_fetches_no_script_of_a_tool_page(visit):
    page = visit.open("exercises/notice-bids-everyday.html")
    expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    # Its text uses a glossary term, so it also fetches the small glossary script.
    assert page.locator("abbr").count() > 0
    fetched = scripts_fetched(visit.requests)
    assert fetched == {"bundle.js", "terms.js"} | PAIR | OFFLINE


def test_a_page_without_glossary_terms_fetches_only_the_bundle(visit):
    page = visit.open("exercises/celebrate-good-news.html")
    expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    assert page.locator("abbr").count() == 0
    assert scripts_fetched(visit.requests) == {"bundle.js"} | PAIR | OFFLINE


def test_each_tool_page_fetches_its_own_scripts_and_is_enhanced(visit):
    for path, (ready, names) in TOOLS.items():
        visit.requests.clear()
        page = visit.open(path)
        expect(page.locator(ready)).to_have_count(1)
        fetched = scripts_fetched(visit.requests)
        assert fetched & PAGE_SCRIPTS == names, path
    assert visit.problems_logged() == []


def test_a_tool_page_reached_by_instant_navigation_loads_its_scripts(http_visit):
    page = http_visit.open("exercises/notice-bids-everyday.html")
    page.evaluate("window.__sameDocument = true")
    nav = page.locator(".md-sidebar--primary")
    nav.locator("label.md-nav__link", has_text="Practice tools").click()
    nav.get_by_role("link", name="Bid tracker", exact=True).click()
    expect(page.locator(".sm-tracker[data-sm-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not navigated"
    expect(page.locator(".sm-tracker__summary")).to_contain_text("Last 7 days")
    assert http_visit.problems_logged() == []
