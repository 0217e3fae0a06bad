"""Exercise pages for the hand (issue 14, points 3, 5, 8, 9, 10): no answer lost to a keypress,
focus after the model replies, named order buttons, where the reader is, and a quick exit that
covers no text."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

PAGE = "exercises/all-kinds.html"


def check_pick_one_by_key(page: Page) -> None:
    page.locator("#pick-one-option-2").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.locator("#pick-one .sm-retry")).to_be_focused()


def expect_pick_one_kept(page: Page) -> None:
    expect(page.locator("#pick-one")).to_have_attribute("data-sm-result", "right")
    expect(page.locator("#pick-one-option-2")).to_be_checked()
    expect(page.locator("#pick-one .sm-feedback")).to_contain_text("best choice")


def write_and_show_models(page: Page) -> None:
    page.locator("#write-reflect-reply").fill("That sounds so frustrating.")
    page.locator("#write-reflect .sm-check").click()


def test_a_second_enter_after_check_keeps_the_answer(kinds_visit):
    page = kinds_visit.open(PAGE)
    check_pick_one_by_key(page)
    page.keyboard.press("Enter")
    expect_pick_one_kept(page)


def test_a_held_enter_after_check_keeps_the_answer(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").focus()
    for _ in range(4):  # the first press checks; the next three arrive with event.repeat
        page.keyboard.down("Enter")
    page.keyboard.up("Enter")
    expect_pick_one_kept(page)


def test_the_checked_pick_stays_readable_and_cannot_be_changed(kinds_visit):
    page = kinds_visit.open(PAGE)
    check_pick_one_by_key(page)
    first = page.locator("#pick-one-option-1")
    # locked for assistive technology, but not a greyed native disabled control
    expect(first).to_have_attribute("aria-disabled", "true")
    assert first.evaluate("input => input.disabled || input.closest('fieldset').disabled") is False
    page.locator("label[for='pick-one-option-1']").click(force=True)
    page.keyboard.press("ArrowUp")
    expect_pick_one_kept(page)


def test_try_again_on_a_written_reply_asks_first(kinds_visit):
    page = kinds_visit.open(PAGE)
    write_and_show_models(page)
    reply = page.locator("#write-reflect-reply")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("#write-reflect .sm-retry").click()
    expect(reply).to_have_value("That sounds so frustrating.")
    expect(page.locator("#write-reflect")).to_have_attribute("data-sm-result", "done")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#write-reflect .sm-retry").click()
    expect(reply).to_have_value("")


def test_start_over_with_a_written_reply_asks_first(kinds_visit):
    page = kinds_visit.open(PAGE)
    write_and_show_models(page)
    messages: list[str] = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Start over").click()
    expect(page.locator("#write-reflect-reply")).to_have_value("That sounds so frustrating.")
    assert messages and "replies you wrote" in messages[0]


def test_after_show_model_replies_focus_is_on_the_self_check_which_reads_after_them(kinds_visit):
    page = kinds_visit.open(PAGE)
    write_and_show_models(page)
    expect(page.locator("#write-reflect-check-1")).to_be_focused()
    follows = page.evaluate("""() => {
        const models = document.querySelector('#write-reflect .sm-feedback .sm-feedback__list');
        const check = document.querySelector('#write-reflect .sm-write__checklist');
        return Boolean(models.compareDocumentPosition(check) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert follows, "the self-check comes after the model replies in the page"


def test_order_buttons_carry_the_name_of_their_step(kinds_visit):
    page = kinds_visit.open(PAGE)
    steps = page.locator("#order-repair .sm-step__text").all_text_contents()
    assert len(steps) == 3
    for step in steps:
        for direction in ("up", "down"):
            expect(page.get_by_role("button", name=f"Move {direction}: {step}", exact=True)).to_have_count(1)


def test_the_progress_line_names_the_next_question_then_the_result_after_a_reload(kinds_visit):
    page = kinds_visit.open(PAGE)
    place = page.locator(".sm-place__link")
    expect(place).to_have_text("Question 1 of 5")
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").click()
    expect(place).to_have_text("Next: question 2 of 5")
    expect(place).to_have_attribute("href", "#pick-many")
    page.locator("#pick-many-option-1").check()
    page.locator("#pick-many .sm-check").click()
    for item in range(1, 4):
        page.locator(f"#sort-replies-item-{item}-toward").check()
    page.locator("#sort-replies .sm-check").click()
    page.locator("#order-repair .sm-check").click()
    write_and_show_models(page)
    expect(place).to_have_text("Finished \u2014 your result")
    page.reload()
    expect(place).to_have_text("Finished \u2014 your result")
    expect(place).to_have_attribute("href", re.compile(r"#all-kinds-result$"))


def test_a_missed_right_option_is_marked_apart_from_a_right_pick(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.locator("#pick-many-option-1").check()
    page.locator("#pick-many .sm-check").click()
    right = page.locator("#pick-many .sm-option.sm-mark--right")
    missed = page.locator("#pick-many .sm-option.sm-mark--best")
    expect(right.locator(".sm-badge")).to_have_text("Right to pick")
    expect(missed.locator(".sm-badge")).to_have_text("Missed: this one fits")
    style = "node => getComputedStyle(node).borderTopStyle + ' ' + getComputedStyle(node, '::before').content"
    assert right.evaluate(style) != missed.evaluate(style)
    # compact: the reasons for the right pick fold away; the missed one is said in full
    expect(page.locator("#pick-many .sm-feedback details.sm-feedback__more:not([open])")).to_have_count(1)


TEXT_UNDER = """exit => {
    // Text drawn where the button is: with the button out of the way, the element on top at the
    // middle of the overlap is the text's own (text in a closed menu, or behind the header or
    // the strip kept for the button, is not counted).
    const box = exit.getBoundingClientRect();
    const hits = [];
    exit.style.visibility = "hidden";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim() || exit.contains(node)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
            const left = Math.max(rect.left, box.left), right = Math.min(rect.right, box.right);
            const top = Math.max(rect.top, box.top), bottom = Math.min(rect.bottom, box.bottom);
            if (right <= left || bottom <= top) continue;
            const shown = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
            if (shown && node.parentElement.contains(shown)) hits.push(node.textContent.trim());
        }
    }
    exit.style.visibility = "";
    return hits;
}"""


def test_the_quick_exit_covers_no_text_at_the_end_of_a_page_at_320_px(http_visit):
    page = http_visit.page
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["exercises/asking-clearly.html", "index.html", "practices/notice-bids.html"]:
        http_visit.open(path)
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        exit_link = page.locator(".sm-quick-exit")
        expect(exit_link).to_be_visible()
        assert exit_link.evaluate(TEXT_UNDER) == [], path
