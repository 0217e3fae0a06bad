"""Paper: every worksheet of the real site as Chromium prints it (A4 and Letter), its answer key,
and the workbook booklet. One page object prints everything; what is printed is read from the
page under print media (innerText), and the PDF is parsed only to count pages and, for the
answer key, to see how full a page is."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, Page

from checks import exercise_pages
from test_gate import authored, hidden_texts

FORMATS = ("A4", "Letter")
MAX_PAGES = 3
QUARTER = 0.25
# The worksheets are checked in this many shares (every third page), so the test workers share
# the printing: it is the longest check of the suite.
SHARES = 3
MENU = ("Skip to content", "Search", "My progress", "Practice tools",
        "Catalog and assignment links", "Print worksheet")
BUTTONS = ("Check", "Try again", "Start over", "Show model replies")
# What is for the screen only: comparing answers with a partner (its buttons and codes).
SCREEN_ONLY = ("Compare with your partner", "Do this together", "Open my partner's code")


def printed_text(page: Page) -> str:
    """What the page prints, as a reader sees it (the page is under print media)."""
    return " ".join(page.evaluate("document.body.innerText").split())


def pdf(page: Page, paper: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))


def print_key(page: Page) -> None:
    """Click "Print with answer key" (window.print stubbed): the key is in the page until afterprint."""
    page.locator(".sm-print__key").dispatch_event("click")


def fill(reader: pypdf.PdfReader, index: int) -> float:
    """How far down page `index` its text reaches, as a share of the sheet's height."""
    lowest: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            lowest.append(cm[5] + tm[5] * cm[3])

    sheet = reader.pages[index]
    sheet.extract_text(visitor_text=visit)
    height = float(sheet.mediabox.height)
    return (height - min(lowest)) / height if lowest else 0.0


@pytest.mark.parametrize("share", range(SHARES))
def test_every_worksheet_fits_three_pages_prints_no_menu_or_answer_and_its_key_follows_it(
        browser: Browser, built_site: Path, share: int):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    names = exercise_pages(built_site)
    assert len(names) > 20
    for name in names[share::SHARES]:
        exercise = authored(name)
        page.goto(built_site.as_uri() + "/" + name)
        page.emulate_media(media="print")
        raw = page.evaluate("document.body.innerText")
        text = " ".join(raw.split())
        for absent in MENU:
            if absent in text:
                problems.append(f"{name}: the worksheet prints '{absent}'")
        for absent in SCREEN_ONLY:
            if absent in text:
                problems.append(f"{name}: the worksheet prints '{absent}'")
        for button in BUTTONS:
            if re.search(rf"^\s*{button}\s*$", raw, re.M):
                problems.append(f"{name}: the worksheet prints the button '{button}'")
        for hidden in hidden_texts(exercise):
            if hidden in text:
                problems.append(f"{name}: the worksheet prints an answer: {hidden[:50]}")
        if " ".join(exercise["questions"][0]["prompt"].split()) not in text:
            problems.append(f"{name}: the worksheet lacks its first question")
        sheets = {}
        for paper in FORMATS:
            sheets[paper] = len(pdf(page, paper).pages)
            if sheets[paper] > MAX_PAGES:
                problems.append(f"{name}: {len(exercise['questions'])} questions print on "
                                f"{sheets[paper]} {paper} pages")
        # An order question: an empty box before each step, the steps unnumbered.
        for step in page.locator(".sm-step").all():
            box = step.evaluate("s => [getComputedStyle(s, '::before').borderTopWidth, "
                                "getComputedStyle(s).display, "
                                "getComputedStyle(s.parentElement).listStyleType]")
            if box != ["1px", "flex", "none"]:
                problems.append(f"{name}: an order step prints {box}, not a box to number")
                break
        page.evaluate("window.print = () => {}")
        print_key(page)
        key_text = printed_text(page)
        missing = [hidden for hidden in hidden_texts(exercise) if hidden not in key_text]
        if missing:
            problems.append(f"{name}: the answer key lacks {len(missing)} answers, "
                            f"such as: {missing[0][:50]}")
        if "Answer key" not in key_text or key_text.index("Answer key") < key_text.find("Talk it over"):
            problems.append(f"{name}: the answer key does not follow the worksheet")
        # Every page the key prints on, from the worksheet's last page (where it begins) to its
        # own last, is at least a quarter full. page.pdf() fires beforeprint and afterprint, as
        # the print dialog does, and afterprint takes the key away: the button is clicked again
        # before each paper size.
        for paper in FORMATS:
            key = pdf(page, paper)
            if "Answer key" not in "".join(sheet.extract_text() for sheet in key.pages):
                problems.append(f"{name}: the answer key is not in the {paper} printout")
            for index in range(sheets[paper] - 1, len(key.pages)):
                if fill(key, index) < QUARTER:
                    problems.append(f"{name}: with the answer key on {paper}, page {index + 1} "
                                    f"of {len(key.pages)} is {fill(key, index):.0%} full")
            print_key(page)
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        page.emulate_media(media="screen")
    context.close()
    assert problems == [], "\n".join(problems)


def open_workbook(page: Page, root: str, fragment: str) -> None:
    page.goto(root + "workbook.html" + fragment)
    page.wait_for_selector(".sm-workbook__choose:not([hidden])")


def test_a_practice_workbook_prints_a_cover_contents_and_each_exercise_with_its_qr_code(
        browser: Browser, built_site: Path):
    practice = [name for name in exercise_pages(built_site) if authored(name)["practice"] == "repair"]
    context = browser.new_context()
    page = context.new_page()
    open_workbook(page, built_site.as_uri() + "/", "#practice=repair")
    page.emulate_media(media="print")
    text = printed_text(page)
    codes = page.locator(".sm-workbook__exercise:not([hidden]) img.sm-print-link__qr")
    drawn = codes.evaluate_all("images => images.filter(i => i.complete && i.naturalWidth).length")
    assert codes.count() == drawn == len(practice)
    booklet = pdf(page, "A4")
    context.close()
    first = booklet.pages[0].extract_text()
    assert "Worksheet booklet" in first and "Repair early and often" in first
    assert "Contents" in first and "For:" in first
    titles = [authored(name)["title"] for name in practice]
    assert all(title in first for title in titles)
    # Each exercise from a page of its own, after the cover; none of another practice.
    assert len(booklet.pages) >= 1 + len(practice)
    assert authored("exercises/notice-bids-quiet.html")["title"] not in text
    assert text.count("This exercise online: http://127.0.0.1") == len(practice)
    # No answers on paper, and no menu.
    for name in practice:
        assert not [hidden for hidden in hidden_texts(authored(name)) if hidden in text]
    assert not [absent for absent in MENU if absent in text]


def test_a_chosen_set_workbook_without_a_public_address_has_no_qr_and_takes_ids_as_data(
        browser: Browser, kinds_site: Path):
    context = browser.new_context()
    page = context.new_page()
    logged: list[str] = []
    page.on("pageerror", lambda error: logged.append(str(error)))
    # An id that is not an id, one that names no exercise, and one that does.
    open_workbook(page, kinds_site.as_uri() + "/",
                  "#exercises=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,nothing-here,all-kinds")
    assert page.locator(".sm-workbook__title").text_content() == "Exercises chosen for you"
    assert page.locator(".sm-workbook__exercise:not([hidden])").count() == 1
    assert page.locator(".sm-workbook img").count() == 0
    page.emulate_media(media="print")
    text = printed_text(page)
    booklet = pdf(page, "Letter")
    context.close()
    assert "Every kind" in booklet.pages[0].extract_text()
    assert "Tiny bids" not in text and "This exercise online" not in text
    assert "Write 1 in the box" in text  # the order question's boxes to number
    assert logged == []
