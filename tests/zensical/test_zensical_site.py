"""The checks that matter most, on the site Zensical builds from the same plan: every exercise
answers with feedback, search finds a word, nothing leaves the site, nothing logs an error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.checks import answer_everything, exercise_pages

# One test process builds the Zensical site (a session fixture) and runs every test of it.
pytestmark = pytest.mark.xdist_group("zensical")


def test_every_exercise_answers_every_question_with_feedback(zensical_visit, zensical_site: Path):
    pages = exercise_pages(zensical_site)
    assert len(pages) >= 28
    silent = []
    for name in pages:
        page = zensical_visit.open(name)
        expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
        answer_everything(page)
        # Every question's feedback as shown, read in one round trip.
        shown = page.evaluate("""() => Array.from(document.querySelectorAll('.sm-question'),
            (question) => (question.querySelector('.sm-feedback') || {}).innerText || '')""")
        assert shown, f"{name}: no questions"
        silent += [f"{name}: question {index + 1} gave no feedback"
                   for index, text in enumerate(shown) if not text.strip()]
    assert silent == []
    assert zensical_visit.outside_requests() == []
    assert zensical_visit.problems_logged() == []


def test_search_finds_a_word_of_the_guide(zensical_visit):
    page = zensical_visit.open("index.html")
    page.locator(".md-search__button").first.click()
    page.keyboard.type("sliding")
    expect(page.get_by_text(re.compile(r"^\d+ results?$"))).to_be_visible()
    expect(page.get_by_text("The idea of a sliding door").first).to_be_visible()
    assert zensical_visit.outside_requests() == []


def test_no_other_page_requests_another_host_or_logs_an_error(zensical_visit, zensical_site: Path):
    # The exercise pages are checked above; here every other page, over http and from file://.
    exercises = set(exercise_pages(zensical_site))
    names = sorted(path.relative_to(zensical_site).as_posix()
                   for path in zensical_site.rglob("*.html")
                   if path.name != "404.html" and "redirect" not in path.read_text()[:400])
    names = [name for name in names if name not in exercises]
    for name in names:
        zensical_visit.open(name)
    assert len(names) > 20
    assert zensical_visit.outside_requests() == []
    assert zensical_visit.problems_logged() == []


def test_the_workbook_prints_a_chosen_set(zensical_visit):
    page = zensical_visit.open("workbook.html#exercises=repair-steps,texts-check-in")
    expect(page.locator(".sm-workbook__title")).to_have_text("Exercises chosen for you")
    expect(page.locator(".sm-workbook__exercise:not([hidden])")).to_have_count(2)
    expect(page.locator(".sm-workbook__entry:not([hidden])")).to_have_count(2)
    assert zensical_visit.problems_logged() == []
