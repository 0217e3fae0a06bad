"""The site built by the second engine, Zensical, through generator/zensical.py."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import REPO, run

# The browser fixtures (chromium, an http server, recorded visits) are the ones tests/browser
# uses; only the site under test differs.
from browser.conftest import _serve, _visit, browser  # noqa: F401  (pytest fixtures)

ZENSICAL = shutil.which("zensical", path=str(Path(sys.executable).parent)) or "zensical"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once with Zensical, as `python -m generator zensical` does."""
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = run(["-m", "generator", "zensical", "--site", str(site), "--zensical", ZENSICAL], REPO)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def zensical_http(zensical_site: Path) -> Iterator[str]:
    yield from _serve(zensical_site)


@pytest.fixture(params=["http", "file"])
def zensical_visit(request: pytest.FixtureRequest, browser, zensical_site: Path):  # noqa: F811
    """The Zensical-built site in a fresh browser context, over http and from file://."""
    root = (request.getfixturevalue("zensical_http") if request.param == "http"
            else zensical_site.as_uri() + "/")
    yield from _visit(browser, root)
