"""The cross-engine suite: the real site built once, served over http and opened from file://,
in Chromium (Playwright), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK
(WebKitWebDriver + selenium). Each browser starts once per test process and is reused;
every test gets a clean state (a new context, or the origin's storage cleared).

Every test that takes the `visit` fixture also fails on any script error the page reported
(see pytest_runtest_call below)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers import ChromiumEngine, Engine, FirefoxEngine, WebKitEngine, find
from helpers import REPO
from sites import WHERE, Site, Visit, free_port, hosted, moved_copy

ENGINES = ("chromium", "firefox", "webkit")
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"


@pytest.fixture(scope="session")
def engines_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path,
                 http_port: int) -> Iterator[Site]:
    """The real site as the browser suite built it (tests/conftest.py), copied and moved to the
    port it is served on here (Material's instant navigation follows sitemap.xml's host)."""
    scratch = tmp_path_factory.mktemp("engines")
    port = free_port()
    folder = moved_copy(built_site, scratch / "site", f"http://127.0.0.1:{http_port}/",
                        f"http://127.0.0.1:{port}/")
    with hosted(folder, scratch, port) as site:
        yield site


def _start(name: str, scratch: Path) -> Engine:
    if name == "chromium":
        binary = find("chromium", "/usr/bin/chromium")
        if not binary:
            pytest.skip("Debian's chromium is not installed (make test installs it)")
        return ChromiumEngine(binary)
    if name == "firefox":
        binary, node = find("firefox-esr", "/usr/bin/firefox-esr"), find("node")
        if not binary or not node:
            pytest.skip("firefox-esr or node is missing (make test installs them)")
        if not (REPO / "node_modules" / "puppeteer-core").is_dir():
            pytest.skip("puppeteer-core is missing (make test runs npm ci)")
        return FirefoxEngine(binary, scratch / "downloads", node)
    driver, browser = find("WebKitWebDriver"), find(MINIBROWSER)
    if not driver or not browser or not find("Xvfb"):
        pytest.skip("webkit2gtk-driver or Xvfb is missing (make test installs them)")
    return WebKitEngine(driver, browser, scratch / "home")


class _Engines:
    """Each browser started on first use and kept for the rest of the test process."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.started: dict[str, Engine] = {}

    def get(self, name: str) -> Engine:
        if name not in self.started:
            self.started[name] = _start(name, self.scratch / name)
        return self.started[name]

    def close(self) -> None:
        for engine in self.started.values():
            engine.close()


@pytest.fixture(scope="session")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Engines]:
    started = _Engines(tmp_path_factory.mktemp("browsers"))
    yield started
    started.close()


# One xdist group per engine: `pytest -n 2 --dist loadgroup` runs each engine's tests in one
# process, so each browser starts once.
@pytest.fixture(params=[pytest.param(name, marks=pytest.mark.xdist_group(f"engine-{name}"))
                        for name in ENGINES])
def engine(request: pytest.FixtureRequest, engines: _Engines) -> Engine:
    return engines.get(request.param)


@pytest.fixture(params=WHERE)
def visit(request: pytest.FixtureRequest, engine: Engine, engines_site: Site) -> Visit:
    root = engines_site.root(engine.name, request.param)
    engine.fresh(root)
    return Visit(engine, root, request.param, engines_site.neutral)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Any script error the page reported fails the test that took `visit`."""
    visit = getattr(item, "funcargs", {}).get("visit")
    try:
        result = yield
    except BaseException as error:
        if isinstance(visit, Visit) and isinstance(error, Exception):
            try:
                errors = visit.errors()
            except Exception:  # noqa: BLE001 - the browser may be the thing that failed
                errors = []
            if errors:
                error.add_note("script errors seen: " + "; ".join(errors))
        raise
    if isinstance(visit, Visit):
        visit.assert_no_errors()
    return result
