"""The quality gate: every page of the built site, checked in Chromium on every run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from checks import (answer_everything, check_offline_copy, exercise_pages, axe_violations, focus_problems, motion, open_all_exercises_from_nav,
                    outside_requests,
                    overflow, pdf_text, site_pages, storage_problems, vnu_errors)
from helpers import REPO


def authored(page: str) -> dict:
    return yaml.safe_load((REPO / "exercises" / (Path(page).stem + ".yml")).read_text())


def hidden_texts(exercise: dict) -> list[str]:
    """Feedback, reasons and model replies: what a worksheet must not print."""
    texts = []
    for question in exercise["questions"]:
        texts += [option["feedback"] for option in question.get("options", [])]
        texts += [item["feedback"] for item in question.get("items", [])]
        texts += [step["why"] for step in question.get("steps", [])]
        texts += question.get("models", [])
    # As a reader sees them: a link shows its words, emphasis its text.
    shown = [re.sub(r"\*+([^*]+)\*+", r"\1", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
             for text in texts]
    return [" ".join(text.split()) for text in shown]


# axe is the slowest check (about 3 s a page and state): the pages are dealt into shards, so
# both test workers share it. Every page is still checked in both schemes.
AXE_SHARDS = 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("shard", range(AXE_SHARDS))
def test_axe_finds_no_violation_on_any_page_light_or_dark(browser: Browser, built_site: Path,
                                                          http_root: str, scheme: str, shard: int):
    pages, exercises = site_pages(built_site), exercise_pages(built_site)
    assert len(pages) > 40
    problems = []
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for name in pages[shard::AXE_SHARDS]:
        page.goto(http_root + name)
        problems += axe_violations(page, f"{name} ({scheme})")
        if name in exercises:
            answer_everything(page)
            problems += axe_violations(page, f"{name} answered ({scheme})")
        elif name == "catalog.html":
            page.locator(".sm-catalog__pick").first.check()
            page.get_by_role("button", name="Make the link").click()
            problems += axe_violations(page, f"{name} with a link made ({scheme})")
            page.goto(page.get_by_label("The assignment link").input_value() + "&x=1")
            problems += axe_violations(page, f"assignment.html from a link ({scheme})")
        elif name == "progress.html":
            page.get_by_role("button", name="Show my summary").click()
            problems += axe_violations(page, f"{name} with the summary ({scheme})")
    context.close()
    assert problems == [], "\n".join(problems)


def test_every_page_keeps_to_its_origin_sets_no_cookie_and_stores_only_its_key(
        browser: Browser, built_site: Path, http_root: str):
    """No page requests anything from another host by itself, answering every question included.

    The one exception is a navigation the reader asks for: "Leave this site" (and Escape twice)
    takes the tab to the ordinary page mkdocs.yml names, as domestic-violence services' quick
    exits do. It is never pressed here, so this crawl shows that the page never fetches or
    prefetches that address on its own; test_safety.py presses it against a stand-in page."""
    problems = []
    pages, exercises = site_pages(built_site), exercise_pages(built_site)
    for root in (http_root, built_site.as_uri() + "/"):
        context = browser.new_context()
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        for name in pages:
            if name == "404.html" and root.startswith("file:"):
                continue  # a host serves it for unknown URLs; its links start at the host's root
            page.goto(root + name)
            page.wait_for_load_state("load")
            if name in exercises:
                answer_everything(page)
        page.goto(root + "index.html")
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        problems += [f"request to {url}" for url in outside_requests(requests, root)]
        problems += storage_problems(context, page, root)
        assert len(requests) > len(pages)
        context.close()
    assert problems == [], "\n".join(problems)


def test_no_console_error_or_warning_on_any_page_or_after_instant_navigation(
        browser: Browser, built_site: Path, http_root: str):
    context = browser.new_context()
    page = context.new_page()
    logged: list[str] = []
    page.on("console", lambda message: logged.append(f"{page.url}: {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: logged.append(f"{page.url}: {error}"))
    for name in site_pages(built_site):
        if name == "404.html":
            continue
        page.goto(http_root + name)
        page.wait_for_load_state("load")
    page.goto(http_root + "index.html")
    page.evaluate("window.__stayed = true")
    for step in range(12):
        links = page.locator(".md-sidebar--primary a.md-nav__link[href]").filter(visible=True)
        links.nth(step % links.count()).click()
        page.wait_for_load_state("load")
    assert page.evaluate("window.__stayed") is True, "instant navigation did not keep the page"
    context.close()
    assert logged == [], "\n".join(logged)


def test_offline_copy_navigates_searches_and_runs_every_quiz(browser: Browser, built_site: Path,
                                                             tmp_path: Path):
    copy = tmp_path / "unzipped" / "small-moments"
    shutil.copytree(built_site, copy)
    check_offline_copy(browser, copy)


def test_without_javascript_every_page_reads_and_every_answer_opens(browser: Browser,
                                                                    built_site: Path,
                                                                    http_root: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    problems = []
    exercises = exercise_pages(built_site)
    for name in site_pages(built_site):
        page.goto(http_root + name)
        if not page.locator("article h1").first.is_visible():
            problems.append(f"{name}: no visible heading without JavaScript")
        if name not in exercises:
            continue
        exercise = authored(name)
        if page.locator(".sm-check:visible").count():
            problems.append(f"{name}: a Check button shows without JavaScript")
        for question in exercise["questions"]:
            answer = page.locator(f"section#{question['id']} details.sm-answer")
            answer.locator("summary").click()
            if not answer.locator(".sm-answer__feedback, .sm-answer__model").first.is_visible():
                problems.append(f"{name}#{question['id']}: the answer does not open")
    context.close()
    assert problems == [], "\n".join(problems)


def test_nu_checker_finds_no_error_on_generated_pages(built_site: Path):
    files = [built_site / name for name in exercise_pages(built_site)]
    files += [built_site / name for name in ("exercises/index.html", "progress.html", "catalog.html",
                                             "assignment.html")]
    errors, warnings = vnu_errors(files, built_site)
    print("Nu checker warnings (allowed):", *warnings, sep="\n  ")
    assert errors == [], "\n".join(errors)


def test_worksheets_print_without_navigation_or_answers_and_the_key_adds_them(
        browser: Browser, built_site: Path):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for name in exercise_pages(built_site):
        exercise = authored(name)
        page.goto(built_site.as_uri() + "/" + name)
        pages, text = pdf_text(page)
        if not 1 <= pages <= len(exercise["questions"]) + 2:
            problems.append(f"{name}: the worksheet has {pages} pages")
        # The menu's own entries (an exercise's text may well link to Safety and limits).
        for absent in ("Skip to content", "Search", "My progress", "Practice tools",
                       "Catalog and assignment links", "Print worksheet"):
            if absent in text:
                problems.append(f"{name}: the worksheet prints '{absent}'")
        for button in ("Check", "Try again", "Start over", "Show model replies"):
            if re.search(rf"^\s*{button}\s*$", text, re.M):
                problems.append(f"{name}: the worksheet prints the button '{button}'")
        for hidden in hidden_texts(exercise):
            if hidden in text:
                problems.append(f"{name}: the worksheet prints an answer: {hidden[:50]}")
        if " ".join(exercise["questions"][0]["prompt"].split()) not in text:
            problems.append(f"{name}: the worksheet lacks its first question")
        page.evaluate("window.print = () => {}")
        page.get_by_role("button", name="Print with answer key").click()
        _, key = pdf_text(page)
        missing = [hidden for hidden in hidden_texts(exercise) if hidden not in key]
        if missing:
            problems.append(f"{name}: the answer key lacks {len(missing)} answers, "
                            f"such as: {missing[0][:50]}")
    context.close()
    assert problems == [], "\n".join(problems)


def test_quiz_animates_nothing_with_reduced_motion(browser: Browser, built_site: Path,
                                                   http_root: str):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    problems = []
    for name in exercise_pages(built_site) + ["progress.html"]:
        page.goto(http_root + name)
        answer_everything(page)
        problems += motion(page, name)
    context.close()
    assert problems == [], "\n".join(problems)


def test_nothing_overflows_at_320px_or_at_200_percent_zoom(browser: Browser, built_site: Path,
                                                           http_root: str):
    problems = []
    pages, exercises = site_pages(built_site), exercise_pages(built_site)
    for width, height in ((320, 640), (640, 400)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for name in pages:
            page.goto(http_root + name)
            if name in exercises:
                answer_everything(page)
            problems += overflow(page, name)
        context.close()
    assert problems == [], "\n".join(problems)


def test_focus_is_always_visible_on_exercise_and_tool_pages(browser: Browser, built_site: Path,
                                                            http_root: str):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    tools = ["progress.html", "index.html", "catalog.html", "bid-tracker.html", "ritual-planner.html",
             "assignment.html"]
    for name in exercise_pages(built_site)[:3] + tools:
        page.goto(http_root + name)
        problems += focus_problems(page, name)
        if name.startswith("exercises/"):
            answer_everything(page)
            problems += focus_problems(page, f"{name} answered")
    context.close()
    assert problems == [], "\n".join(problems)
