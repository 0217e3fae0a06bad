"""The gate's checks are tested too: each one fails on a tiny site built to break its rule."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from checks import (answer_everything, axe_violations, focus_problems, motion, outside_requests,
                    overflow, pdf_text, storage_problems, vnu_errors)
from helpers import VALID, make_project, mkdocs_build

BROKEN = {
    "no-alt.md": '# No alt\n\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">\n',
    "no-label.md": '# No label\n\n<p><input type="text" id="loose"></p>\n',
    "far-script.md": '# Far script\n\n<script src="https://cdn.example.com/tracker.js"></script>\n',
    "console-error.md": '# Console error\n\n<script>console.error("boom")</script>\n',
    "cookie.md": '# Cookie\n\n<script>document.cookie = "track=1"; localStorage.setItem("tracker", "1")</script>\n',
    "wide.md": '# Wide\n\n<div style="width: 2000px">A very wide box.</div>\n',
    "invalid.md": "# Invalid\n\n<ul><div>Not a list item.</div></ul>\n",
    "moving.md": '# Moving\n\n<div class="sm-exercise"><p style="transition: color 2s !important">Fades.</p></div>\n',
    "no-focus.md": '# No focus\n\n<p><a href="#here" style="outline: none !important; box-shadow: none !important">Hidden focus</a></p>\n',
}


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("broken")
    make_project(project, {"tiny-bids.yml": VALID})
    for name, text in BROKEN.items():
        (project / "content" / name).write_text(text)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def test_axe_check_catches_an_image_without_alt_text(broken_site: Path, page: Page):
    page.goto(url(broken_site, "no-alt.html"))
    problems = axe_violations(page, "no-alt.html")
    assert any(p.startswith("no-alt.html: image-alt at img") for p in problems), problems


def test_axe_check_catches_a_field_without_a_label(broken_site: Path, page: Page):
    page.goto(url(broken_site, "no-label.html"))
    problems = axe_violations(page, "no-label.html")
    assert any(p.startswith("no-label.html: label at #loose") for p in problems), problems


def test_privacy_check_catches_a_script_from_another_host(broken_site: Path, browser: Browser):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.new_page().goto(url(broken_site, "far-script.html"))
    assert outside_requests(requests, "file://") == ["https://cdn.example.com/tracker.js"]
    context.close()


def test_privacy_check_catches_a_cookie_and_a_foreign_storage_key(broken_site: Path, browser: Browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url(broken_site, "cookie.html"))
    problems = storage_problems(context, page, "cookie.html")
    assert "cookie.html: localStorage key 'tracker' is not this site's own" in problems
    context.close()


def test_console_check_catches_an_error(broken_site: Path, page: Page):
    logged: list[str] = []
    page.on("console", lambda message: logged.append(f"{message.type}: {message.text}"))
    page.goto(url(broken_site, "console-error.html"))
    assert "error: boom" in logged


def test_overflow_check_catches_a_wide_element(broken_site: Path, browser: Browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url(broken_site, "wide.html"))
    problems = overflow(page, "wide.html")
    assert problems and problems[0].startswith("wide.html: div reaches"), problems
    context.close()


def test_nu_check_catches_invalid_nesting(broken_site: Path):
    errors, _ = vnu_errors([broken_site / "invalid.html"])
    assert any("invalid.html" in error and "Element “div” not allowed as child of element “ul”" in error
               for error in errors), errors


def test_motion_check_catches_a_transition(broken_site: Path, browser: Browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(url(broken_site, "moving.html"))
    assert motion(page, "moving.html") == ["moving.html: p. moves with prefers-reduced-motion"]
    context.close()


def test_focus_check_catches_a_hidden_focus_ring(broken_site: Path, page: Page):
    page.goto(url(broken_site, "no-focus.html"))
    problems = focus_problems(page, "no-focus.html")
    assert "no-focus.html: focus is not visible on a.focus-visible 'Hidden focus'" in problems, problems


def test_print_check_catches_answers_on_a_worksheet(broken_site: Path, page: Page):
    page.goto(url(broken_site, "exercises/tiny-bids.html"))
    _, clean = pdf_text(page)
    assert "Naming the sigh and asking turns toward Sam." not in clean
    page.evaluate("""() => {
        document.querySelector('link[href$="bundle.css"]').remove();
        document.querySelectorAll('details').forEach(d => { d.hidden = false; d.open = true; });
    }""")
    _, leaking = pdf_text(page)
    assert "Naming the sigh and asking turns toward Sam." in leaking


def test_answering_everything_shows_every_feedback(broken_site: Path, page: Page):
    page.goto(url(broken_site, "exercises/tiny-bids.html"))
    answer_everything(page)
    assert page.locator(".sm-feedback:empty").count() == 0
