"""For counselors: the catalog, copied links, assignment links, the summary and worksheet QR codes."""

from __future__ import annotations

import io
import re
import urllib.parse
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from playwright.sync_api import Browser, Page, expect

from checks import answer_everything
from helpers import ALL_KINDS, REPO, VALID, make_project, mkdocs_build

SHORT = "celebrate-good-news"
OTHER = "notice-bids-quiet"


def make_assignment_by_keyboard(page: Page, ids: list[str], note: str) -> str:
    for exercise in ids:
        page.locator(f"#pick-{exercise}").focus()
        page.keyboard.press("Space")
    page.locator("#sm-assign-note").focus()
    page.keyboard.type(note)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Make the link")).to_be_focused()
    page.keyboard.press("Enter")
    field = page.get_by_label("The assignment link")
    expect(field).to_be_focused()
    return field.input_value()


def test_catalog_lists_every_exercise_and_filters_by_practice(http_visit):
    files = sorted((REPO / "exercises").glob("*.yml"))
    repair = [file for file in files if "\npractice: repair\n" in file.read_text()]
    assert len(files) >= 28 and len(repair) >= 3
    page = http_visit.open("catalog.html")
    items = page.locator(".sm-catalog__item")
    expect(items).to_have_count(len(files))
    expect(items.first.locator(".sm-catalog__meta")).to_contain_text("minutes")
    page.get_by_label("Show exercises for").select_option(label="Repair early and often")
    expect(page.locator(".sm-catalog__item:visible")).to_have_count(len(repair))
    expect(page.locator(".sm-catalog__count")).to_have_text(
        f"Showing {len(repair)} of {len(files)} exercises.")


def test_copy_link_puts_the_permanent_address_on_the_clipboard(browser: Browser, http_root: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(http_root + "catalog.html")
    page.get_by_role("button", name="Copy link to Quiet bids").click()
    expect(page.locator(".sm-catalog__status")).to_have_text(
        f"Link copied: {http_root}exercises/{OTHER}.html")
    assert page.evaluate("navigator.clipboard.readText()") == f"{http_root}exercises/{OTHER}.html"
    context.close()


def test_assignment_link_made_by_keyboard_shows_progress_and_is_kept(browser: Browser, http_root: str):
    counselor = browser.new_context()
    page = counselor.new_page()
    page.goto(http_root + "catalog.html")
    link = make_assignment_by_keyboard(page, [SHORT, OTHER], "Try these before we meet.")
    counselor.close()
    assert link.startswith(http_root + "assignment.html#")
    assert "Try" not in link.split("#")[0]

    client = browser.new_context()
    page = client.new_page()
    page.goto(link)
    expect(page.get_by_role("heading", name="Your practice from your counselor")).to_be_visible()
    expect(page.locator(".sm-assignment__note")).to_have_text("Try these before we meet.")
    items = page.locator(".sm-assignment__list .sm-progress__item")
    expect(items).to_have_count(2)
    # In the catalog's order: noticing bids comes before celebrating.
    expect(items.nth(0)).to_contain_text("Quiet bids")
    expect(items.nth(1)).to_contain_text("Celebrating good news")
    expect(items.nth(1).locator(".sm-progress__state")).to_have_text("Not started")

    items.nth(1).get_by_role("link").click()
    expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    answer_everything(page)
    page.goto(http_root + "assignment.html")
    expect(items.nth(1).locator(".sm-progress__state")).to_contain_text("Done")
    expect(page.locator(".sm-assignment__note")).to_have_text("Try these before we meet.")
    page.goto(link)
    expect(items.nth(1).locator(".sm-progress__state")).to_contain_text("Done")
    expect(items.nth(0).locator(".sm-progress__state")).to_have_text("Not started")
    client.close()


def test_a_hostile_or_broken_link_shows_the_note_as_text_and_a_friendly_message(http_visit):
    dialogs: list[str] = []
    http_visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    note = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    fragment = urllib.parse.urlencode({"a": f"<script>,no-such-exercise,{OTHER}", "note": note,
                                       "evil": "1"})
    page = http_visit.open(f"assignment.html#{fragment}")
    expect(page.locator(".sm-assignment__note")).to_have_text(note)
    expect(page.locator(".sm-assignment__message")).to_have_text(
        "Part of this link was not recognised, so it was left out. Everything else is below.")
    expect(page.locator(".sm-assignment__list .sm-progress__item")).to_have_count(1)
    assert page.locator(".sm-assignment img, .sm-assignment script").count() == 0
    assert dialogs == []


def test_a_note_longer_than_the_cap_is_cut_with_a_message(http_visit):
    fragment = urllib.parse.urlencode({"a": OTHER, "note": "x" * 500})
    page = http_visit.open(f"assignment.html#{fragment}")
    expect(page.locator(".sm-assignment__note")).to_have_text("x" * 300)
    expect(page.locator(".sm-assignment__message")).to_have_text(
        "The note was longer than 300 characters, so the end was cut.")


def test_summary_for_my_counselor_includes_written_replies_only_when_ticked(http_visit):
    page = http_visit.open("exercises/reflect-back-practice.html")
    answer_everything(page)
    page.goto(http_visit.root + "progress.html")
    page.get_by_role("button", name="Show my summary").click()
    summary = page.get_by_label("Your summary")
    expect(summary).to_be_focused()
    text = summary.input_value()
    assert "\nPractise reflecting back\n  Done" in text
    assert "A reply of my own." not in text
    assert "Left out: the replies you wrote" in text
    page.get_by_label("Include the replies I wrote myself").check()
    page.get_by_role("button", name="Show my summary").click()
    text = summary.input_value()
    # Each reply comes right under its own question's prompt, as the exercise page asks it.
    replies = re.findall(r"^  Question (\d+): (.+)\n    My reply: A reply of my own\.$", text, re.M)
    assert replies
    exercise = http_visit.context.new_page()
    exercise.goto(http_visit.root + "exercises/reflect-back-practice.html")
    for number, prompt in replies:
        asked = exercise.locator(".sm-questions__item").nth(int(number) - 1).locator(".sm-prompt")
        assert " ".join(asked.inner_text().split()) == prompt
    assert "Left out: which answers you chose in the other questions" in text


def test_a_week_of_practice_summary_prints_on_one_page(http_visit):
    page = http_visit.open("progress.html")
    prompts = set(page.locator(".sm-summary__prompts li").evaluate_all(
        "items => items.map(item => item.getAttribute('data-sm-exercise'))"))
    items = page.locator(".sm-progress__list .sm-progress__item")
    reply = ("We tried it at dinner on Tuesday. I noticed two bids I would have missed before, "
             "and I answered one of them. It felt awkward at first, then easier.")
    saved: dict = {"version": 1, "exercises": {}}
    for index in range(items.count()):
        item = items.nth(index)
        if item.get_attribute("data-sm-exercise") not in prompts or len(saved["exercises"]) == 5:
            continue
        answers = {}
        for part in (item.get_attribute("data-sm-questions") or "").split():
            qid, fp, scored = part.split(":")
            answers[qid] = ({"fp": fp, "answer": 0, "result": "right"} if scored == "1" else
                            {"fp": fp, "answer": {"text": reply}, "result": "done"})
        saved["exercises"][item.get_attribute("data-sm-exercise")] = {"answers": answers,
                                                                      "finishedAt": "2026-11-29"}
    page.evaluate("data => localStorage.setItem('small-moments:v1', JSON.stringify(data))", saved)
    page.reload()
    page.get_by_label("Include the replies I wrote myself").check()
    page.get_by_role("button", name="Show my summary").click()
    assert page.get_by_label("Your summary").input_value().count("My reply:") >= 5
    page.evaluate("window.print = () => {}")
    for paper in ("A4", "Letter"):
        page.get_by_role("button", name="Print the summary").click()  # printing ends after each
        assert len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages) == 1, paper


def test_worksheet_qr_code_decodes_to_the_permanent_link(http_visit):
    page = http_visit.open(f"exercises/{SHORT}.html")
    page.emulate_media(media="print")
    qr = page.locator(".sm-print-link__qr")
    expect(qr).to_be_visible()
    expect(page.locator(".sm-print-link__url")).to_have_text(f"{http_visit.root}exercises/{SHORT}.html")
    image = Image.open(io.BytesIO(qr.screenshot()))
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [f"{http_visit.root}exercises/{SHORT}.html"]


def test_catalog_without_javascript_lists_every_link(no_js_visit):
    page = no_js_visit.open("catalog.html")
    expect(page.locator(".sm-catalog__item a")).to_have_count(
        len(list((REPO / "exercises").glob("*.yml"))))
    expect(page.locator(".sm-catalog .sm-nojs")).to_be_visible()
    expect(page.locator(".sm-assign")).to_be_hidden()


PUBLIC = "https://example.org/small-moments/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny every-kind site built with a public address, once for this module."""
    project = tmp_path_factory.mktemp("published")
    config = make_project(project, {"all-kinds.yml": ALL_KINDS, "tiny-bids.yml": VALID})
    config.write_text(config.read_text().replace(
        "plugins: [search, offline, small-moments]",
        f"site_url: {PUBLIC}\nplugins: [search, offline, {{small-moments: {{public_url: '{PUBLIC}'}}}}]"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_without_a_public_address_the_catalog_and_worksheet_say_links_work_only_here(kinds_visit):
    page = kinds_visit.open("catalog.html")
    notice = page.locator("#sm-link-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("SITE_URL=")
    page.locator("#pick-tiny-bids").check()
    page.get_by_role("button", name="Make the link").click()
    expect(page.locator(".sm-assign__result .sm-link-notice")).to_be_visible()
    page = kinds_visit.open("exercises/tiny-bids.html")
    page.emulate_media(media="print")
    expect(page.locator(".sm-print-link__local")).to_be_visible()


def test_with_a_public_address_links_use_it_and_no_notice_shows_even_from_a_folder(
        browser: Browser, published_site: Path):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(published_site.as_uri() + "/catalog.html")
    expect(page.locator(".sm-catalog[data-sm-ready]")).to_have_count(1)
    expect(page.locator(".sm-link-notice")).to_have_count(2)
    expect(page.locator(".sm-link-notice:visible")).to_have_count(0)
    page.locator("#pick-tiny-bids").check()
    page.get_by_role("button", name="Make the link").click()
    assert page.get_by_label("The assignment link").input_value().startswith(PUBLIC + "assignment.html#")
    page.goto(published_site.as_uri() + "/exercises/tiny-bids.html")
    page.emulate_media(media="print")
    expect(page.locator(".sm-print-link__url")).to_have_text(PUBLIC + "exercises/tiny-bids.html")
    expect(page.locator(".sm-print-link__local")).to_be_hidden()
    context.close()


def test_copy_link_says_link_copied_on_the_button_for_a_few_seconds(browser: Browser, http_root: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(http_root + "catalog.html")
    button = page.locator(f'.sm-copy[data-sm-href="exercises/{OTHER}.html"]')
    button.click()
    expect(button).to_have_text("Link copied")
    expect(button).to_have_accessible_name("Link copied (Copy link to Quiet bids)")
    expect(button).to_have_text("Copy link", timeout=6000)
    expect(button).to_have_accessible_name("Copy link to Quiet bids")
    context.close()


REFUSE = ("navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));"
          "document.execCommand = () => false;")


def test_when_copying_is_refused_the_link_is_shown_selected_in_a_field(http_visit):
    page = http_visit.open("catalog.html")
    expect(page.locator(".sm-catalog[data-sm-ready]")).to_have_count(1)
    page.evaluate(REFUSE)
    page.get_by_role("button", name="Copy link to Quiet bids").click()
    field = page.get_by_label("This browser did not let the page copy. Copy the link from here:")
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    expect(field).to_have_value(f"{http_visit.root}exercises/{OTHER}.html")
    assert page.evaluate("getSelection().toString() || (document.activeElement.selectionEnd"
                         " - document.activeElement.selectionStart)") not in ("", 0)
    expect(page.locator(".sm-catalog__status")).to_contain_text("did not let the page copy")


def test_the_summary_copy_says_so_on_its_button_or_selects_the_summary(browser: Browser, http_root: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(http_root + "progress.html")
    page.get_by_role("button", name="Show my summary").click()
    copy = page.locator(".sm-summary__copy")
    copy.click()
    expect(copy).to_have_text("Summary copied")
    page.evaluate(REFUSE)
    page.locator(".sm-summary__copy").click()
    summary = page.get_by_label("Your summary")
    expect(summary).to_be_focused()
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 0
    expect(page.locator(".sm-summary__status")).to_contain_text("did not let the page copy")
    context.close()


def test_an_assignment_opened_once_is_listed_on_my_progress_and_home_until_removed(http_visit):
    fragment = urllib.parse.urlencode({"a": f"{OTHER},{SHORT}", "note": "Before Thursday."})
    page = http_visit.open(f"assignment.html#{fragment}")
    expect(page.locator(".sm-assignment__list .sm-progress__item")).to_have_count(2)
    page = http_visit.open(f"exercises/{SHORT}.html")
    answer_everything(page)
    second = urllib.parse.urlencode({"a": SHORT})
    http_visit.open(f"assignment.html#{second}")

    page = http_visit.open("index.html")
    page.reload()
    lists = page.locator(".sm-lists")
    expect(lists.locator(".sm-lists__item")).to_have_count(2)
    expect(lists.locator(".sm-lists__item").nth(1)).to_contain_text(": 1 of 2 done")
    expect(lists.locator(".sm-lists__item").nth(1)).to_contain_text("Before Thursday.")
    lists.locator(".sm-lists__item").nth(1).get_by_role("link").click()
    expect(page.locator(".sm-assignment__note")).to_have_text("Before Thursday.")

    page = http_visit.open("progress.html")
    page.reload()
    items = page.locator(".sm-lists .sm-lists__item")
    expect(items).to_have_count(2)
    # The list opened last comes first.
    expect(items.nth(0)).to_contain_text("1 of 2 done")
    items.nth(0).get_by_role("button", name=re.compile("^Remove")).click()
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    expect(items).to_have_count(1)
    undo.click()
    expect(items).to_have_count(2)
    items.nth(0).get_by_role("button", name=re.compile("^Remove")).click()
    items.nth(0).get_by_role("button", name=re.compile("^Remove")).click()
    page.reload()
    expect(page.locator(".sm-lists")).to_be_hidden()
    page = http_visit.open("index.html")
    expect(page.locator(".sm-lists[data-sm-ready]")).to_be_hidden()
