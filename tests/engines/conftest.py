"""The cross-engine suite: the real site built once, served over http and opened from file://,
in Chromium (Playwright), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK
(WebKitWebDriver + selenium). Each browser starts once per test process and is reused;
every test gets a clean state (a new context, or the origin's storage cleared).

Every test that takes the `visit` fixture also fails on any script error the page reported
(see pytest_runtest_call below)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from drivers import BLANK, CAPTURE, ChromiumEngine, Engine, FirefoxEngine, WebKitEngine, find
from helpers import REPO, mkdocs_build

ENGINES = ("chromium", "firefox", "webkit")
WHERE = ("http", "file")
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
CAPTURE_TAG = f"<script>{CAPTURE}</script>".encode()
BLANK_PAGE = b"<!doctype html><html><head><meta charset=utf-8><title>blank</title></head><body></body></html>"


def with_capture(html: bytes) -> bytes:
    """The page with the capture script as the first thing in its <head>."""
    return re.sub(rb"<head[^>]*>", lambda match: match.group(0) + CAPTURE_TAG, html, count=1,
                  flags=re.IGNORECASE)


class _CapturingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the capture script written into every HTML page (for WebKit, whose
    driver cannot add a script before the page's own), and an empty page of this origin."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == "/" + BLANK:
            return self._send(BLANK_PAGE)
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            return self._send(with_capture(file.read_bytes()))
        return super().do_GET()

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Site:
    """A built site, its http address, and its file:// addresses (as built, and with the
    capture script written in for engines that cannot add it first)."""

    folder: Path
    http: str
    file: str
    file_captured: str

    def root(self, engine: str, where: str) -> str:
        if where == "http":
            return self.http
        return self.file_captured if engine == "webkit" else self.file


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(folder: Path, port: int) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_CapturingHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def captured_copy(folder: Path, target: Path) -> Path:
    """A copy of a built site with the capture script in every page, plus the empty page."""
    shutil.copytree(folder, target)
    for page in target.rglob("*.html"):
        page.write_bytes(with_capture(page.read_bytes()))
    (target / BLANK).write_bytes(BLANK_PAGE)
    return target


@contextlib.contextmanager
def hosted(folder: Path, scratch: Path, port: int = 0) -> Iterator[Site]:
    """Serve a built site on 127.0.0.1 and make its captured file:// copy, for a while."""
    http_root, server = serve(folder, port)
    copy = captured_copy(folder, scratch / "captured")
    try:
        yield Site(folder, http_root, folder.as_uri() + "/", copy.as_uri() + "/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def engines_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built once per test process with `mkdocs build --strict`, for the
    port it is served on (Material's instant navigation follows sitemap.xml's host)."""
    scratch = tmp_path_factory.mktemp("engines")
    port = free_port()
    folder = scratch / "site"
    result = mkdocs_build(REPO, "--strict", "--site-dir", str(folder),
                          SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
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


@dataclass
class Visit:
    """One engine on one way of opening the site (http or file://), from a clean state."""

    engine: Engine
    root: str
    where: str

    def open(self, path: str) -> Engine:
        self.engine.goto(self.root + path)
        return self.engine

    def errors(self) -> list[str]:
        return self.engine.collect_errors()

    def assert_no_errors(self) -> None:
        errors = self.errors()
        assert not errors, (f"{self.engine.name} over {self.where} reported script errors:\n"
                            + "\n".join(errors))


@pytest.fixture(params=WHERE)
def visit(request: pytest.FixtureRequest, engine: Engine, engines_site: Site) -> Visit:
    root = engines_site.root(engine.name, request.param)
    engine.fresh(root)
    return Visit(engine, root, request.param)


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
