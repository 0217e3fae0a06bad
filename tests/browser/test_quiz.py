"""The quiz in a real browser, over http and from file://: answers, feedback, score, privacy."""

from __future__ import annotations

import yaml
from playwright.sync_api import Page, expect

from checks import open_all_exercises_from_nav
from helpers import REPO

EXERCISE = "notice-bids-everyday"


def authored_questions() -> list[dict]:
    """The questions as the author wrote them: the source of every expected text."""
    return yaml.safe_load((REPO / "exercises" / f"{EXERCISE}.yml").read_text())["questions"]


def right_index(question: dict) -> int:
    return next(i for i, option in enumerate(question["options"]) if option.get("correct"))


def wrong_index(question: dict) -> int:
    return next(i for i, option in enumerate(question["options"]) if not option.get("correct"))


def answer_by_click(page: Page, question: dict, index: int) -> None:
    section = page.locator(f"section#{question['id']}")
    section.locator(".sm-option__input").nth(index).check()
    section.get_by_role("button", name="Check").click()


def test_one_right_one_wrong_each_feedback_then_the_score(visit):
    page = visit.open(f"exercises/{EXERCISE}.html")
    questions = authored_questions()
    first, second = questions[0], questions[1]

    # First question by keyboard alone: arrows choose, Enter checks.
    page.locator(f"#{first['id']}-option-1").focus()
    page.keyboard.press("Space")
    for _ in range(right_index(first)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    feedback = page.locator(f"section#{first['id']} .sm-feedback")
    expect(feedback).to_contain_text("Yes, that is the best choice.")
    expect(feedback).to_contain_text(" ".join(first["options"][right_index(first)]["feedback"].split()))
    expect(page.locator(f"section#{first['id']} .sm-retry")).to_be_focused()

    # Second question wrong: its own feedback, then the best answer and why.
    answer_by_click(page, second, wrong_index(second))
    feedback = page.locator(f"section#{second['id']} .sm-feedback")
    expect(feedback).to_contain_text("Not the best choice.")
    expect(feedback).to_contain_text(" ".join(second["options"][wrong_index(second)]["feedback"].split()))
    expect(feedback).to_contain_text(" ".join(second["options"][right_index(second)]["feedback"].split()))
    expect(page.locator(f"section#{second['id']} .sm-mark--wrong .sm-badge")).to_have_text("Your answer")
    expect(page.locator(f"section#{second['id']} .sm-mark--best .sm-badge")).to_have_text("Best answer")

    result = page.locator(".sm-result__text")
    expect(result).to_have_text(f"You have answered 2 of {len(questions)} questions.")
    for question in questions[2:]:
        answer_by_click(page, question, right_index(question))
    expect(result).to_have_text(
        f"All {len(questions)} questions answered. "
        f"You chose the best answer in {len(questions) - 1} of {len(questions)} questions.")

    assert visit.outside_requests() == []
    assert visit.problems_logged() == []


def test_try_again_clears_the_question_and_returns_focus_to_it(visit):
    page = visit.open(f"exercises/{EXERCISE}.html")
    question = authored_questions()[0]
    answer_by_click(page, question, wrong_index(question))
    section = page.locator(f"section#{question['id']}")
    section.get_by_role("button", name="Try again").press("Enter")
    expect(section.locator(".sm-feedback")).to_have_text("")
    expect(section.locator(".sm-badge")).to_have_count(0)
    expect(section.get_by_role("button", name="Check")).to_be_visible()
    expect(section.locator(".sm-option__input").first).to_be_focused()
    assert section.locator(".sm-option__input:checked").count() == 0


def test_check_without_a_choice_asks_for_one(visit):
    page = visit.open(f"exercises/{EXERCISE}.html")
    question = authored_questions()[0]
    section = page.locator(f"section#{question['id']}")
    section.get_by_role("button", name="Check").click()
    expect(section.locator(".sm-feedback")).to_have_text("Choose an answer first, then press Check.")
    expect(section.locator(".sm-option__input").first).to_be_focused()


def test_start_over_clears_every_answer(visit):
    page = visit.open(f"exercises/{EXERCISE}.html")
    questions = authored_questions()
    for question in questions:
        answer_by_click(page, question, right_index(question))
    expect(page.locator(".sm-result__text")).to_contain_text(
        f"in {len(questions)} of {len(questions)} questions")
    page.get_by_role("button", name="Start over").click()
    expect(page.locator(".sm-result__text")).to_have_text("")
    expect(page.locator(".sm-question[data-sm-result]")).to_have_count(0)
    expect(page.locator(f"#{questions[0]['id']}-option-1")).to_be_focused()


def test_search_finds_an_exercise(visit):
    page = visit.open("index.html")
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially("sigh", delay=30)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text("Spotting everyday bids")
    assert visit.outside_requests() == []


def test_quiz_starts_after_instant_navigation(http_visit):
    page = http_visit.open("index.html")
    page.evaluate("window.__sameDocument = true")
    open_all_exercises_from_nav(page)
    expect(page.locator("h1")).to_contain_text("Exercises")
    page.get_by_role("link", name="Spotting everyday bids").first.click()
    expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not navigated"
    question = authored_questions()[0]
    answer_by_click(page, question, right_index(question))
    expect(page.locator(f"section#{question['id']} .sm-feedback")).to_contain_text("best choice")
    assert http_visit.outside_requests() == []
    assert http_visit.problems_logged() == []


def test_without_javascript_every_answer_opens_with_its_feedback(no_js_visit):
    page = no_js_visit.open(f"exercises/{EXERCISE}.html")
    questions = authored_questions()
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    expect(page.locator("details.sm-answer")).to_have_count(len(questions))
    question = questions[0]
    answer = page.locator(f"section#{question['id']} details.sm-answer")
    answer.locator("summary").click()
    for option in question["options"]:
        expect(answer).to_contain_text(" ".join(option["feedback"].split()))
