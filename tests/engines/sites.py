"""The built site for tests/engines: served over http and opened from file://, with the
error capture script written into every page for the engine whose driver cannot add it first
(WebKit); and Visit, one engine on one way of opening a site."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from drivers import BLANK, CAPTURE, Engine
from helpers import REPO

WHERE = ("http", "file")
NEUTRAL = "__engines_neutral.html"  # stands in for the quick exit's neutral page
NEUTRAL_PAGE = b"<!doctype html><html><head><meta charset=utf-8><link rel=icon href='data:,'><title>Neutral</title></head><body><p>Search</p></body></html>"


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV, !relative and python tags only MkDocs resolves."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def quick_exit_url(config: Path = REPO / "mkdocs.yml") -> str | None:
    """Where the site's quick exit leads (mkdocs.yml extra.quick_exit.url), if it says."""
    extra = (yaml.load(config.read_text(), Loader=_AnyTag) or {}).get("extra") or {}
    return (extra.get("quick_exit") or {}).get("url")


def point_quick_exit_home(folder: Path, neutral: str, config: Path = REPO / "mkdocs.yml") -> None:
    """Send the quick exit to a page on 127.0.0.1 instead of its host on the internet: no test
    may reach outside this machine, and WebKitWebDriver cannot answer for a host itself."""
    url = quick_exit_url(config)
    if not url:
        return
    old, new = f'href="{url}"'.encode(), f'href="{neutral}"'.encode()
    for page in folder.rglob("*.html"):
        data = page.read_bytes()
        if old in data:
            page.write_bytes(data.replace(old, new))
CAPTURE_TAG = f"<script>{CAPTURE}</script>".encode()
BLANK_PAGE = b"<!doctype html><html><head><meta charset=utf-8><link rel=icon href='data:,'><title>blank</title></head><body></body></html>"


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
        if path == "/" + NEUTRAL:
            return self._send(NEUTRAL_PAGE)
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
    neutral: str = "about:blank"

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


def moved_copy(folder: Path, target: Path, old: str, new: str) -> Path:
    """A copy of a built site whose address (site_url) is `new` instead of `old`, as if built
    for it: the address is written in the pages, sitemap.xml and its gzipped twin."""
    shutil.copytree(folder, target)
    for path in target.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js", ".webmanifest", ".txt"):
            data = path.read_bytes()
            if old.encode() in data:
                path.write_bytes(data.replace(old.encode(), new.encode()))
    sitemap = target / "sitemap.xml"
    if sitemap.is_file():
        (target / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))
    return target


@contextlib.contextmanager
def hosted(folder: Path, scratch: Path, port: int = 0) -> Iterator[Site]:
    """Serve a built site on 127.0.0.1 and make its captured file:// copy, for a while."""
    http_root, server = serve(folder, port)
    neutral = http_root + NEUTRAL
    point_quick_exit_home(folder, neutral)
    copy = captured_copy(folder, scratch / "captured")
    try:
        yield Site(folder, http_root, folder.as_uri() + "/", copy.as_uri() + "/", neutral)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """One engine on one way of opening the site (http or file://), from a clean state."""

    engine: Engine
    root: str
    where: str
    neutral: str = "about:blank"  # where the quick exit leads

    def open(self, path: str) -> Engine:
        self.engine.goto(self.root + path)
        return self.engine

    def errors(self) -> list[str]:
        return self.engine.collect_errors()

    def assert_no_errors(self) -> None:
        errors = self.errors()
        assert not errors, (f"{self.engine.name} over {self.where} reported script errors:\n"
                            + "\n".join(errors))
