"""The copy for reading offline (issue 14, point 12): where the site is hosted, after one visit
the service worker serves every page with the network cut, a rebuilt site is picked up on the
next visit with a message, and from file:// nothing is registered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from checks import site_pages
from conftest import Visit, _serve, _visit
from helpers import VALID, make_project, mkdocs_build
from test_quiz import answer_by_click, right_index
from test_safety import QUICK_EXIT, neutral

# Every address the page's caches hold, without the worker's hash suffix.
KEPT = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) kept.push(request.url.split("?")[0]);
  }
  return kept;
}"""


# Move the kept copies of these addresses to a cache of the test's own (back=false), or back
# (back=true): what a copy cleared or half replaced under an open page looks like to the worker.
ASIDE = """async ([addresses, back]) => {
  const aside = await caches.open("test: set aside");
  for (const name of await caches.keys()) {
    if (!name.startsWith("small-moments ")) continue;
    const cache = await caches.open(name);
    const [from, to] = back ? [aside, cache] : [cache, aside];
    for (const request of await from.keys()) {
      if (!addresses.includes(request.url.split("?")[0])) continue;
      await to.put(request, await from.match(request));
      await from.delete(request);
    }
  }
  const moved = back ? 0 : (await aside.keys()).length;
  if (back) await caches.delete("test: set aside");
  return moved;
}"""


def kept_offline(page: Page) -> set[str]:
    """Wait for the worker to control the page (it has kept the whole site by then)."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    return set(page.evaluate(KEPT))


@pytest.fixture(scope="module")
def kept_once(browser: Browser, http_root: str) -> Iterator[Visit]:
    """The real site after one visit over http, once the worker has kept its copy: one visit
    for the module, since keeping the whole site takes a few seconds."""
    for visit in _visit(browser, http_root, service_workers="allow"):
        visit.open("index.html")
        kept_offline(visit.page)
        yield visit


@pytest.fixture
def kept(kept_once: Visit) -> Iterator[Visit]:
    """The kept visit for one test: online, with a fresh record of requests and messages."""
    kept_once.requests.clear()
    kept_once.console.clear()
    kept_once.context.set_offline(False)
    yield kept_once
    kept_once.context.set_offline(False)
    kept_once.context.unroute("**")


def test_after_one_visit_every_html_page_of_the_built_site_is_kept(kept: Visit, built_site: Path):
    pages = {kept.root + path.relative_to(built_site).as_posix()
             for path in built_site.rglob("*.html")}
    assert len(pages) > 40
    assert pages - set(kept.page.evaluate(KEPT)) == set()


def test_with_the_network_cut_the_worker_serves_every_page(kept: Visit, built_site: Path):
    kept.context.set_offline(True)
    page = kept.page
    pages = site_pages(built_site)
    assert len(pages) > 40
    for path in pages:
        response = page.goto(kept.root + path)
        assert response is not None and response.ok and response.from_service_worker, path
        expect(page.locator("h1").first).to_be_visible()
        # The runtime runs from the copy too: the worker's message box started.
        expect(page.locator(".sm-offline[data-sm-ready]")).to_have_count(1)
    # A folder's address is its index page.
    assert page.goto(kept.root).from_service_worker
    expect(page.locator(".sm-quick-exit")).to_be_visible()
    assert kept.outside_requests() == []


def test_the_worker_keeps_nothing_from_another_origin_and_lets_the_quick_exit_leave(kept: Visit):
    neutral(kept.context)
    page = kept.page
    page.goto(kept.root + "bids.html")
    with page.expect_navigation(url=QUICK_EXIT["url"] + "**") as leaving:
        page.locator(".sm-quick-exit").click()
    assert not leaving.value.from_service_worker
    assert page.evaluate("location.href").startswith(QUICK_EXIT["url"])
    page.goto(kept.root + "index.html")
    assert [url for url in page.evaluate(KEPT) if not url.startswith(kept.root)] == []


def test_with_the_network_cut_a_file_missing_from_the_copy_is_answered_calmly(
        browser: Browser, kinds_site: Path):
    """A listed file neither the network nor the copy has (the copy cleared or half replaced
    under the page): a 503 for a file, a short page with a link home for a page; never a
    rejected answer, which browsers log as an error and show as their own failure page.

    The network is cut by stopping the site's own server: Playwright's offline mode does not
    always reach a service worker (microsoft/playwright#2311), and under load the worker then
    fetched the page from the server and the test saw a 200."""
    served = _serve(kinds_site)
    root = next(served)
    for visit in _visit(browser, root, service_workers="allow"):
        page = visit.open("exercises/tiny-bids.html")
        kept_offline(page)
        expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
        picture, gone_page = root + "assets/small-moments/icons/icon-192.png", root + "safety.html"
        assert page.evaluate(ASIDE, [[picture, gone_page], False]) >= 2
        next(served, None)  # the server stops: nothing answers on its port any more
        # Nor does the browser's HTTP cache: the server's Last-Modified lets Chromium keep a file
        # fresh for a tenth of its age, so on a slow run (a site built minutes before) it
        # answered the worker's fetch itself with a 200.
        visit.context.new_cdp_session(page).send("Network.clearBrowserCache")
        visit.context.set_offline(True)
        answer = page.evaluate("""url => fetch(url).then(
            response => [response.status, response.statusText],
            error => ["rejected", String(error)])""", picture)
        assert answer == [503, "Not available offline"]
        # The page that asked still works: a question checks.
        first = yaml.safe_load(VALID)["questions"][0]
        answer_by_click(page, first, right_index(first))
        expect(page.locator(f"section#{first['id']} .sm-feedback")).to_be_visible()

        response = page.goto(gone_page)
        assert response is not None and response.status == 503 and response.from_service_worker
        expect(page.get_by_role("heading", level=1)).to_have_text("This page is not on this device")
        page.get_by_role("link", name="home page").click()
        page.wait_for_load_state("load")
        assert page.evaluate("location.href") == root
        expect(page.locator(".sm-quick-exit")).to_be_visible()
        # The one line Chromium logs for the page's 503 is the whole record: no failed
        # interception, no uncaught error.
        assert [line for line in visit.problems_logged() if "status of 503" not in line] == []


def test_from_a_folder_no_worker_is_registered_and_nothing_is_logged(browser: Browser,
                                                                    built_site: Path):
    for visit in _visit(browser, built_site.as_uri() + "/", service_workers="allow"):
        page = visit.open("index.html")
        expect(page.locator(".sm-offline[data-sm-ready]")).to_have_count(1)
        page.evaluate("new Promise(done => requestIdleCallback(done, {timeout: 2000}))")
        assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
        assert not [url for url in visit.requests if url.endswith("/sw.js")]
        expect(page.locator(".sm-offline")).to_be_empty()
        assert visit.problems_logged() == []


# A tiny site built once for the update test, served from its folder, then rebuilt in place.
@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = tmp_path_factory.mktemp("offline-update")
    make_project(project, {"tiny-bids.yml": VALID})
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    for root in _serve(project / "site"):
        yield project, root


def test_a_rebuilt_site_is_picked_up_on_the_next_visit_with_a_calm_message(browser: Browser,
                                                                          tiny: tuple[Path, str]):
    project, root = tiny
    for visit in _visit(browser, root, service_workers="allow"):
        page = visit.open("safety.html")
        kept_offline(page)
        expect(page.locator(".sm-offline")).to_be_empty()
        (project / "content" / "safety.md").write_text("# Safety\n\nGet help, now rewritten.\n")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr

        page = visit.open("safety.html")
        expect(page.get_by_text("now rewritten")).to_be_visible()
        message = page.locator(".sm-offline[role='status']")
        expect(message).to_contain_text("A new version of this guide is ready", timeout=30_000)
        expect(message.get_by_role("button", name="Reload to see it")).to_be_visible()
        # The new version is the one kept: it is there with the network cut.
        visit.context.set_offline(True)
        message.get_by_role("button", name="Reload to see it").click()
        page.wait_for_load_state("load")
        expect(page.get_by_text("now rewritten")).to_be_visible()
        expect(page.locator(".sm-offline")).to_be_empty()
        assert visit.problems_logged() == []
