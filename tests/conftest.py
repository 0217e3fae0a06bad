"""Puts tests/ on the import path, so every test can import helpers.py (and browser/checks.py),
and builds the real site once per test process for every suite that opens it in a browser."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import REPO, mkdocs_build  # noqa: E402 - needs the path above


@pytest.fixture(scope="session")
def http_port() -> int:
    """A free port on 127.0.0.1 for the site's own host."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, http_port: int) -> Path:
    """The real site, built once per test process with `mkdocs build --strict`.

    SITE_URL is the address it is served from, as when hosting it: Material's instant
    navigation only follows links listed in sitemap.xml for that host and port. Tests that
    change files work on a copy (tests/engines makes one for its own port)."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(REPO, "--strict", "--site-dir", str(site),
                          SITE_URL=f"http://127.0.0.1:{http_port}/")
    assert result.returncode == 0, result.stderr
    return site


# The suites whose tests take longest start first, so that no worker is left with one of them
# while the others are idle (the quality gate crawls every page; the other engines are slow).
LONG_FIRST = ("browser/test_gate.py", "browser/test_paper.py", "engines/", "zensical/",
              "browser/test_bundle.py", "browser/test_pair.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: next((rank for rank, part in enumerate(LONG_FIRST)
                                      if part in item.nodeid), len(LONG_FIRST)))
