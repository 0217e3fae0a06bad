"""The quality gate: every page of the built site, checked in Chromium on every run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from checks import (answer_everything, axe_violations, exercise_pages, focus_problems,
                    kinds_cover, motion, outside_requests, overflow, site_pages,
                    storage_problems, vnu_errors)
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


# One visit to every page in each scheme answers every exercise (every feedback showing) and
# checks the page at once: axe-core (WCAG 2.2 AA), the requests it makes, what it logs, and (in
# the dark visit) that nothing scrolls sideways at 320 px or at 200% zoom. Loading and answering a page costs as much as axe itself, so each is done once a scheme:
# the light scheme over http (the offline worker running, as on a host), the dark one from
# file:// (as from a folder); so every page is checked in both schemes and both ways of opening
# it. The pages are dealt into shards, so the test workers share the work. Before answering,
# axe also checks the pages that between them hold every question kind (the rest share their
# template).
AXE_SHARDS = 3
WAYS = {"light": "http", "dark": "file"}
# What Playwright itself logs on an http page of a context that blocks service workers.
PLAYWRIGHT_BLOCKED_WORKER = "Service Worker registration blocked by Playwright"


@dataclass
class Seen:
    """What one shard's pages requested (with the root each was opened from) and logged."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)
    page_name: str = ""
    root: str = ""


def dealt(site: Path, pages: list[str]) -> list[list[str]]:
    """The pages dealt into AXE_SHARDS shards of about equal weight: largest first, each to the
    lightest shard so far (a page's checks take about as long as its size; the workbook is the
    whole set of exercises in one page)."""
    sizes = {name: (site / name).stat().st_size for name in pages}
    shards: list[list[str]] = [[] for _ in range(AXE_SHARDS)]
    weights = [0] * AXE_SHARDS
    for name in sorted(pages, key=lambda name: -sizes[name]):
        lightest = weights.index(min(weights))
        shards[lightest].append(name)
        weights[lightest] += sizes[name]
    return [sorted(shard) for shard in shards]


def sideways(page, name: str) -> list[str]:
    """Whatever makes the page scroll sideways at 320 px, then at 640 x 400 (a 1280 x 800
    window at 200% zoom): a resize re-runs the media queries as a fresh load does."""
    size = page.viewport_size
    problems = []
    for width, height in ((320, 640), (640, 400)):
        page.set_viewport_size({"width": width, "height": height})
        problems += [f"{problem} ({width} x {height})" for problem in overflow(page, name)]
    page.set_viewport_size(size)
    return problems


@pytest.mark.parametrize("scheme", list(WAYS))
@pytest.mark.parametrize("shard", range(AXE_SHARDS))
def test_every_page_passes_axe_keeps_to_its_origin_logs_nothing_and_fits_its_width(
        browser: Browser, built_site: Path, http_root: str, scheme: str, shard: int):
    """axe finds no violation; no page requests anything from another host by itself, answering
    every question included; none logs an error or a warning; no cookie, and nothing stored but
    our key (and Material's palette choice); nothing makes a page scroll sideways at 320 px or
    at 200% zoom.

    The one exception to the origin rule is a navigation the reader asks for: "Leave this site"
    (and Escape twice) takes the tab to the ordinary page mkdocs.yml names, as domestic-violence
    services' quick exits do. It is never pressed here, so these visits show that no page
    fetches or prefetches that address on its own; test_safety.py presses it against a
    stand-in page."""
    pages = site_pages(built_site)
    assert len(pages) > 40
    root = http_root if WAYS[scheme] == "http" else built_site.as_uri() + "/"
    found = Seen()
    problems = []
    # From a folder no worker runs; the two pages opened over http here (404.html, an
    # assignment link naming the public address) must not start one that fetches the site.
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  color_scheme=scheme, service_workers="allow"
                                  if WAYS[scheme] == "http" else "block")
    context.on("request", lambda request: found.requests.append((found.root, request.url)))
    page = context.new_page()
    # 404.html is opened as a host serves it, for an address that is not there: what it logs
    # about that address is expected.
    page.on("console", lambda message: found.logged.append(
        f"{found.root}{found.page_name}: {message.type}: {message.text}")
        if message.type in ("error", "warning") and found.page_name != "404.html"
        and message.text != PLAYWRIGHT_BLOCKED_WORKER else None)
    page.on("pageerror", lambda error: found.logged.append(
        f"{found.root}{found.page_name}: {error}") if found.page_name != "404.html" else None)
    exercises, sample = set(exercise_pages(built_site)), kinds_cover(built_site)

    def axe(label: str) -> list[str]:
        return axe_violations(page, f"{label} ({scheme})")

    for name in dealt(built_site, pages)[shard]:
        # A host serves 404.html for unknown addresses; its links start at the host's root, so
        # it is opened from there only.
        found.root = http_root if name == "404.html" else root
        found.page_name = name
        page.goto(found.root + name)
        if name not in exercises or name in sample:
            problems += axe(name)
        if name in exercises:
            answer_everything(page)
            problems += axe(f"{name} answered")
        elif name == "catalog.html":
            page.locator(".sm-catalog__pick").first.check()
            page.get_by_role("button", name="Make the link").click()
            problems += axe(f"{name} with a link made")
            link = page.get_by_label("The assignment link").input_value()
            # With a public address (SITE_URL), the link names it, from a folder too.
            found.root, found.page_name = (http_root if link.startswith(http_root) else root,
                                           "assignment.html")
            page.goto(link + "&x=1")
            problems += axe("assignment.html from a link")
        elif name == "progress.html":
            page.get_by_role("button", name="Show my summary").click()
            problems += axe(f"{name} with the summary")
        if scheme == "dark":
            problems += sideways(page, name)
    found.root, found.page_name = root, "index.html"
    page.goto(root + "index.html")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    problems += storage_problems(context, page, root)
    context.close()
    for opened_from, url in found.requests:
        problems += [f"request to {url}" for url in outside_requests([url], opened_from)]
    assert len(found.requests) > len(pages) // AXE_SHARDS
    problems += found.logged
    assert problems == [], "\n".join(problems)


def test_instant_navigation_keeps_the_page_and_logs_nothing(browser: Browser, http_root: str):
    context = browser.new_context()
    page = context.new_page()
    logged: list[str] = []
    page.on("console", lambda message: logged.append(f"{page.url}: {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: logged.append(f"{page.url}: {error}"))
    page.goto(http_root + "index.html")
    page.evaluate("window.__stayed = true")
    for step in range(12):
        links = page.locator(".md-sidebar--primary a.md-nav__link[href]").filter(visible=True)
        links.nth(step % links.count()).click()
        page.wait_for_load_state("load")
    assert page.evaluate("window.__stayed") is True, "instant navigation did not keep the page"
    context.close()
    assert logged == [], "\n".join(logged)


def test_without_javascript_every_page_reads_and_every_answer_opens(browser: Browser,
                                                                    built_site: Path,
                                                                    http_root: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    problems = []
    exercises = set(exercise_pages(built_site))
    for name in site_pages(built_site):
        page.goto(http_root + name)
        if not page.locator("article h1").first.is_visible():
            problems.append(f"{name}: no visible heading without JavaScript")
        if name not in exercises:
            continue
        exercise = authored(name)
        if page.locator(".sm-check:visible").count():
            problems.append(f"{name}: a Check button shows without JavaScript")
        ids = [question["id"] for question in exercise["questions"]]
        # The first answer opens by a real click; the rest by the summary's own click() in one
        # round trip (the browser's default action, as a click's: no script of ours runs).
        page.locator(f"section#{ids[0]} details.sm-answer summary").click()
        shut = page.evaluate("""(ids) => ids.filter((id, index) => {
            const answer = document.querySelector(`section#${CSS.escape(id)} details.sm-answer`);
            if (!answer) return true;
            if (index) answer.querySelector('summary').click();
            const shown = answer.querySelector('.sm-answer__feedback, .sm-answer__model');
            return !(shown && shown.checkVisibility());
        })""", ids)
        problems += [f"{name}#{id_}: the answer does not open" for id_ in shut]
    context.close()
    assert problems == [], "\n".join(problems)


def test_nu_checker_finds_no_error_on_generated_pages(built_site: Path):
    files = [built_site / name for name in exercise_pages(built_site)]
    files += [built_site / name for name in ("exercises/index.html", "progress.html", "catalog.html",
                                             "assignment.html")]
    errors, warnings = vnu_errors(files, built_site)
    print("Nu checker warnings (allowed):", *warnings, sep="\n  ")
    assert errors == [], "\n".join(errors)


# The worksheets' print check (page counts, answers, the key) is in test_paper.py.


def test_quiz_animates_nothing_with_reduced_motion(browser: Browser, built_site: Path,
                                                   http_root: str):
    context = browser.new_context(reduced_motion="reduce", service_workers="block")
    page = context.new_page()
    problems = []
    for name in kinds_cover(built_site) + ["progress.html"]:  # the quiz's styles, every kind
        page.goto(http_root + name)
        answer_everything(page)
        problems += motion(page, name)
    context.close()
    assert problems == [], "\n".join(problems)


def test_focus_is_always_visible_on_exercise_and_tool_pages(browser: Browser, built_site: Path,
                                                            http_root: str):
    context = browser.new_context(service_workers="block")
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
