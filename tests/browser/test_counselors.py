"""For counselors: the catalog, copied links, assignment links, the summary and worksheet QR codes."""

from __future__ import annotations

import io
import re
import urllib.parse

import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from checks import answer_everything
from helpers import REPO

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
    assert "Practise reflecting back: Done" in text
    assert "A reply of my own." not in text
    page.get_by_label("Include the replies I wrote myself").check()
    page.get_by_role("button", name="Show my summary").click()
    assert re.search(r"^  My reply to question \d+: A reply of my own\.$", summary.input_value(), re.M)


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
