"""A renamed exercise's old address, with or without an anchor, lands on its new page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import _serve
from helpers import VALID, make_project, mkdocs_build


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("renamed")
    make_project(root, {"tiny-bids.yml": VALID})
    assert mkdocs_build(root).returncode == 0
    (root / "published-urls.txt").write_text((root / "site" / "urls.txt").read_text())
    (root / "exercises" / "tiny-bids.yml").unlink()
    (root / "exercises" / "tiny-steps.yml").write_text(
        VALID.replace("id: tiny-bids", "id: tiny-steps").replace("id: tiny-sigh", "id: tiny-breath"))
    (root / "redirects.yml").write_text(
        "exercises/tiny-bids.html: exercises/tiny-steps.html\n"
        "exercises/tiny-bids.html#tiny-sigh: exercises/tiny-steps.html#tiny-breath\n")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_old_addresses_land_on_the_new_page_and_question(browser: Browser, renamed_site: Path,
                                                         scheme: str):
    server = _serve(renamed_site)
    root = next(server) if scheme == "http" else renamed_site.as_uri() + "/"
    context = browser.new_context()
    page = context.new_page()
    for old, new in (("exercises/tiny-bids.html", "exercises/tiny-steps.html"),
                     ("exercises/tiny-bids.html#tiny-link", "exercises/tiny-steps.html#tiny-link"),
                     ("exercises/tiny-bids.html#tiny-sigh", "exercises/tiny-steps.html#tiny-breath")):
        page.goto(root + old)
        page.wait_for_url(root + new)
        expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    page.go_back()
    assert "tiny-bids.html" not in page.url, "Back returned to the redirect page"
    context.close()
    if scheme == "http":
        next(server, None)


def test_old_address_lands_on_the_new_page_without_javascript(browser: Browser, renamed_site: Path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(renamed_site.as_uri() + "/exercises/tiny-bids.html")
    page.wait_for_url(renamed_site.as_uri() + "/exercises/tiny-steps.html")
    context.close()
