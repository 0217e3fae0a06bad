"""Browser fixtures: the built site served over http and opened from file://, in Debian's chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from helpers import ALL_KINDS, REPO, VALID, make_project, mkdocs_build, playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # A service worker is only registered from a JavaScript content type (sw.js), whatever the
    # machine's mime.types says; the app manifest has its own.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".webmanifest": "application/manifest+json"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def _serve(folder: Path, port: int = 0) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def http_root(built_site: Path, http_port: int) -> Iterator[str]:
    """The built site on a static http server bound to 127.0.0.1."""
    yield from _serve(built_site, http_port)


@pytest.fixture(scope="session")
def kinds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny site with one exercise of every question kind, built once per test process."""
    project = tmp_path_factory.mktemp("kinds")
    make_project(project, {"all-kinds.yml": ALL_KINDS, "tiny-bids.yml": VALID}, nav=True)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def kinds_http(kinds_site: Path) -> Iterator[str]:
    yield from _serve(kinds_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    browser = playwright().chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Visit:
    """A browser context on the site, recording every request and console message."""

    root: str
    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.root + path)
        self.page.wait_for_load_state("load")
        return self.page

    def outside_requests(self) -> list[str]:
        """Every request that left the site's own origin (file:// counts as the origin there)."""
        return [url for url in self.requests if not url.startswith(self.root)]

    def problems_logged(self) -> list[str]:
        return [line for line in self.console if line.startswith(("error", "warning"))
                and line != WORKER_BLOCKED]


# Contexts block service workers unless a test asks for them (service_workers="allow", as
# test_offline.py does): keeping the whole site costs about a second of CPU per context, which
# every other test over http would pay for nothing. Playwright's stand-in register() logs this.
WORKER_BLOCKED = "warning: Service Worker registration blocked by Playwright"


def _visit(browser: Browser, root: str, **options: object) -> Iterator[Visit]:
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)  # type: ignore[arg-type]
    visit = Visit(root, context, context.new_page())
    context.on("request", lambda request: visit.requests.append(request.url))

    def record(message: ConsoleMessage) -> None:
        visit.console.append(f"{message.type}: {message.text}")

    visit.page.on("console", record)
    visit.page.on("pageerror", lambda error: visit.console.append(f"error: {error}"))
    yield visit
    context.close()


@pytest.fixture(params=["http", "file"])
def visit(request: pytest.FixtureRequest, browser: Browser, built_site: Path) -> Iterator[Visit]:
    """The site in a fresh browser context, once over http and once from file://."""
    if request.param == "http":
        root = request.getfixturevalue("http_root")
    else:
        root = built_site.as_uri() + "/"
    yield from _visit(browser, root)


@pytest.fixture(params=["http", "file"])
def kinds_visit(request: pytest.FixtureRequest, browser: Browser, kinds_site: Path) -> Iterator[Visit]:
    """The tiny every-kind site in a fresh browser context, over http and from file://."""
    root = request.getfixturevalue("kinds_http") if request.param == "http" else kinds_site.as_uri() + "/"
    yield from _visit(browser, root)


@pytest.fixture
def http_visit(browser: Browser, http_root: str) -> Iterator[Visit]:
    """The site over http only (instant navigation needs http)."""
    yield from _visit(browser, http_root)


@pytest.fixture
def no_js_visit(browser: Browser, built_site: Path) -> Iterator[Visit]:
    """The site from file:// with JavaScript turned off."""
    yield from _visit(browser, built_site.as_uri() + "/", java_script_enabled=False)
