"""Every question kind by keyboard alone, and answers kept on the device, over http and file://."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from helpers import ALL_KINDS, VALID, make_project, mkdocs_build

PAGE = "exercises/all-kinds.html"
KEY = "small-moments:v1"


def answer_every_kind_by_keyboard(page: Page) -> None:
    """Answer the every-kind exercise with Tab, arrows, Space and Enter only."""
    keys = page.keyboard
    # single: arrows choose, Enter checks (the right answer is the second option).
    page.locator("#pick-one-option-1").focus()
    keys.press("Space")
    keys.press("ArrowDown")
    keys.press("Enter")
    expect(page.locator("#pick-one .sm-feedback")).to_contain_text("Yes, that is the best choice.")
    # multiple: Space ticks options 1 and 3, Tab reaches Check.
    page.locator("#pick-many-option-1").focus()
    keys.press("Space")
    keys.press("Tab")
    keys.press("Tab")
    keys.press("Space")
    keys.press("Tab")
    keys.press("Enter")
    expect(page.locator("#pick-many .sm-feedback")).to_contain_text("Yes, you picked exactly")
    # sort: each item's radio group is one Tab stop; ArrowRight moves to the second group.
    page.locator("#sort-replies-item-1-toward").focus()
    keys.press("Space")
    keys.press("Tab")
    keys.press("Space")
    keys.press("ArrowRight")
    keys.press("Tab")
    keys.press("Space")
    keys.press("Tab")
    keys.press("Enter")
    expect(page.locator("#sort-replies .sm-feedback")).to_contain_text("Yes, all 3 are in the right group.")
    # order: shown shuffled; move steps with the buttons until they read 1, 2, 3.
    for _ in range(6):
        order = page.locator("#order-repair .sm-steps > li").evaluate_all(
            "items => items.map(item => Number(item.dataset.smStep))")
        if order == [0, 1, 2]:
            break
        position = next(i for i, step in enumerate(order) if step != i)
        wanted = order.index(position)
        page.locator(f"#order-repair .sm-steps > li >> nth={wanted}").locator(
            "[data-sm-move='up']").focus()
        keys.press("Enter")
    page.locator("#order-repair .sm-check").focus()
    keys.press("Enter")
    expect(page.locator("#order-repair .sm-feedback")).to_contain_text("Yes, that order works well.")
    # write: type a reply, Enter on Check reveals the models, then tick a self-check.
    page.locator("#write-reflect-reply").focus()
    keys.type("That sounds so frustrating.")
    keys.press("Tab")
    keys.press("Enter")
    expect(page.locator("#write-reflect .sm-feedback")).to_contain_text(
        "Again? No wonder you feel brushed aside.")
    expect(page.locator("#write-reflect-check-1")).to_be_focused()  # the self-check, under the models
    keys.press("Space")
    expect(page.locator("#write-reflect-check-1")).to_be_checked()


def expect_all_restored(page: Page) -> None:
    for qid, result in [("pick-one", "right"), ("pick-many", "right"), ("sort-replies", "right"),
                        ("order-repair", "right"), ("write-reflect", "done")]:
        expect(page.locator(f"section#{qid}")).to_have_attribute("data-sm-result", result)
    expect(page.locator("#pick-one-option-2")).to_be_checked()
    expect(page.locator("#write-reflect-reply")).to_have_value("That sounds so frustrating.")
    expect(page.locator("#write-reflect-check-1")).to_be_checked()
    expect(page.locator(".sm-result__text")).to_have_text(
        "All 5 questions answered. You chose the best answer in 4 of 4 questions with an answer "
        "to check. You wrote 1 reply of your own.")


def test_every_kind_by_keyboard_is_kept_across_reload_and_navigation(kinds_visit):
    page = kinds_visit.open(PAGE)
    answer_every_kind_by_keyboard(page)
    expect_all_restored(page)
    page.reload()
    expect_all_restored(page)
    page.goto(kinds_visit.root + "exercises/index.html")
    page.go_back()
    expect_all_restored(page)
    page.goto(kinds_visit.root + "progress.html")
    expect(page.locator('[data-sm-exercise="all-kinds"] .sm-progress__state')).to_contain_text(
        "Done: best answer in 4 of 4")
    expect(page.locator('[data-sm-exercise="tiny-bids"] .sm-progress__state')).to_have_text("Not started")
    assert kinds_visit.outside_requests() == []
    assert kinds_visit.problems_logged() == []


def test_wrong_answers_say_what_was_off_and_missed(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.locator("#pick-many-option-2").check()
    page.locator("#pick-many .sm-check").click()
    feedback = page.locator("#pick-many .sm-feedback")
    expect(feedback.locator(".sm-feedback__verdict")).to_have_text(
        "Not quite: 1 pick was off and 2 were missed.")
    expect(feedback).to_contain_text("Off: \"Whatever.\" Dismissing is not a repair.")
    expect(feedback).to_contain_text("Missed: \"Can we start over?\" Asking to start over is a repair.")
    page.locator("#sort-replies-item-1-away").check()
    page.locator("#sort-replies-item-2-away").check()
    page.locator("#sort-replies-item-3-toward").check()
    page.locator("#sort-replies .sm-check").click()
    expect(page.locator("#sort-replies .sm-feedback")).to_contain_text("2 of 3 are in the right group.")
    expect(page.locator("#sort-replies [data-sm-item='0'] .sm-badge")).to_have_text(
        "Belongs in: Turning toward")


def test_order_wrong_shows_the_right_order_and_why(kinds_visit):
    page = kinds_visit.open(PAGE)
    order = page.locator("#order-repair .sm-steps > li").evaluate_all(
        "items => items.map(item => Number(item.dataset.smStep))")
    assert order != [0, 1, 2], "the steps must not be shown in the right order"
    page.locator("#order-repair .sm-check").click()
    feedback = page.locator("#order-repair .sm-feedback")
    expect(feedback).to_contain_text("Not quite. Here is an order that helps, and why:")
    expect(feedback.locator("ol > li")).to_have_text([
        "Notice the tension. You cannot repair what you have not noticed.",
        "Say what you regret. Owning your part opens the door.",
        "Ask to try again. An invitation lets both of you restart.",
    ])


def test_moving_a_step_is_announced_and_keeps_focus(kinds_visit):
    page = kinds_visit.open(PAGE)
    button = page.locator("#order-repair .sm-steps > li >> nth=1").locator("[data-sm-move='up']")
    text = page.locator("#order-repair .sm-steps > li >> nth=1 >> .sm-step__text").inner_text()
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#order-repair .sm-steps__status")).to_have_text(
        f"Moved to position 1 of 3: {text}")
    expect(page.locator("#order-repair .sm-steps > li >> nth=0 >> .sm-step__text")).to_have_text(text)
    expect(page.locator("#order-repair .sm-steps > li >> nth=0 >> [data-sm-move='down']")).to_be_focused()


def test_write_asks_for_a_reply_before_showing_models(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.locator("#write-reflect .sm-check").click()
    expect(page.locator("#write-reflect .sm-feedback")).to_have_text(
        "Write your own reply first, even a rough one. Then look at the model replies.")
    expect(page.locator("#write-reflect-reply")).to_be_focused()
    expect(page.locator("#write-reflect .sm-write__checklist")).to_be_hidden()


def test_start_over_forgets_the_exercise(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.locator("#pick-one-option-1").check()
    page.locator("#pick-one .sm-check").click()
    page.get_by_role("button", name="Start over").click()
    page.reload()
    expect(page.locator(".sm-question[data-sm-result]")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") in (None, '{"version":1}')


def test_garbage_in_storage_is_replaced_only_for_our_key_with_a_notice(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json'); localStorage.setItem('other', 'keep')")
    page.reload()
    notice = page.locator(".sm-exercise .sm-storage")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("could not be read, so it starts afresh")
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").click()
    expect(page.locator("#pick-one .sm-feedback")).to_contain_text("best choice")
    expect(notice).to_be_hidden()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["exercises"]["all-kinds"]["answers"]["pick-one"]["result"] == "right"
    assert page.evaluate("localStorage.getItem('other')") == "keep"


def test_full_storage_still_runs_the_quiz_and_says_progress_is_not_kept(kinds_visit):
    page = kinds_visit.open(PAGE)
    page.evaluate("""() => {
        const chunk = 'x'.repeat(512 * 1024);
        try { for (let i = 0; i < 100; i++) localStorage.setItem('filler' + i, chunk); } catch (e) {}
        let small = 'y'.repeat(1024);
        try { for (let i = 0; i < 2000; i++) localStorage.setItem('small' + i, small); } catch (e) {}
    }""")
    page.reload()
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").click()
    expect(page.locator("#pick-one .sm-feedback")).to_contain_text("best choice")
    notice = page.locator(".sm-exercise .sm-storage")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("will be lost when you leave this page")
    assert kinds_visit.problems_logged() == []


def test_storage_blocked_entirely_still_runs_the_quiz(kinds_visit):
    kinds_visit.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } });")
    page = kinds_visit.open(PAGE)
    expect(page.locator(".sm-exercise .sm-storage")).to_contain_text("not letting the site save")
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").click()
    expect(page.locator("#pick-one .sm-feedback")).to_contain_text("best choice")


def test_editing_a_question_drops_only_its_stale_answer(tmp_path: Path, browser):
    make_project(tmp_path, {"all-kinds.yml": ALL_KINDS})
    assert mkdocs_build(tmp_path).returncode == 0
    context = browser.new_context()
    page = context.new_page()
    url = (tmp_path / "site" / "exercises" / "all-kinds.html").as_uri()
    page.goto(url)
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").click()
    page.locator("#pick-many-option-1").check()
    page.locator("#pick-many .sm-check").click()

    edited = ALL_KINDS.replace("prompt: Which reply from Kofi repairs?",
                               "prompt: Which reply from Kofi would repair this moment?")
    (tmp_path / "exercises" / "all-kinds.yml").write_text(edited)
    assert mkdocs_build(tmp_path).returncode == 0
    page.goto(url)
    expect(page.locator("section#pick-one")).not_to_have_attribute("data-sm-result", "right")
    expect(page.locator("#pick-one-option-2")).not_to_be_checked()
    expect(page.locator("#pick-one .sm-feedback")).to_have_text("")
    expect(page.locator("section#pick-many")).to_have_attribute("data-sm-result", "wrong")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert list(saved["exercises"]["all-kinds"]["answers"]) == ["pick-many"]
    context.close()


def progress_text(page: Page) -> list[str]:
    return page.locator(".sm-progress__item").all_inner_texts()


def test_export_erase_import_restores_my_progress_exactly(kinds_visit, tmp_path: Path):
    page = kinds_visit.open(PAGE)
    answer_every_kind_by_keyboard(page)
    page.goto(kinds_visit.root + "exercises/tiny-bids.html")
    page.locator("#tiny-sigh-option-1").check()
    page.locator("#tiny-sigh .sm-check").click()
    page.goto(kinds_visit.root + "progress.html")
    before = progress_text(page)
    expect(page.locator('[data-sm-exercise="tiny-bids"] .sm-progress__state')).to_have_text(
        "In progress: 1 of 2 questions answered")

    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["app"] == "small-moments-progress"

    page.get_by_role("button", name="Erase everything this site stored").click()
    page.get_by_role("button", name="Yes, erase everything").click()
    expect(page.locator(".sm-progress__message")).to_have_text(
        "Everything this site stored in this browser was erased, your choice of light or dark "
        "colours too.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert all(text.endswith("Not started") for text in progress_text(page))

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress from a file").focus()
        page.keyboard.press("Enter")
    chooser.value.set_files(str(exported))
    expect(page.locator(".sm-progress__message")).to_have_text(
        "2 exercises imported. Where the file and this browser both had the same entry, the file's "
        "copy was kept.")
    assert progress_text(page) == before
    page.reload()
    assert progress_text(page) == before


def test_a_malformed_import_is_refused_and_changes_nothing(kinds_visit, tmp_path: Path):
    page = kinds_visit.open("exercises/tiny-bids.html")
    page.locator("#tiny-sigh-option-2").check()
    page.locator("#tiny-sigh .sm-check").click()
    page.goto(kinds_visit.root + "progress.html")
    before = progress_text(page)
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")
    for name, content in [("notjson.json", "{oops"), ("other.json", '{"app": "something-else"}'),
                          ("badshape.json", '{"app": "small-moments-progress", "version": 1, "progress": []}')]:
        file = tmp_path / name
        file.write_text(content)
        page.locator(".sm-import").set_input_files(str(file))
        expect(page.locator(".sm-progress__message")).to_contain_text(
            "Nothing was imported: that file is not a Small Moments progress file.")
        page.locator(".sm-progress__message").evaluate("node => node.textContent = ''")
    assert progress_text(page) == before
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored


def test_erase_can_be_cancelled(kinds_visit):
    page = kinds_visit.open("exercises/tiny-bids.html")
    page.locator("#tiny-sigh-option-2").check()
    page.locator("#tiny-sigh .sm-check").click()
    page.goto(kinds_visit.root + "progress.html")
    page.get_by_role("button", name="Erase everything this site stored").click()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Erase everything this site stored")).to_be_focused()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is not None
