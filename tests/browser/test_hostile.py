"""Hostile text in every field of an exercise is shown as text: no script runs, no dialog opens."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from helpers import ALL_KINDS, make_project, mkdocs_build

# Markup that would run if it were ever rendered as HTML. Markdown links to javascript: are
# refused by validation (tests/test_inline.py); here the link is raw HTML, which stays text.
BODY = ('<script>window.__pwned = "script"</script>'
        '<img src="missing.png" onerror="window.__pwned = \'img\'">'
        '<a href="javascript:window.__pwned = \'link\'" onclick="window.__pwned = \'click\'">go</a>'
        '"\' onmouseover="window.__pwned = \'attr\'"')
# Titles and summaries may not hold < or > (tests/test_inline.py); quotes and & they may.
PLAIN = '" onmouseover="window.__pwned = \'title\'" & \' x="'
# Keys whose values name things rather than show text.
NAMES = {"id", "kind", "practice", "page", "group", "correct", "minutes"}


def poison(node: object, counter: list[int], key: str = "") -> object:
    """Replace every shown text with hostile markup, numbered so options stay distinct."""
    if isinstance(node, dict):
        return {k: v if k in NAMES else poison(v, counter, k) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(item, counter, key) for item in node]
    counter[0] += 1
    if key in ("title", "summary"):
        return f"{PLAIN}{counter[0]}"
    if key in ("label", "speaker"):
        return f"\"' & onclick=x {counter[0]}"
    return f"{BODY} {counter[0]}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    data = poison(yaml.safe_load(ALL_KINDS), [0])
    data["intro"] = f"{BODY} intro"
    make_project(root, {"all-kinds.yml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)},
                 nav=True)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_every_hostile_field_is_shown_as_text_and_nothing_runs(browser: Browser, hostile_site: Path):
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((hostile_site / "exercises" / "all-kinds.html").as_uri())
    expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    # Fire the events inline handlers listen for on every element, so any would have run.
    page.evaluate("""() => document.querySelectorAll('body *').forEach(element =>
        ['mouseover', 'focus', 'error', 'load'].forEach(type => element.dispatchEvent(new Event(type))))""")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    article = page.locator("article")
    expect(article).to_contain_text('<script>window.__pwned = "script"</script>')
    expect(article).to_contain_text("<img src=\"missing.png\" onerror=")
    expect(article).to_contain_text("<a href=\"javascript:window.__pwned = 'link'\"")
    assert page.locator("article script, article img[onerror], article a[href^='javascript:'], "
                        "[onmouseover], [onclick], [onerror]").count() == 0
    expect(page.locator("h1")).to_contain_text('" onmouseover="window.__pwned = \'title\'" & \'')
    assert "onmouseover" in page.title()
    context.close()


def test_answering_hostile_questions_puts_their_text_in_feedback_as_text(browser: Browser,
                                                                         hostile_site: Path):
    context = browser.new_context()
    page = context.new_page()
    page.goto((hostile_site / "exercises" / "all-kinds.html").as_uri())
    page.locator("#pick-one-option-1").check()
    page.locator("#pick-one .sm-check").click()
    feedback = page.locator("#pick-one .sm-feedback")
    expect(feedback).to_contain_text('<script>window.__pwned = "script"</script>')
    assert feedback.locator("script, img, a").count() == 0
    page.locator("#write-reflect-reply").fill("<img src=x onerror=\"window.__pwned='reply'\">")
    page.locator("#write-reflect .sm-check").click()
    page.reload()
    expect(page.locator("#write-reflect-reply")).to_have_value(
        "<img src=x onerror=\"window.__pwned='reply'\">")
    assert page.evaluate("window.__pwned") is None
    context.close()
