"""The runtime's core: features start on their own and in isolation; stored values and imported
files are checked before they touch anything, and never become selectors."""

from __future__ import annotations

import json
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

KEY = "small-moments:v1"
HOSTILE = "\"]'[x"
KEPT = "Where the file and this browser both had the same entry, the file's copy was kept."


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null") or {}


def store(page: Page, data: dict) -> None:
    page.evaluate(f"data => localStorage.setItem('{KEY}', JSON.stringify(data))", data)


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory, kinds_site: Path) -> Path:
    """The tiny site with two features whose start function throws: print (in the bundle) and
    My progress (a lazily loaded script)."""
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(kinds_site, site)
    runtime = site / "assets" / "small-moments"
    bundle = runtime / "bundle.js"
    bundle.write_text(bundle.read_text() +
                      ';SmallMoments.register("print",function(){throw new Error("print is broken")});\n')
    progress = runtime / "progress.js"
    text = progress.read_text()
    assert 'SM.register("progress",' in text
    progress.write_text(text.replace('SM.register("progress",', 'SM.register("progress",function(){'
                                     'throw new Error("progress is broken")},'))
    return site


def errors_of(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_a_feature_that_throws_is_logged_once_and_every_other_feature_starts(browser: Browser,
                                                                             broken_site: Path):
    context = browser.new_context()
    page = context.new_page()
    errors = errors_of(page)
    page.goto((broken_site / "exercises" / "all-kinds.html").as_uri())
    expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    expect(page.locator(".sm-device[data-sm-ready]")).to_have_count(1)
    expect(page.locator(".sm-print")).to_be_hidden()
    assert page.locator(".sm-print[data-sm-ready]").count() == 0
    # The loop runs again (as after instant navigation): nothing starts twice, nothing is re-logged.
    page.evaluate("SmallMoments.start(document); SmallMoments.start(document)")
    page.locator("#pick-one-option-2").check()
    page.locator("#pick-one .sm-check").click()
    expect(page.locator("#pick-one .sm-feedback .sm-feedback__verdict")).to_have_count(1)
    assert len(errors) == 1, errors
    assert "print" in errors[0] and "did not start" in errors[0]

    # My progress's own feature fails; the summary beside it, the device note and the rest start.
    errors.clear()
    page.goto((broken_site / "progress.html").as_uri())
    expect(page.locator(".sm-summary-box[data-sm-ready]")).to_have_count(1)
    expect(page.locator(".sm-device[data-sm-ready]")).to_have_count(1)
    page.get_by_role("button", name="Show my summary").click()
    expect(page.get_by_label("Your summary")).to_have_value(
        re.compile(r"Every kind\s+In progress: 1 of 5 questions answered"))
    assert len(errors) == 1 and "progress" in errors[0], errors
    context.close()


def test_features_start_once_more_after_instant_navigation(http_visit):
    page = http_visit.open("exercises/notice-bids-everyday.html")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content").get_by_role("link", name="your progress").click()
    expect(page.locator(".sm-progress[data-sm-ready]")).to_have_count(1)
    expect(page.locator(".sm-summary-box[data-sm-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True
    assert http_visit.problems_logged() == []


def test_stored_ids_with_quotes_and_brackets_do_not_break_any_page(kinds_visit):
    page = kinds_visit.open("index.html")
    bid = {"id": HOSTILE, "at": "2026-11-30T10:00", "who": "me", "how": "words", "response": "toward",
           "note": HOSTILE}
    store(page, {
        "version": 1,
        "exercises": {
            HOSTILE: {"answers": {"q": {"fp": "x", "answer": 1, "result": "right"}}},
            "tiny-bids": {"answers": {"tiny-sigh": {"fp": HOSTILE, "answer": HOSTILE, "result": "right"},
                                      HOSTILE: {"fp": "x", "answer": [HOSTILE], "result": "wrong"}}},
            "all-kinds": {"answers": {"pick-one": {"fp": "x", "answer": {HOSTILE: HOSTILE},
                                                   "result": "right"}}},
        },
        "bids": [bid, {**bid, "id": "b2", "who": HOSTILE}],
        "assignment": {"ids": [HOSTILE, "tiny-bids", "all-kinds"], "note": HOSTILE, "savedAt": HOSTILE},
        "rituals": {HOSTILE: {"on": True, "days": [HOSTILE, "MO"], "time": HOSTILE}},
        HOSTILE: HOSTILE,
    })
    for path in ("exercises/tiny-bids.html", "exercises/all-kinds.html", "progress.html", "catalog.html"):
        page = kinds_visit.open(path)
        expect(page.locator("[data-sm-module]:not([data-sm-ready])")).to_have_count(0)

    page = kinds_visit.open("bid-tracker.html")
    expect(page.locator(".sm-tracker__entry")).to_have_count(1)
    expect(page.locator(".sm-tracker__entry")).to_contain_text(HOSTILE)
    page.locator(".sm-tracker__entry").get_by_role("button", name="Edit").click()
    expect(page.locator(".sm-tracker__note")).to_have_value(HOSTILE)
    page.get_by_role("button", name="Save changes").click()
    page.locator(".sm-tracker__entry").get_by_role("button", name="Delete").click()
    expect(page.locator(".sm-tracker__entry")).to_have_count(0)

    page = kinds_visit.open("assignment.html")
    expect(page.locator(".sm-assignment__list .sm-progress__item")).to_have_count(2)
    expect(page.locator(".sm-assignment__note")).to_have_text(HOSTILE)
    fragment = urllib.parse.urlencode({"a": f"{HOSTILE},tiny-bids,[data-sm-exercise]", "note": HOSTILE})
    page = kinds_visit.open(f"assignment.html#{fragment}")
    expect(page.locator(".sm-assignment__list .sm-progress__item")).to_have_count(1)
    expect(page.locator(".sm-assignment__message")).to_contain_text("Part of this link was not recognised")
    assert kinds_visit.problems_logged() == []
    # Nothing this page has no rules for was lost on the way.
    assert stored(page)[HOSTILE] == HOSTILE


def progress_file(tmp_path: Path, name: str, progress: object, app: str = "small-moments-progress") -> str:
    file = tmp_path / name
    file.write_text(json.dumps({"app": app, "version": 1, "exportedAt": "2026-12-01T10:00:00Z",
                                "progress": progress}))
    return str(file)


def fingerprint(page: Page, qid: str) -> str:
    return page.locator(f"[data-sm-question='{qid}']").get_attribute("data-sm-fingerprint") or ""


def test_an_import_checks_every_entry_merges_the_valid_ones_and_says_what_it_skipped(kinds_visit,
                                                                                   tmp_path: Path):
    page = kinds_visit.open("exercises/tiny-bids.html")
    sigh, link = fingerprint(page, "tiny-sigh"), fingerprint(page, "tiny-link")
    page.locator("#tiny-sigh-option-1").check()
    page.locator("#tiny-sigh .sm-check").click()
    page = kinds_visit.open("progress.html")
    message = page.locator(".sm-progress__message")
    before = stored(page)

    # The right header, but not one entry in a shape the store keeps: nothing changes.
    bad = progress_file(tmp_path, "bad.json", {"version": 1, "exercises": {
        "tiny-bids": {"answers": {"tiny-link": {"fp": link, "result": "maybe", "answer": 0}}},
        "Not An Id": {"answers": {}}}, "bids": [{"id": 1}]})
    page.locator(".sm-import").set_input_files(bad)
    expect(message).to_have_text(
        "Nothing was imported: 3 entries in the file could not be used: an answer not in a known "
        "shape (2 times); a bid not in the tracker's format. Your saved data is as it was.")
    assert stored(page) == before

    # Valid and broken entries together: the valid ones are merged, the reader's are kept.
    mixed = progress_file(tmp_path, "mixed.json", {"version": 1, "exercises": {
        "tiny-bids": {"answers": {"tiny-link": {"fp": link, "answer": 0, "result": "right"},
                                  "tiny-sigh": {"fp": sigh, "answer": 1, "result": "right"},
                                  "Bad Id": {"fp": link, "answer": 0, "result": "right"}}}},
        "bids": [{"id": "b1", "at": "2026-11-30T10:00", "who": "me", "how": "words",
                  "response": "toward", "note": "x" * 201}],
        "assignment": {"ids": ["tiny-bids"], "note": "n" * 500, "savedAt": "2026-12-01"}})
    page.locator(".sm-import").set_input_files(mixed)
    expect(message).to_have_text(
        "1 exercise and your counselor's list imported, 3 entries skipped: an answer not in a known "
        "shape; a bid not in the tracker's format; the end of a note longer than 300 characters. "
        + KEPT)
    saved = stored(page)
    assert saved["exercises"]["tiny-bids"]["answers"]["tiny-sigh"]["answer"] == 1  # the file won
    assert set(saved["exercises"]["tiny-bids"]["answers"]) == {"tiny-sigh", "tiny-link"}
    assert saved["assignment"][0]["note"] == "n" * 300  # kept as a list of lists
    expect(page.locator('[data-sm-exercise="tiny-bids"] .sm-progress__state')).to_contain_text("Done")

    # A file over the stated cap is refused before it is read.
    huge = tmp_path / "huge.json"
    huge.write_text('{"app": "small-moments-progress", "version": 1, "progress": {"version": 1}, "x": "'
                    + "x" * (1024 * 1024) + '"}')
    page.locator(".sm-import").set_input_files(str(huge))
    expect(message).to_have_text("Nothing was imported: the file is larger than 1 MiB, the most this "
                                 "page reads. Your saved data is as it was.")
    assert stored(page) == saved


def test_an_import_the_browser_cannot_store_is_not_reported_as_imported(kinds_visit, tmp_path: Path):
    page = kinds_visit.open("exercises/tiny-bids.html")
    link = fingerprint(page, "tiny-link")
    page.locator("#tiny-sigh-option-2").check()
    page.locator("#tiny-sigh .sm-check").click()
    page = kinds_visit.open("progress.html")
    before = stored(page)
    page.evaluate("""() => {
        const chunk = 'x'.repeat(512 * 1024);
        try { for (let i = 0; i < 100; i++) localStorage.setItem('filler' + i, chunk); } catch (e) {}
        try { for (let i = 0; i < 5000; i++) localStorage.setItem('small' + i, 'y'.repeat(512)); } catch (e) {}
        try { for (let i = 0; i < 5000; i++) localStorage.setItem('s' + i, ''); } catch (e) {}
    }""")
    exercises = {f"imported-{n}": {"answers": {"tiny-link": {"fp": link, "answer": 0, "result": "right"}}}
                 for n in range(200)}
    page.locator(".sm-import").set_input_files(progress_file(tmp_path, "big.json",
                                                             {"version": 1, "exercises": exercises}))
    expect(page.locator(".sm-progress__message")).to_have_text(
        "Nothing was imported: this browser did not let the site save it. Your saved data is as it was.")
    assert stored(page) == before
    expect(page.locator('[data-sm-exercise="tiny-bids"] .sm-progress__state')).to_contain_text("In progress")


def test_a_bids_file_with_the_right_header_and_broken_entries_keeps_the_bids(kinds_visit, tmp_path: Path):
    page = kinds_visit.open("bid-tracker.html")
    page.get_by_role("button", name="Log this bid").click()
    expect(page.locator(".sm-tracker__entry")).to_have_count(1)
    before = stored(page)
    file = tmp_path / "bids.json"
    file.write_text(json.dumps({"app": "small-moments-bids", "version": 1,
                                "bids": [{"id": "x", "at": "yesterday"}, "nothing"]}))
    page.locator(".sm-tracker__import").set_input_files(str(file))
    expect(page.locator(".sm-tracker__status")).to_have_text(
        "Nothing was imported: 2 entries in the file could not be used: a bid not in the tracker's "
        "format (2 times). Your saved data is as it was.")
    assert stored(page) == before
    expect(page.locator(".sm-tracker__entry")).to_have_count(1)


def test_the_page_carries_the_limits_of_generator_limits_and_every_field_keeps_to_them(kinds_visit):
    from generator import limits

    page = kinds_visit.open("exercises/all-kinds.html")
    settings = json.loads(page.locator("#sm-settings").text_content() or "{}")
    assert settings == limits.runtime_settings()
    assert page.locator("#write-reflect-reply").evaluate("field => field.maxLength") == limits.REPLY_CAP
    page = kinds_visit.open("catalog.html")
    expect(page.locator("#sm-assign-note")).to_have_attribute("maxlength", str(limits.ASSIGNMENT_NOTE_CAP))
    page = kinds_visit.open("bid-tracker.html")
    expect(page.locator("#sm-bid-note")).to_have_attribute("maxlength", str(limits.BID_NOTE_CAP))
    expect(page.locator(".sm-tracker__lines")).to_contain_text(
        f"about {limits.TOWARD_STAYED}% of the time. Those who later divorced had done so about "
        f"{limits.TOWARD_DIVORCED}%")
    expect(page.locator(".sm-tracker__later")).to_contain_text(
        f"Once you have logged {limits.RESEARCH_LINES_FROM} bids in 30 days")
    values = page.locator(".sm-tracker__form input[type=radio]").evaluate_all(
        "radios => radios.map(radio => radio.name + '=' + radio.value)")
    assert values == [f"sm-bid-{name}={value}" for name, _legend, choices in limits.BID_FIELDS
                      for value, _label, _words in choices]
