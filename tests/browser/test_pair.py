"""Partners compare answers with no server (issue 18): two browser contexts stand for two phones.

A link's #fragment, a QR code or a pasted code carries the answers (pair.js); with a word they
are locked with AES-GCM. These tests drive the real site (one short exercise) and the tiny
every-kind site, over http and from file://."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from checks import AXE, AXE_TAGS, answer_everything, outside_requests, settle, storage_problems

EX = "build-or-break"  # a sort question and six single-choice ones
WORD = "maple"
KEY = "small-moments:v1"
# Making or opening a code locked with a word runs PBKDF2 (310,000 rounds): a fraction of a
# second on a phone, but seconds on a test machine whose cores are shared.
SLOW = 30_000


@pytest.fixture
def phones(browser: Browser) -> Iterator[tuple[BrowserContext, BrowserContext, list[str]]]:
    """Two fresh contexts (two phones) and every request either makes."""
    requests: list[str] = []
    pair = (browser.new_context(viewport={"width": 390, "height": 844}),
            browser.new_context(viewport={"width": 390, "height": 844}))
    for context in pair:
        context.on("request", lambda request: requests.append(request.url))
    yield pair[0], pair[1], requests
    for context in pair:
        context.close()


def opened(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".sm-pair[data-sm-ready]", state="attached")
    return page


def share(page: Page, word: str | None = WORD, replies: bool = False, start: bool = True) -> tuple[str, str]:
    """Make the link and code of this page's answers; returns (link, code)."""
    if start:
        page.locator(".sm-pair__share").click()
    if replies:
        page.locator(".sm-pair__replies").check()
    if word is None:
        page.locator(".sm-pair__open").check()
    else:
        page.locator(".sm-pair__word").fill(word)
    page.locator(".sm-pair__make").click()
    expect(page.locator(".sm-pair__out")).to_be_visible(timeout=SLOW)
    return page.locator(".sm-pair__link").input_value(), page.locator(".sm-pair__code").input_value()


def paste(page: Page, code: str, word: str = "") -> None:
    page.locator(".sm-pair__paste-open").click()
    page.locator(".sm-pair__paste").fill(code)
    page.locator(".sm-pair__open-word").fill(word)
    page.locator(".sm-pair__open-go").click()


def stored(page: Page) -> list[str | None]:
    return page.evaluate(f"[localStorage.getItem('{KEY}'), sessionStorage.getItem('{KEY}')]")


def questions(page: Page) -> int:
    return page.locator(".sm-question").count()


def test_two_phones_a_shares_b_answers_first_compares_and_shares_back_over_http(phones, http_root: str):
    a_phone, b_phone, requests = phones
    a = opened(a_phone, f"{http_root}exercises/{EX}.html")
    answer_everything(a)
    link, _code = share(a)
    assert link.startswith(f"{http_root}exercises/{EX}.html#sm-pair=")
    qr = a.locator(".sm-pair__qr canvas")
    expect(qr).to_be_visible()
    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))]
    assert decoded == [link]

    b = opened(b_phone, link)
    expect(b.locator(".sm-pair__problem")).to_contain_text("locked with a word", timeout=SLOW)
    assert "#" not in b.url  # the answers leave the address bar and the history entry
    b.locator(".sm-pair__open-word").fill(WORD.upper() + " ")  # said out loud: case and spaces do not matter
    b.locator(".sm-pair__open-go").click()
    expect(b.locator(".sm-pair__wait-text")).to_contain_text("Answer the same questions yourself first", timeout=SLOW)
    expect(b.locator(".sm-pair__result")).to_be_hidden()
    b.get_by_role("button", name="Compare our answers").click()
    expect(b.locator(".sm-pair__status")).to_contain_text("You have answered 0 of the 7 questions")
    answer_everything(b)
    b.get_by_role("button", name="Compare our answers").click()
    expect(b.locator(".sm-pair__result")).to_be_visible()
    expect(b.locator(".sm-pair__item")).to_have_count(questions(b), timeout=SLOW)
    expect(b.locator(".sm-pair__result-note")).to_contain_text("Same answer in 7, different in 0")
    expect(b.locator(".sm-pair__talk li").first).to_be_visible()
    assert json.loads(stored(b)[0]).keys() == {"version", "exercises"}  # nothing kept unasked

    b.get_by_role("button", name="Share my answers back").click()
    back, _ = share(b, start=False)
    a.goto(back)  # the same page, a new #fragment
    # Wait for the page to have read the new code (it asks for its word) before answering.
    expect(a.locator(".sm-pair__problem")).to_contain_text("locked with a word", timeout=SLOW)
    a.locator(".sm-pair__open-word").fill(WORD)
    a.locator(".sm-pair__open-go").click()
    expect(a.locator(".sm-pair__result")).to_be_visible(timeout=SLOW)  # A has answered: no waiting
    expect(a.locator(".sm-pair__who").first).to_have_text("You")
    assert outside_requests(requests, http_root) == []
    assert storage_problems(a_phone, a, "A") + storage_problems(b_phone, b, "B") == []


def test_two_file_pages_compare_through_a_copied_code_without_a_word(phones, built_site: Path):
    a_phone, b_phone, requests = phones
    root = built_site.as_uri() + "/"
    a = opened(a_phone, f"{root}exercises/{EX}.html")
    answer_everything(a)
    _link, code = share(a, word=None)
    expect(a.locator(".sm-pair__status")).to_contain_text("anyone who sees this link or code can read it")

    b = opened(b_phone, f"{root}exercises/{EX}.html")
    paste(b, code)
    expect(b.locator(".sm-pair__wait")).to_be_visible(timeout=SLOW)
    b.get_by_role("button", name="Look at my partner's answers first").click()
    expect(b.locator(".sm-pair__none").first).to_have_text("Not answered yet.")
    b.get_by_role("button", name="Close").click()
    answer_everything(b)
    b.locator(".sm-pair__share").click()
    _link, back = share(b, word=None, start=False)
    paste(a, back)
    expect(a.locator(".sm-pair__result-note")).to_contain_text("Same answer in 7", timeout=SLOW)
    assert outside_requests(requests, root) == []


def tab_to(page: Page, selector: str, backwards: bool = False, limit: int = 300) -> None:
    """Press Tab (or Shift+Tab) until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page: Page, avoid: dict[str, str] | None = None) -> dict[str, str]:
    """Answer the tiny exercise's questions with the keyboard: Space on a radio of each group
    (the arrow key moves on if that is the choice in `avoid`), then Check. Returns the choices."""
    chosen = {}
    for index in range(questions(page)):
        qid = page.locator(".sm-question").nth(index).get_attribute("id")
        tab_to(page, f"#{qid} .sm-option__input", backwards=True)
        page.keyboard.press("Space")
        picked = lambda: page.locator(f"#{qid} .sm-option__input:checked").get_attribute("id")  # noqa: E731
        if avoid and picked() == avoid[qid]:
            page.keyboard.press("ArrowDown")
        chosen[qid] = picked()
        tab_to(page, f"#{qid} .sm-check")
        page.keyboard.press("Enter")
        expect(page.locator(f"#{qid}")).to_have_attribute("data-sm-result", re.compile("."))
    return chosen


def test_together_on_one_page_by_keyboard_alone(browser: Browser, kinds_http: str):
    context = browser.new_context()
    page = opened(context, f"{kinds_http}exercises/tiny-bids.html")
    tab_to(page, ".sm-pair__together")
    page.keyboard.press("Enter")
    expect(page.locator(".sm-pair__step")).to_be_focused()
    expect(page.locator(".sm-pair__step")).to_contain_text("Partner one")
    first = answer_by_keyboard(page)
    tab_to(page, ".sm-pair__hide")
    page.keyboard.press("Enter")
    expect(page.locator(".sm-pair__step")).to_contain_text("Partner two")
    expect(page.locator(".sm-question[data-sm-result]")).to_have_count(0)
    assert page.locator(".sm-question input:checked").count() == 0
    answer_by_keyboard(page, avoid=first)
    tab_to(page, ".sm-pair__both")
    page.keyboard.press("Enter")
    expect(page.locator("#sm-pair-result-title")).to_be_focused()
    expect(page.locator(".sm-pair__who")).to_have_text(["Partner one", "Partner two"] * questions(page))
    expect(page.locator(".sm-badge--different")).to_have_count(questions(page))
    context.close()


def test_each_broken_or_foreign_code_has_its_own_message_and_stores_nothing(phones, http_root: str):
    a_phone, b_phone, _ = phones
    a = opened(a_phone, f"{http_root}exercises/{EX}.html")
    answer_everything(a)
    _link, locked = share(a)
    made = a.evaluate("""async (ex) => {
        const q = document.querySelector('.sm-question');
        const code = (data) => SmallMoments.pairCode.encode(data, null);
        return [await code({k: 'x', e: 'an-exercise-gone', d: '2026-12-01', a: [[q.id, 'abc', 0]]}),
                await code({k: 'x', e: ex, d: '2026-12-01', a: [[q.dataset.smQuestion, '000000000000', [0]]]})];
    }""", EX)
    changed = locked[:40] + ("B" if locked[40] != "B" else "C") + locked[41:]
    cases = {
        "That word does not open this code": (locked, "birch"),
        "This code is not complete": (locked[:-12], WORD),
        "This code has been changed or mistyped": (changed, WORD),
        "This code is for a different exercise": (made[0], ""),
        "This exercise has changed since the code was made": (made[1], ""),
    }
    b = opened(b_phone, f"{http_root}exercises/{EX}.html")
    b.locator(".sm-question").first.locator(".sm-form input").first.check()
    b.locator(".sm-question").first.locator(".sm-check").click()
    before = stored(b)
    for message, (code, word) in cases.items():
        paste(b, code, word)
        expect(b.locator(".sm-pair__problem")).to_contain_text(message, timeout=SLOW)
        expect(b.locator(".sm-pair__problem")).to_contain_text("Nothing was saved.")
        assert stored(b) == before, message
    progress = opened(b_phone, f"{http_root}progress.html")
    paste(progress, made[0])
    expect(progress.locator(".sm-pair__problem")).to_contain_text("no longer on this site", timeout=SLOW)
    assert stored(progress) == before


def test_a_kept_comparison_is_listed_on_my_progress_and_removed_in_one_action(phones, http_root: str):
    a_phone, b_phone, _ = phones
    a = opened(a_phone, f"{http_root}exercises/{EX}.html")
    answer_everything(a)
    link, _ = share(a)
    b = opened(b_phone, link)
    b.locator(".sm-pair__open-word").fill(WORD)
    b.locator(".sm-pair__open-go").click()
    b.get_by_role("button", name="Look at my partner's answers first").click(timeout=SLOW)
    b.get_by_role("button", name="Keep this comparison on this device").click()
    expect(b.locator(".sm-pair__status")).to_contain_text("Kept on this device")
    progress = opened(b_phone, f"{http_root}progress.html")
    row = progress.locator(".sm-pair-kept__item")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Sent by your partner on ")
    row.get_by_role("button", name="Remove the comparison for").click()
    expect(progress.locator(".sm-pair-kept__status")).to_contain_text("Removed")
    assert "received" not in json.loads(stored(progress)[0] or "{}")


def test_the_summary_reaches_the_counselor_and_is_shown_without_being_stored(phones, http_root: str):
    client, counselor, requests = phones
    page = opened(client, f"{http_root}exercises/{EX}.html")
    answer_everything(page)
    progress = client.new_page()
    progress.goto(f"{http_root}progress.html")
    progress.get_by_role("button", name="Send my summary").click()
    expect(progress.locator(".sm-pair__preview")).to_contain_text("Moments that build or break trust")
    link, _ = share(progress, start=False)
    assert link.startswith(f"{http_root}progress.html#sm-pair=")
    seen = opened(counselor, link)
    seen.locator(".sm-pair__open-word").fill(WORD)
    seen.locator(".sm-pair__open-go").click()
    expect(seen.locator(".sm-pair__shown-text")).to_contain_text("my practice summary", timeout=SLOW)
    expect(seen.locator(".sm-pair__shown-text")).to_contain_text("Moments that build or break trust")
    assert stored(seen) == [None, None]
    assert outside_requests(requests, http_root) == []


def test_every_question_kind_round_trips_with_written_replies_only_when_ticked(browser: Browser, kinds_http: str):
    url = f"{kinds_http}exercises/all-kinds.html"
    one, two = browser.new_context(), browser.new_context()
    a = opened(one, url)
    answer_everything(a)
    a.locator(".sm-pair__share").click()
    expect(a.locator(".sm-pair__preview")).to_contain_text("only that you wrote a reply, not its words")
    _, code = share(a, word=None, replies=True, start=False)
    expect(a.locator(".sm-pair__preview")).to_contain_text("A reply of my own.")
    b = opened(two, url)
    answer_everything(b)
    paste(b, code)
    expect(b.locator(".sm-pair__item")).to_have_count(questions(b), timeout=SLOW)
    expect(b.locator(".sm-pair__answer", has_text="A reply of my own.")).to_have_count(2)
    assert b.locator(".sm-badge--same").count() == questions(b) - 1  # all but the written reply
    one.close()
    two.close()


def test_the_new_states_pass_axe_in_light_and_dark(browser: Browser, http_root: str):
    context = browser.new_context()
    page = opened(context, f"{http_root}exercises/{EX}.html")
    answer_everything(page)
    problems: list[str] = []

    def check(name: str) -> None:
        """axe on the section alone (the rest of the page has its own checks), in each scheme."""
        for scheme in ("light", "dark"):
            settle(page)
            result = AXE.run(page, context=".sm-pair", options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            problems.extend(f"{name} {scheme}: {v['id']} at {node['target']}"
                            for v in result.response["violations"] for node in v["nodes"])
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()

    link, _ = share(page)
    check("share view")
    page.goto(link)
    page.locator(".sm-pair__open-word").fill(WORD)
    page.locator(".sm-pair__open-go").click()
    expect(page.locator(".sm-pair__result")).to_be_visible(timeout=SLOW)
    check("comparison")
    page.get_by_role("button", name="Do this together").click()
    check("together")
    progress = page
    progress.goto(f"{http_root}progress.html")
    progress.wait_for_selector(".sm-pair[data-sm-ready]", state="attached")
    progress.get_by_role("button", name="Send my summary").click()
    _, code = share(progress, start=False)
    paste(progress, code, WORD)
    expect(progress.locator(".sm-pair__shown-text")).to_be_visible(timeout=SLOW)
    check("summary shown")
    context.close()
    assert problems == [], "\n".join(problems)
