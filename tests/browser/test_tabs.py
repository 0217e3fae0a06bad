"""Two open tabs merge, they do not overwrite: every page that stores something, in two pages of
one browser context; and a seeded random run of answers, imports, erasures and two tabs."""

from __future__ import annotations

import json
import random
import time
import urllib.parse
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

KEY = "small-moments:v1"


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null") or {}


def tabs(context: BrowserContext, url: str) -> tuple[Page, Page]:
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto(url)
        expect(page.locator("[data-sm-module]:not([data-sm-ready])")).to_have_count(0)
    return first, second


def answer(page: Page, qid: str, option: int) -> None:
    page.bring_to_front()  # a tab in the background gets no animation frames: clicks wait
    question = page.locator(f"section#{qid}")
    if question.get_attribute("data-sm-result"):
        question.locator(".sm-retry").click()
    page.locator(f"#{qid}-option-{option}").check()
    question.locator(".sm-check").click()
    expect(question.locator(".sm-retry")).to_be_visible()


def test_an_exercise_open_in_two_tabs_keeps_both_answers(kinds_visit):
    a, b = tabs(kinds_visit.context, kinds_visit.root + "exercises/tiny-bids.html")
    answer(a, "tiny-sigh", 2)
    answer(b, "tiny-link", 1)  # b never reloaded: its write re-reads what a stored
    answers = stored(a)["exercises"]["tiny-bids"]["answers"]
    assert set(answers) == {"tiny-sigh", "tiny-link"}
    assert "finishedAt" in stored(a)["exercises"]["tiny-bids"]
    # Each tab shows what the other did, through the storage event.
    expect(b.locator("section#tiny-sigh")).to_have_attribute("data-sm-result", "right")
    expect(a.locator("section#tiny-link")).to_have_attribute("data-sm-result", "right")
    expect(a.locator(".sm-result__text")).to_contain_text("All 2 questions answered")
    b.bring_to_front()
    b.locator("section#tiny-sigh .sm-retry").click()
    expect(a.locator("section#tiny-sigh")).not_to_have_attribute("data-sm-result", "right")
    assert set(stored(a)["exercises"]["tiny-bids"]["answers"]) == {"tiny-link"}
    assert kinds_visit.problems_logged() == []


def test_the_tracker_in_two_tabs_keeps_every_bid(kinds_visit):
    a, b = tabs(kinds_visit.context, kinds_visit.root + "bid-tracker.html")
    a.bring_to_front()
    a.get_by_label("A note (optional").fill("from a")
    a.get_by_role("button", name="Log this bid").click()
    b.bring_to_front()
    b.get_by_label("A note (optional").fill("from b")
    b.get_by_role("button", name="Log this bid").click()
    # Tab a shows b's bid once b's write has reached it; its localStorage copy is current then.
    expect(a.locator(".sm-tracker__entry")).to_have_count(2)
    assert sorted(bid["note"] for bid in stored(a)["bids"]) == ["from a", "from b"]
    a.bring_to_front()
    a.locator(".sm-tracker__entry", has_text="from b").get_by_role("button", name="Delete").click()
    expect(b.locator(".sm-tracker__entry")).to_have_count(1)
    expect(b.locator(".sm-tracker__entry")).to_contain_text("from a")
    assert kinds_visit.problems_logged() == []


def test_the_planner_in_two_tabs_keeps_both_rituals(visit):
    a, b = tabs(visit.context, visit.root + "ritual-planner.html")
    a.bring_to_front()
    a.locator("#ritual-goodbye-hug").check()
    b.bring_to_front()
    b.locator("#ritual-weekly-walk").check()
    plans = stored(a)["rituals"]
    assert plans["goodbye-hug"]["on"] is True and plans["weekly-walk"]["on"] is True
    expect(a.locator("#ritual-weekly-walk")).to_be_checked()
    b.bring_to_front()
    b.locator("#ritual-goodbye-hug-time").fill("06:15")
    b.locator("#ritual-goodbye-hug-time").dispatch_event("change")
    expect(a.locator("#ritual-goodbye-hug-time")).to_have_value("06:15")
    a.reload()
    expect(a.locator("#ritual-goodbye-hug")).to_be_checked()
    expect(a.locator("#ritual-weekly-walk")).to_be_checked()
    assert visit.problems_logged() == []


def test_my_progress_shows_what_another_tab_answers_and_an_erase_reaches_every_tab(kinds_visit,
                                                                                 tmp_path: Path):
    context = kinds_visit.context
    progress, exercise = tabs(context, kinds_visit.root + "progress.html")
    exercise.goto(kinds_visit.root + "exercises/tiny-bids.html")
    state = progress.locator('[data-sm-exercise="tiny-bids"] .sm-progress__state')
    expect(state).to_have_text("Not started")
    answer(exercise, "tiny-sigh", 2)
    expect(state).to_have_text("In progress: 1 of 2 questions answered")
    # An import in My progress merges with what the exercise tab saved meanwhile.
    link = exercise.locator("section#tiny-link").get_attribute("data-sm-fingerprint")
    file = tmp_path / "one.json"
    file.write_text(json.dumps({"app": "small-moments-progress", "version": 1, "progress": {
        "version": 1, "exercises": {"tiny-bids": {"answers": {
            "tiny-link": {"fp": link, "answer": 0, "result": "right"}}}}}}))
    progress.bring_to_front()
    progress.locator(".sm-import").set_input_files(str(file))
    expect(progress.locator(".sm-progress__message")).to_contain_text("1 exercise imported")
    expect(state).to_contain_text("Done: best answer in 2 of 2")
    expect(exercise.locator("section#tiny-link")).to_have_attribute("data-sm-result", "right")
    assert set(stored(progress)["exercises"]["tiny-bids"]["answers"]) == {"tiny-sigh", "tiny-link"}
    progress.get_by_role("button", name="Erase everything this site stored").click()
    progress.get_by_role("button", name="Yes, erase everything").click()
    expect(exercise.locator(".sm-question[data-sm-result]")).to_have_count(0)
    expect(state).to_have_text("Not started")
    assert kinds_visit.problems_logged() == []


def test_the_assignment_page_follows_a_new_link_and_answers_from_another_tab(kinds_visit):
    context = kinds_visit.context
    root = kinds_visit.root
    first = urllib.parse.urlencode({"a": "tiny-bids", "note": "First list."})
    a, b = tabs(context, f"{root}assignment.html#{first}")
    items = a.locator(".sm-assignment__list .sm-progress__item")
    expect(items).to_have_count(1)
    second = urllib.parse.urlencode({"a": "all-kinds,tiny-bids", "note": "Second list."})
    b.bring_to_front()
    b.goto(f"{root}index.html")
    b.goto(f"{root}assignment.html#{second}")
    expect(a.locator(".sm-assignment__note")).to_have_text("Second list.")
    expect(items).to_have_count(2)
    b.goto(f"{root}exercises/tiny-bids.html")
    answer(b, "tiny-sigh", 2)
    expect(items.nth(1).locator(".sm-progress__state")).to_have_text("In progress: 1 of 2 questions answered")
    assert [kept["note"] for kept in stored(a)["assignment"]] == ["Second list.", "First list."]
    assert kinds_visit.problems_logged() == []


# Single-choice questions of the tiny site, with how many options each has.
QUESTIONS = {("all-kinds", "pick-one"): 2, ("tiny-bids", "tiny-sigh"): 2, ("tiny-bids", "tiny-link"): 3}


def test_random_answers_imports_erasures_and_two_tabs_lose_nothing_saved(kinds_visit, tmp_path: Path):
    """A seeded random sequence: afterwards every answer saved and not erased is stored, and every
    tab shows it; no page throws."""
    rng = random.Random(20261201)
    context, root = kinds_visit.context, kinds_visit.root
    errors: list[str] = []
    pages = {}
    for name, path in (("kinds-1", "exercises/all-kinds.html"), ("kinds-2", "exercises/all-kinds.html"),
                       ("tiny-1", "exercises/tiny-bids.html"), ("tiny-2", "exercises/tiny-bids.html"),
                       ("progress", "progress.html")):
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(root + path)
        expect(page.locator("[data-sm-module]:not([data-sm-ready])")).to_have_count(0)
        pages[name] = page
    fps = {qid: pages["kinds-1" if exercise == "all-kinds" else "tiny-1"].locator(
        f"section#{qid}").get_attribute("data-sm-fingerprint") for exercise, qid in QUESTIONS}
    model: dict[tuple[str, str], int] = {}
    files = 0

    for step in range(40):
        roll = rng.random()
        if roll < 0.55:
            exercise, qid = rng.choice(sorted(QUESTIONS))
            option = rng.randint(1, QUESTIONS[(exercise, qid)])
            tab = pages[f"{'kinds' if exercise == 'all-kinds' else 'tiny'}-{rng.randint(1, 2)}"]
            answer(tab, qid, option)
            model[(exercise, qid)] = option - 1
        elif roll < 0.65:
            exercise, qid = rng.choice(sorted(QUESTIONS))
            tab = pages[f"{'kinds' if exercise == 'all-kinds' else 'tiny'}-{rng.randint(1, 2)}"]
            tab.bring_to_front()
            retry = tab.locator(f"section#{qid} .sm-retry")
            if retry.is_visible():
                retry.click()
                model.pop((exercise, qid), None)
        elif roll < 0.8:
            pages["progress"].bring_to_front()
            chosen = rng.sample(sorted(QUESTIONS), rng.randint(1, 2))
            exercises: dict[str, dict] = {}
            for exercise, qid in chosen:
                option = rng.randint(0, QUESTIONS[(exercise, qid)] - 1)
                exercises.setdefault(exercise, {"answers": {}})["answers"][qid] = {
                    "fp": fps[qid], "answer": option, "result": "right"}
                model[(exercise, qid)] = option
            files += 1
            file = tmp_path / f"valid-{files}.json"
            file.write_text(json.dumps({"app": "small-moments-progress", "version": 1,
                                        "progress": {"version": 1, "exercises": exercises}}))
            pages["progress"].locator(".sm-import").set_input_files(str(file))
            expect(pages["progress"].locator(".sm-progress__message")).to_contain_text("imported")
        elif roll < 0.93:
            pages["progress"].bring_to_front()
            files += 1
            file = tmp_path / f"broken-{files}.json"
            file.write_text(rng.choice([
                "{oops",
                json.dumps({"app": "small-moments-progress", "version": 1, "progress": []}),
                json.dumps({"app": "small-moments-progress", "version": 1, "progress": {
                    "version": 1, "exercises": {"tiny-bids": {"answers": {"tiny-sigh": {"fp": 1}}}}}}),
                json.dumps({"app": "small-moments-progress", "version": 2, "progress": {"version": 1}}),
            ]))
            pages["progress"].locator(".sm-import").set_input_files(str(file))
            expect(pages["progress"].locator(".sm-progress__message")).to_contain_text("Nothing was imported")
        else:
            pages["progress"].bring_to_front()
            pages["progress"].get_by_role("button", name="Erase everything this site stored").click()
            pages["progress"].get_by_role("button", name="Yes, erase everything").click()
            model.clear()
        pages["progress"].locator(".sm-progress__message").evaluate("node => node.textContent = ''")

        # Read in the My progress tab: a write made in another tab reaches this one's copy of
        # localStorage a moment later (as the storage event does), so wait up to five seconds.
        expected = {(exercise, qid): option for (exercise, qid), option in model.items()}
        deadline = time.monotonic() + 5
        while True:
            saved = stored(pages["progress"]).get("exercises", {})
            found = {(exercise, qid): answer.get("answer") for exercise, entry in saved.items()
                     for qid, answer in entry["answers"].items()}
            if found == expected or time.monotonic() > deadline:
                break
            pages["progress"].wait_for_timeout(100)
        assert found == expected, (step, model, saved)

    # Every tab shows what is stored: the answered questions and only those.
    for name, page in pages.items():
        if name == "progress":
            continue
        exercise = "all-kinds" if name.startswith("kinds") else "tiny-bids"
        for owner, qid in QUESTIONS:
            if owner != exercise:
                continue
            question = page.locator(f"section#{qid}")
            if (owner, qid) in model:
                expect(page.locator(f"#{qid}-option-{model[(owner, qid)] + 1}")).to_be_checked()
                expect(question.locator(".sm-retry")).to_be_visible()
            else:
                expect(question.locator(".sm-retry")).to_be_hidden()
    assert errors == []
    assert kinds_visit.problems_logged() == []
